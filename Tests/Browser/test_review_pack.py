"""The review pack `signpost review` writes, opened from disk as a facilitator would: it passes axe-core and the Nu
HTML Checker, every point is numbered with three labelled answers, the keyboard alone gives the right counts, the
saved answers go back into Content/ through `signpost review import` without losing an earlier session, and printing
keeps every point whole on A4."""
import base64
import json
import pathlib
import re
import shutil
import subprocess
import tempfile
import time

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from conftest import ROOT, SIGNPOST, describe_violations, press, run_axe, set_width, tab_to
from test_html_valid import format_errors, vnu_errors

# have-your-say has an email address in a point, which must wrap on a phone.
PAGES = ["easy-read/short-breaks.md", "easy-read/paying-for-short-breaks.md", "easy-read/who-can-get-a-break.md",
         "easy-read/have-your-say.md", "easy-read/leder.md"]


@pytest.fixture(scope="module")
def pack():
    """A copy of the sample content (so importing changes nothing in the repository) and a pack made from it."""
    folder = pathlib.Path(tempfile.mkdtemp(prefix="signpost-review-"))
    shutil.copytree(ROOT / "Content", folder / "Content")
    result = subprocess.run([str(SIGNPOST), "review", "--content", str(folder / "Content"), "--output",
                             str(folder / "pack"), "--theme", str(ROOT / "Themes/default"), "--date", "2026-11-20",
                             *PAGES], capture_output=True, text=True)
    assert result.returncode == 0, f"signpost review failed:\n{result.stdout}\n{result.stderr}"
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


def pack_files(pack):
    return sorted(str(p.relative_to(pack / "pack")) for p in (pack / "pack").glob("*.html"))


def open_file(browser, pack, name):
    browser.get((pack / "pack" / name).as_uri())


def test_the_pack_has_an_index_a_review_page_and_a_sheet_for_each_page(pack):
    assert pack_files(pack) == sorted(["index.html"] + [
        page[:-3].replace("/", "-") + suffix for page in PAGES for suffix in (".html", "-facilitator.html")])


def test_axe_finds_nothing_in_the_pack(browser, pack):
    for name in pack_files(pack):
        open_file(browser, pack, name)
        violations = run_axe(browser)
        assert violations == [], describe_violations(name, violations)


def test_the_pack_is_valid_html(pack):
    errors = vnu_errors(pack / "pack", pack_files(pack))
    assert errors == [], format_errors(errors)


def test_no_pack_page_scrolls_sideways_on_a_phone_or_at_400_percent(browser, pack):
    """WCAG 1.4.10: a 320 pixel phone, and 1280 pixels at 400% with a classic scroll bar (305 pixels left), on the
    review pages (long email addresses in points) and the facilitator's sheets (64-figure hashes)."""
    for width, mobile in ((320, True), (305, False)):
        browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                                {"width": width, "height": 640, "deviceScaleFactor": 1, "mobile": mobile})
        for name in pack_files(pack):
            open_file(browser, pack, name)
            scroll_width, client_width = browser.execute_script(
                "return [document.documentElement.scrollWidth, document.documentElement.clientWidth]")
            assert scroll_width <= client_width, f"{name} is {scroll_width}px wide at {client_width}px"
    browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


