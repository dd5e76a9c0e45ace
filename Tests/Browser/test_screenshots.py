"""Full-page screenshots of the main kinds of page, at desktop and phone widths, for a person to look at, and checked
as a person would glance at them: as wide as the window, not blank, with the page's heading on screen and drawn."""
import os
import pathlib


import png_image
from conftest import ROOT, set_width

WIDTHS = (1280, 375)
VIEWPORT_HEIGHT = 900
# A page of text, pictures and a coloured header has hundreds of colours once text is smoothed; a blank or
# single-colour screenshot has one or two.
ENOUGH_COLOURS = 32

HEADING_ON_SCREEN = """
const h1 = document.querySelector('main h1');
if (!h1) return null;
const r = h1.getBoundingClientRect(), s = getComputedStyle(h1);
const top = document.elementFromPoint(r.left + Math.min(r.width, 40) / 2, r.top + r.height / 2);
return {left: r.left, top: r.top, right: r.right, bottom: r.bottom, text: h1.textContent.trim(),
        width: window.innerWidth, height: window.innerHeight, visible: s.visibility !== 'hidden' && s.opacity !== '0',
        uncovered: !!top && (top === h1 || h1.contains(top))};
"""


def choose_pages(site):
    wanted = {"home": "index.html"}
    standard = sorted(p for p in site.glob("*/index.html") if p.parent.name not in ("easy-read", "services"))
    if standard:
        wanted["standard"] = str(standard[0].relative_to(site))
    easy = sorted((site / "easy-read").glob("*/index.html"))
    if easy:
        wanted["easy-read"] = str(easy[0].relative_to(site))
    if (site / "services/index.html").exists():
        wanted["services"] = "services/index.html"
    return wanted


def test_screenshots(browser, server, site):
    folder = pathlib.Path(os.environ.get("ARTIFACTS", ROOT / "test-artifacts")) / "screenshots"
    folder.mkdir(parents=True, exist_ok=True)
    chosen = choose_pages(site)
    assert {"home", "standard", "easy-read"} <= chosen.keys(), f"the site lacks a kind of page: {chosen}"
    written = []
    for name, page in chosen.items():
        for width in WIDTHS:
            set_width(browser, width, VIEWPORT_HEIGHT)
            browser.get(server.base + "/" + page.removesuffix("index.html"))
            # Without scrolling, the heading is on screen, not hidden or covered by anything.
            heading = browser.execute_script(HEADING_ON_SCREEN)
            assert heading, f"{page} has no h1 in main"
            assert heading["text"] and heading["visible"], f"{page} at {width}px: the h1 is hidden"
            assert 0 <= heading["left"] < heading["right"] <= heading["width"] + 1 and \
                   0 <= heading["top"] < heading["bottom"] <= heading["height"], \
                   f"{page} at {width}px: the h1 is not within the first screen: {heading}"
            assert heading["uncovered"], f"{page} at {width}px: something is drawn over the h1"

            height = browser.execute_script("return document.documentElement.scrollHeight")
            full = min(height, 12000)
            set_width(browser, width, full)
            path = folder / f"{name}-{width}.png"
            browser.save_screenshot(str(path))
            image = png_image.read(path)
            assert (image.width, image.height) == (width, full), \
                f"{path} is {image.width}×{image.height}, the window was {width}×{full}"
            assert len(image.colours(limit=ENOUGH_COLOURS)) >= ENOUGH_COLOURS, f"{path} is blank or nearly one colour"
            # The heading's own box in the picture has its text drawn in it: more than the background colour.
            box = browser.execute_script(HEADING_ON_SCREEN)
            ink = image.colours(int(box["left"]), int(box["top"]), int(box["right"]) + 1, int(box["bottom"]) + 1)
            assert len(ink) > 2, f"{path}: nothing is drawn where the h1 {box['text']!r} is"
            written.append(path)
    print(f"\nScreenshots: {folder}")
    assert len(written) == 2 * len(chosen)
