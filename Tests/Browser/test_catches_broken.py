"""The suite fails for the right reasons: on a page broken on purpose it finds a picture without alt text, a skipped
heading level and low-contrast text, in axe-core and in the HTML checker."""
import pathlib
import shutil
import tempfile

import pytest

from conftest import ROOT, SiteServer, build_site, run_axe
from test_html_valid import vnu_errors

HERE = pathlib.Path(__file__).resolve().parent


@pytest.fixture(scope="module")
def broken_site():
    folder = pathlib.Path(tempfile.mkdtemp(prefix="signpost-broken-"))
    theme = folder / "theme"
    shutil.copytree(ROOT / "Themes/default", theme)
    page = theme / "templates/page.mustache"
    page.write_text(page.read_text(encoding="utf-8").replace(
        "{{> page-end}}",
        '<img src="{{assets}}nothing.png" width="20" height="20">\n<p class="faint">This text is too faint to read.</p>\n'
        "{{> page-end}}"), encoding="utf-8")
    with open(theme / "assets/site.css", "a", encoding="utf-8") as css:
        css.write("\n.faint { color: #c4c4c4; }\n")
    site = build_site(HERE / "broken-content", folder / "Output", theme)
    yield site
    shutil.rmtree(folder, ignore_errors=True)


def test_axe_catches_each_problem(driver, broken_site):
    server = SiteServer(broken_site)
    try:
        driver.get(server.base + "/broken/")
        found = {v["id"] for v in run_axe(driver)}
    finally:
        server.close()
    assert {"image-alt", "heading-order", "color-contrast"} <= found, found


def test_html_checker_catches_the_missing_alt(broken_site):
    errors = vnu_errors(broken_site, ["broken/index.html"])
    assert any("alt" in e["message"] for e in errors), errors
