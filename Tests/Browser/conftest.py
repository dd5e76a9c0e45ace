"""Shared set-up for the browser tests: build a site once, serve it on loopback, drive headless Chromium.

Environment:
  SIGNPOST      the signpost binary (default .build/debug/signpost)
  CONTENT       the content folder to build (default Content)
  THEME         a theme folder to build with (default: the site's own)
  ARTIFACTS     where screenshots go (default test-artifacts)
"""
import functools
import http.server
import os
import pathlib
import shutil
import subprocess
import tempfile
import threading

import pytest
from selenium import webdriver
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.chrome.service import Service

ROOT = pathlib.Path(__file__).resolve().parents[2]
SIGNPOST = pathlib.Path(os.environ.get("SIGNPOST", ROOT / ".build/debug/signpost"))
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]


def build_site(content, output, theme=None):
    """Runs `signpost build` and returns the output folder."""
    command = [str(SIGNPOST), "build", "--content", str(content), "--output", str(output)]
    if theme:
        command += ["--theme", str(theme)]
    result = subprocess.run(command, capture_output=True, text=True)
    assert result.returncode == 0, f"signpost build failed:\n{result.stdout}\n{result.stderr}"
    return pathlib.Path(output)


@functools.lru_cache(maxsize=None)
def built_site():
    """The site under test, built once per run into a temporary folder."""
    folder = pathlib.Path(tempfile.mkdtemp(prefix="signpost-browser-"))
    content = pathlib.Path(os.environ.get("CONTENT", ROOT / "Content"))
    return build_site(content, folder / "Output", os.environ.get("THEME"))


def pages(site=None):
    """Every HTML page of a site, as paths relative to its folder."""
    site = site or built_site()
    return sorted(str(p.relative_to(site)) for p in site.rglob("*.html"))


def url_path(page):
    """`easy-read/leder/index.html` → `/easy-read/leder/`."""
    return "/" + page[: -len("index.html")] if page.endswith("index.html") else "/" + page


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


class SiteServer:
    """Serves a folder on 127.0.0.1 for as long as the tests need it."""

    def __init__(self, folder, handler_class=None):
        handler = functools.partial(handler_class or QuietHandler, directory=str(folder))
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()
        self.base = f"http://127.0.0.1:{self.httpd.server_address[1]}"

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()


def make_driver():
    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--hide-scrollbars",
                 "--window-size=1280,1000", "--force-device-scale-factor=1"):
        options.add_argument(flag)
    service = Service(executable_path=shutil.which("chromedriver") or "/usr/bin/chromedriver")
    driver = webdriver.Chrome(options=options, service=service)
    driver.set_script_timeout(60)
    return driver


def set_width(driver, width, height=900):
    """Makes the page think the window is `width` CSS pixels wide, as a phone would."""
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600})


@pytest.fixture(scope="session")
def site():
    return built_site()


@pytest.fixture(scope="session")
def server(site):
    server = SiteServer(site)
    yield server
    server.close()


@pytest.fixture(scope="session")
def driver():
    driver = make_driver()
    yield driver
    driver.quit()


@pytest.fixture
def browser(driver):
    """The shared browser, put back to a desktop width before each test."""
    set_width(driver, 1280, 1000)
    return driver


def axe_source():
    import axe_playwright_python
    return (pathlib.Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text(encoding="utf-8")


def run_axe(driver):
    """Runs axe-core in the open page and returns its violations."""
    if not driver.execute_script("return typeof window.axe !== 'undefined'"):
        driver.execute_script(axe_source())
    return driver.execute_async_script(
        """const done = arguments[arguments.length - 1];
        axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}, resultTypes: ['violations']})
           .then(r => done(r.violations.map(v => ({id: v.id, help: v.help,
                 nodes: v.nodes.map(n => n.target.join(' ') + ' ' + n.failureSummary)}))))
           .catch(e => done([{id: 'axe-error', help: String(e), nodes: []}]));""",
        AXE_TAGS,
    )


def describe_violations(page, violations):
    lines = []
    for v in violations:
        lines.append(f"{page}: {v['id']}: {v['help']}")
        lines += [f"    {node}" for node in v["nodes"][:5]]
    return "\n".join(lines)


def pytest_generate_tests(metafunc):
    if "page" in metafunc.fixturenames:
        found = pages()
        # An empty list would make pytest skip every page test quietly.
        assert found, f"{built_site()} has no HTML pages to test"
        metafunc.parametrize("page", found)


def press(browser, *keys):
    """Presses keys as a person would, and returns the element that has the focus then."""
    ActionChains(browser).send_keys(*keys).perform()
    return browser.switch_to.active_element


def tab_to(browser, predicate, limit=200, what="the control"):
    """Presses Tab until the focused element matches, as a keyboard or switch user would move."""
    for _ in range(limit):
        element = press(browser, Keys.TAB)
        if predicate(element):
            return element
    raise AssertionError(f"Tab never reached {what} on {browser.current_url}")


def accessible(driver, selector):
    """What the browser's accessibility tree gives a screen reader for the element: its name, description and
    whether it is invalid, as Chromium computes them (the DevTools protocol), not as the markup suggests."""
    root = driver.execute_cdp_cmd("DOM.getDocument", {"depth": 0})["root"]["nodeId"]
    node = driver.execute_cdp_cmd("DOM.querySelector", {"nodeId": root, "selector": selector})["nodeId"]
    assert node, f"nothing matches {selector}"
    ax = driver.execute_cdp_cmd("Accessibility.getPartialAXTree", {"nodeId": node, "fetchRelatives": False})["nodes"][0]
    properties = {p["name"]: p["value"].get("value") for p in ax.get("properties", [])}
    return {"name": (ax.get("name") or {}).get("value", ""), "description": (ax.get("description") or {}).get("value", ""),
            "invalid": properties.get("invalid", "false")}