def test_every_point_is_numbered_in_order_with_its_picture_and_three_labelled_choices(browser, pack):
    open_file(browser, pack, "easy-read-short-breaks.html")
    points = browser.find_elements(By.CSS_SELECTOR, ".point")
    assert len(points) >= 5
    for index, point in enumerate(points, start=1):
        assert point.find_element(By.CSS_SELECTOR, ".point__number").text == f"Point {index}"
        labels = [b.text.replace("\u2713", "").strip() for b in point.find_elements(By.CSS_SELECTOR, ".choice__button")]
        assert labels == ["I understand", "I do not understand", "Change the picture"], f"point {index}: {labels}"
        picture = point.find_element(By.CSS_SELECTOR, ".point__picture img")
        assert browser.execute_script("return arguments[0].complete && arguments[0].naturalWidth > 0", picture), \
            f"point {index}: the picture does not load from disk"
        assert picture.size["width"] >= 96 and picture.size["height"] >= 96
        words = point.find_element(By.CSS_SELECTOR, ".point__words")
        assert float(words.value_of_css_property("font-size").rstrip("px")) >= 24
        # Picture left of the words on a wide screen.
        assert picture.location["x"] + picture.size["width"] <= words.location["x"]
        for button in point.find_elements(By.CSS_SELECTOR, "button"):
            assert button.size["width"] >= 48 and button.size["height"] >= 48, f"point {index}: a button is too small"
        notes = point.find_element(By.CSS_SELECTOR, "textarea")
        label = point.find_element(By.CSS_SELECTOR, f"label[for='{notes.get_attribute('id')}']")
        assert label.text == f"Notes for point {index}"


def test_on_a_narrow_screen_the_picture_is_above_its_words(browser, pack):
    open_file(browser, pack, "easy-read-short-breaks.html")
    set_width(browser, 360)
    point = browser.find_element(By.CSS_SELECTOR, ".point")
    picture = point.find_element(By.CSS_SELECTOR, ".point__picture img")
    words = point.find_element(By.CSS_SELECTOR, ".point__words")
    assert picture.location["y"] + picture.size["height"] <= words.location["y"]


def test_only_the_changed_point_is_marked_changed_in_words(browser, pack):
    open_file(browser, pack, "easy-read-paying-for-short-breaks.html")
    badges = browser.execute_script(
        "return [...document.querySelectorAll('.point')].filter(p => p.querySelector('.badge'))"
        ".map(p => [p.dataset.point, p.querySelector('.badge').textContent])")
    assert badges == [["3", "Changed since the last check"]]
    open_file(browser, pack, "index.html")
    assert "1 changed point" in browser.find_element(By.TAG_NAME, "main").text


def test_the_facilitators_sheet_gives_the_version_and_every_points_hash(browser, pack):
    sheet = (pack / "pack" / "easy-read-who-can-get-a-break-facilitator.html").read_text(encoding="utf-8")
    assert re.search(r"Page version: <span class=\"hash\">[0-9a-f]{64}</span>", sheet)
    open_file(browser, pack, "easy-read-who-can-get-a-break-facilitator.html")
    hashes = browser.execute_script("return [...document.querySelectorAll('tbody tr td.hash')].map(td => td.textContent)")
    assert hashes and all(re.fullmatch(r"[0-9a-f]{12}", h) for h in hashes[:3])




