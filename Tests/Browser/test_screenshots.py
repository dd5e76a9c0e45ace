"""Full-page screenshots of the main kinds of page, at desktop and phone widths, for a person to look at."""
import os
import pathlib

from conftest import ROOT, set_width

WIDTHS = (1280, 375)


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
    written = []
    for name, page in choose_pages(site).items():
        for width in WIDTHS:
            set_width(browser, width, 900)
            browser.get(server.base + "/" + page.removesuffix("index.html"))
            height = browser.execute_script("return document.documentElement.scrollHeight")
            set_width(browser, width, min(height, 12000))
            path = folder / f"{name}-{width}.png"
            browser.save_screenshot(str(path))
            assert path.stat().st_size > 5000, f"{path} looks empty"
            written.append(path)
    print(f"\nScreenshots: {folder}")
    assert len(written) >= 6
