"""The site on paper, printed by Chromium as a person's browser would: A4 (or the site's `print_page_size:`), the
page's title and sheet number on every sheet, nothing that only works on a screen, easy read at 14 pt or more with
no point split across sheets, and never a last sheet holding only the footer."""
import base64
import re
import subprocess

import pytest

from conftest import pages, url_path

# Every easy-read page that is not a step of a guide, and one page of each other kind.
EASY = [p for p in pages() if p.startswith("easy-read/") and "/guides/" not in p]
OTHERS = ["how-much-might-i-pay/index.html", "guides/can-i-get-a-short-break/carer-effects--2-3.html",
          "services/index.html", "short-breaks/index.html"]
SCREEN_ONLY = ["Print your answers", "Start again", "Search for a service", "Continue", "Skip to main content"]


def print_pdf(browser, server, page, folder):
    browser.get(server.base + url_path(page))
    title = browser.execute_script("return document.title")
    data = browser.execute_cdp_cmd("Page.printToPDF", {"preferCSSPageSize": True})["data"]
    path = folder / (page.replace("/", "_") + ".pdf")
    path.write_bytes(base64.b64decode(data))
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    count = int(re.search(r"Pages:\s+(\d+)", info).group(1))
    size = re.search(r"Page size:\s+(.*)", info).group(1)
    sheets = [subprocess.run(["pdftotext", "-f", str(n), "-l", str(n), str(path), "-"], capture_output=True,
                             text=True, check=True).stdout for n in range(1, count + 1)]
    return title, size, sheets


def words(text):
    return " ".join(text.split())


@pytest.mark.parametrize("printed", EASY + OTHERS)
def test_a_page_prints_on_a4_with_its_title_and_number_on_every_sheet(browser, server, printed, tmp_path):
    page = printed
    assert EASY, "no easy-read pages to print"
    title, size, sheets = print_pdf(browser, server, page, tmp_path)
    assert "(A4)" in size, f"{page} prints on {size}"
    for number, text in enumerate(sheets, 1):
        flat = words(text)
        assert words(title)[:40] in flat, f"{page}: sheet {number} has no title"
        assert re.search(rf"\b{number} ?/ ?{len(sheets)}\b", flat), f"{page}: sheet {number} has no sheet number"
        for control in SCREEN_ONLY:
            assert control not in flat, f"{page}: “{control}” is printed"
    if len(sheets) > 1:
        # The last sheet has more on it than the footer, the title and the sheet number.
        footer = browser.execute_script("return document.querySelector('.site-footer').innerText")
        rest = words(sheets[-1]).replace(words(title)[:40], "")
        for line in footer.splitlines():
            rest = rest.replace(words(line), "")
        assert len(re.sub(rf"\b{len(sheets)} ?/ ?{len(sheets)}\b", "", rest).strip()) > 20, \
            f"{page}: the last of {len(sheets)} sheets holds only the footer"


@pytest.mark.parametrize("printed", EASY)
def test_easy_read_prints_large_with_every_point_whole(browser, server, printed):
    page = printed
    browser.get(server.base + url_path(page))
    browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        found = browser.execute_script("""
          const points = [...document.querySelectorAll('main .picture-row, main .prose li')];
          return {points: points.map(p => getComputedStyle(p).breakInside),
                  sizes: [...document.querySelectorAll('main p, main li')].map(p => parseFloat(getComputedStyle(p).fontSize)),
                  pictures: [...document.querySelectorAll('main .picture-row__picture img')].map(i => i.getBoundingClientRect().width)};""")
    finally:
        browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
    assert found["points"] and all(b == "avoid" for b in found["points"]), f"{page}: a point may be split across sheets"
    assert min(found["sizes"]) >= 18.6, f"{page}: text prints at {min(found['sizes'])}px, under 14 pt"
    assert all(w >= 94 for w in found["pictures"]), f"{page}: a picture prints under 2.5 cm"