def test_keyboard_alone_counts_answers_and_the_saved_file_imports_without_losing_a_session(browser, pack):
    downloads = pack / "downloads"
    downloads.mkdir(exist_ok=True)
    browser.execute_cdp_cmd("Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(downloads)})
    open_file(browser, pack, "easy-read-short-breaks.html")
    browser.execute_script("localStorage.clear()")
    browser.refresh()

    def is_choice(point, answer):
        return lambda e: (e.get_attribute("class") == "choice__button"
                          and e.find_element(By.XPATH, "./ancestor::section").get_attribute("data-point") == point
                          and e.find_element(By.XPATH, "..").get_attribute("data-answer") == answer)

    understand = tab_to(browser, is_choice("1", "understand"))
    press(browser, Keys.ENTER)
    press(browser, Keys.SPACE)
    press(browser, Keys.ENTER)
    # Undo, the next control after the count, takes one away.
    undo = press(browser, Keys.TAB)
    assert "Undo" in undo.text or undo.get_attribute("class") == "choice__undo"
    press(browser, Keys.ENTER)
    picture = tab_to(browser, is_choice("1", "change_picture"))
    press(browser, Keys.ENTER)
    notes = press(browser, Keys.TAB, Keys.TAB)
    assert notes.tag_name == "textarea", notes.tag_name
    press(browser, "Use a photo of a real home, please.")
    counts = browser.execute_script(
        "return [...document.querySelectorAll('#point-1 .choice')].map(c => [c.dataset.answer, c.querySelector('.count').textContent, c.classList.contains('is-chosen')])")
    assert counts == [["understand", "2", True], ["do_not_understand", "0", False], ["change_picture", "1", True]]
    # The chosen state is in words and a tick too, not colour alone.
    assert understand.find_element(By.CSS_SELECTOR, ".choice__tick").is_displayed()

    # Answers survive closing the tab.
    browser.refresh()
    assert browser.find_element(By.CSS_SELECTOR, "#point-1 [data-answer=understand] .count").text == "2"
    assert browser.find_element(By.CSS_SELECTOR, "#notes-1").get_attribute("value") == "Use a photo of a real home, please."

    facilitator = browser.find_element(By.ID, "facilitator")
    facilitator.send_keys("Priya Shah")
    browser.find_element(By.CSS_SELECTOR, "input[value=changes-needed]").send_keys(Keys.SPACE)
    save = tab_to(browser, lambda e: e.get_attribute("id") == "save")
    save.send_keys(Keys.ENTER)
    deadline = time.time() + 10
    while time.time() < deadline and not list(downloads.glob("*.json")):
        time.sleep(0.1)
    saved = list(downloads.glob("*.json"))
    assert len(saved) == 1, f"no saved answers in {downloads}"
    answers = json.loads(saved[0].read_text(encoding="utf-8"))
    assert answers["page"] == "easy-read/short-breaks.md" and answers["outcome"] == "changes-needed"
    assert answers["points"][0] == {"point": 1, "hash": answers["points"][0]["hash"], "understand": 2,
                                    "do_not_understand": 0, "change_picture": 1,
                                    "notes": "Use a photo of a real home, please."}

    review_file = pack / "Content/reviews/easy-read/short-breaks.yml"
    before = review_file.read_text(encoding="utf-8")
    result = subprocess.run([str(SIGNPOST), "review", "import", "--content", str(pack / "Content"), str(saved[0])],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    after = review_file.read_text(encoding="utf-8")
    # The earlier session is still there, first; the new one is last.
    assert after.count("  - date: ") == before.count("  - date: ") + 1
    assert after.index("2026-11-03") < after.index("2026-11-20")
    assert 'notes: "Use a photo of a real home, please."' in after
    assert "outcome: changes-needed" in after
    status = subprocess.run([str(SIGNPOST), "review", "status", "--content", str(pack / "Content"), "--format", "json"],
                            capture_output=True, text=True)
    row = next(r for r in json.loads(status.stdout)["pages"] if r["page"] == "easy-read/short-breaks.md")
    assert row["outcome"] == "changes-needed" and row["lastSession"] == "2026-11-20" and not row["signedOff"]


def test_printing_keeps_every_point_whole_on_a4(browser, pack):
    open_file(browser, pack, "easy-read-short-breaks.html")
    browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        # A4 portrait with the pack's margins leaves 182 mm by 265 mm: about 688 by 1001 CSS pixels.
        set_width(browser, 688, 1001)
        points = browser.execute_script(
            "return [...document.querySelectorAll('.point')].map(p => [p.dataset.point, getComputedStyle(p).breakInside,"
            " p.getBoundingClientRect().height, getComputedStyle(p.querySelector('.choice__undo')).display,"
            " parseFloat(getComputedStyle(p.querySelector('.point__words')).fontSize),"
            " p.querySelector('.point__picture img') ? p.querySelector('.point__picture img').getBoundingClientRect().width : 96])")
        for number, break_inside, height, undo, size, picture in points:
            assert break_inside == "avoid", f"point {number} may be split across pages"
            assert height < 1001 / 3, f"point {number} is {height}px tall: fewer than three fit on a sheet"
            assert undo == "none", f"point {number}: screen-only buttons are printed"
            assert size >= 18.6, f"point {number}: its words print at {size}px, under 14 pt"
            assert picture >= 94, f"point {number}: its picture prints {picture}px wide, under 2.5 cm"
        summary = browser.execute_script("return parseFloat(getComputedStyle(document.querySelector('.lead')).fontSize)")
        assert summary == points[0][4], "the summary prints at another size than the points"
        boxes = browser.execute_script("return [...document.querySelectorAll('#point-1 .box')]"
                                       ".map(b => getComputedStyle(b).display !== 'none' && b.getBoundingClientRect().width >= 20)")
        assert boxes == [True] * 3, "no boxes to tick on paper"
        # Nothing is ticked on paper, and no control that only works on a screen shows its arrow or icon.
        screen_only = browser.execute_script(
            "return [...document.querySelectorAll('.outcome input, .session select, .session input')]"
            ".filter(e => getComputedStyle(e).appearance !== 'none').map(e => e.outerHTML.slice(0, 60))")
        assert screen_only == [], f"printed as screen controls: {screen_only}"
    finally:
        browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})


def printed(browser, pack, name):
    """The file printed to PDF by Chromium with the pack's own page size, and each sheet's text (poppler)."""
    open_file(browser, pack, name)
    pdf = base64.b64decode(browser.execute_cdp_cmd("Page.printToPDF", {"preferCSSPageSize": True})["data"])
    path = pack / (name + ".pdf")
    path.write_bytes(pdf)
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    sheets = int(re.search(r"Pages:\s+(\d+)", info).group(1))
    size = re.search(r"Page size:\s+(.*)", info).group(1)
    texts = [subprocess.run(["pdftotext", "-f", str(n), "-l", str(n), "-layout", str(path), "-"], capture_output=True,
                            text=True, check=True).stdout for n in range(1, sheets + 1)]
    return size, texts


def test_an_eleven_point_page_prints_on_four_a4_sheets_each_with_its_title(browser, pack):
    size, sheets = printed(browser, pack, "easy-read-leder.html")
    assert "(A4)" in size, size
    assert len(sheets) <= 4, f"11 points take {len(sheets)} sheets"
    for number, text in enumerate(sheets, 1):
        assert "LeDeR: review" in text, f"sheet {number} has no title"
        assert f"Page {number} of {len(sheets)}" in text, f"sheet {number} has no page number"
    # The meeting's details share the first sheet with the first points.
    assert "About this meeting" in sheets[0] and "Point 1 of 11" in sheets[0] and "Point 2 of 11" in sheets[0]
    for facilitator in ("easy-read-leder-facilitator.html", "index.html"):
        size, sheets = printed(browser, pack, facilitator)
        assert "(A4)" in size and all("review" in text.lower() or "Facilitator" in text for text in sheets), facilitator


def test_on_screen_no_count_or_undo_shows_before_an_answer_is_chosen(browser, pack):
    open_file(browser, pack, "easy-read-short-breaks.html")
    browser.execute_script("try { localStorage.clear() } catch (e) {}")  # answers an earlier test gave
    open_file(browser, pack, "easy-read-short-breaks.html")
    point = browser.find_element(By.ID, "point-1")
    assert not [e for e in point.find_elements(By.CSS_SELECTOR, ".choice__count, .choice__undo") if e.is_displayed()]
    point.find_element(By.CSS_SELECTOR, ".choice__button").click()
    chosen = point.find_element(By.CSS_SELECTOR, ".choice.is-chosen")
    assert chosen.find_element(By.CSS_SELECTOR, ".choice__count").is_displayed()
    assert chosen.find_element(By.CSS_SELECTOR, ".choice__undo").is_displayed()
    chosen.find_element(By.CSS_SELECTOR, ".choice__undo").click()
    browser.execute_script("try { localStorage.clear() } catch (e) {}")
