"""`signpost serve`'s own additions pass the checks every page passes: the findings panel never covers what has the
focus, even at 320 × 256 (a desktop at 400%) and folds to one small button; the error overlay keeps the focus while
it shows and gives it back when it goes; and in forced colours, light or dark, every mark, marker and chosen state
stays visible. Runs against a real `signpost serve` (the `serving` fixture of test_serve.py)."""
import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from conftest import describe_violations, run_axe
from test_serve import serving, wait  # noqa: F401 (serving is a fixture)

# Whether the element with the focus is, at its middle, what a person sees there (nothing of serve's on top).
FOCUS_COVERED = """
const el = document.activeElement;
if (!el || el === document.body) return null;
const box = el.getBoundingClientRect();
if (box.width === 0 || box.height === 0) return null;
const x = Math.min(Math.max(box.left + box.width / 2, 0), innerWidth - 1);
const y = Math.min(Math.max(box.top + box.height / 2, 0), innerHeight - 1);
const top = document.elementFromPoint(x, y);
return top && !el.contains(top) && !top.contains(el) && top.closest('#sp-findings, #signpost-errors')
  ? el.tagName + ' ' + (el.textContent || '').trim().slice(0, 40) : null;
"""


def window(browser, width, height):
    browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                            {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False})


@pytest.fixture
def fresh(browser):
    yield browser
    browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": []})
    browser.execute_script("try { localStorage.clear() } catch (e) {}")


def open_page(browser, serving, path):
    browser.get(serving["base"] + path)
    browser.execute_script("try { localStorage.clear() } catch (e) {}")
    browser.get(serving["base"] + path)
    wait(browser, lambda: browser.find_elements(By.ID, "sp-findings"))


@pytest.mark.parametrize("size", [(320, 256), (320, 640), (1280, 900)])
def test_the_findings_panel_never_covers_the_focus(fresh, serving, size):
    window(fresh, *size)
    open_page(fresh, serving, "/who-can-get-a-break/")
    if size == (1280, 900):
        assert fresh.find_element(By.ID, "sp-findings-fold").get_attribute("aria-expanded") == "true"
    fresh.find_element(By.TAG_NAME, "body").click()
    seen = 0
    for _ in range(120):
        fresh.switch_to.active_element.send_keys(Keys.TAB)
        covered = fresh.execute_script(FOCUS_COVERED)
        assert covered is None, f"at {size} the findings panel covers the focused {covered}"
        seen += 1
        if fresh.execute_script("return document.activeElement.closest('#sp-findings') !== null"):
            break
    assert seen > 5, "Tab reached the panel at once: the page's own links were not tried"


def test_the_panel_folds_to_one_small_button_and_remembers(fresh, serving):
    window(fresh, 1280, 900)
    open_page(fresh, serving, "/who-can-get-a-break/")
    fold = fresh.find_element(By.ID, "sp-findings-fold")
    assert fold.get_attribute("aria-expanded") == "true" and fresh.find_element(By.ID, "sp-findings-list").is_displayed()
    fold.send_keys(Keys.ENTER)
    assert fold.get_attribute("aria-expanded") == "false"
    assert not fresh.find_element(By.ID, "sp-findings-list").is_displayed()
    assert not fresh.find_element(By.ID, "sp-findings-switch").is_displayed()
    height = fresh.execute_script("return document.getElementById('sp-findings').getBoundingClientRect().height")
    assert height < 80, f"the folded panel is {height}px tall"
    # Folding the panel is not hiding the marks: they stay on the page.
    assert fresh.find_element(By.CSS_SELECTOR, ".sp-finding .sp-marker").is_displayed()
    fresh.get(serving["base"] + "/paying-for-short-breaks/")
    wait(fresh, lambda: fresh.find_elements(By.ID, "sp-findings-fold"))
    assert fresh.find_element(By.ID, "sp-findings-fold").get_attribute("aria-expanded") == "false"
    violations = run_axe(fresh)
    assert violations == [], describe_violations("the folded findings panel", violations)
    fresh.find_element(By.ID, "sp-findings-fold").click()
    assert fresh.find_element(By.ID, "sp-findings-list").is_displayed()


def test_at_400_percent_the_panel_starts_folded_at_the_end_of_the_page(fresh, serving):
    window(fresh, 320, 256)
    open_page(fresh, serving, "/who-can-get-a-break/")
    assert fresh.execute_script("return getComputedStyle(document.getElementById('sp-findings')).position") == "static"
    assert fresh.find_element(By.ID, "sp-findings-fold").get_attribute("aria-expanded") == "false"
    fresh.find_element(By.ID, "sp-findings-fold").click()
    list_height = fresh.execute_script("return document.getElementById('sp-findings-list').getBoundingClientRect().height")
    assert list_height > 40, f"the list of findings is {list_height}px tall when opened at 320 × 256"


def test_the_error_overlay_keeps_the_focus_and_gives_it_back(fresh, serving):
    open_page(fresh, serving, "/have-your-say/")
    links = fresh.find_elements(By.CSS_SELECTOR, "main a")
    assert links
    links[0].send_keys("")  # the focus on a link in the page
    before = fresh.execute_script("return document.activeElement.outerHTML")
    page = serving["content"] / "pages/have-your-say.md"
    good = page.read_text(encoding="utf-8")
    page.write_text(good.replace("title:", "title: [broken", 1), encoding="utf-8")
    try:
        wait(fresh, lambda: fresh.find_elements(By.ID, "signpost-errors"))
        for _ in range(6):
            fresh.switch_to.active_element.send_keys(Keys.TAB)
            assert fresh.execute_script("return !!document.activeElement.closest('#signpost-errors')"), \
                "Tab left the error overlay for the page hidden behind it"
        for _ in range(3):
            fresh.switch_to.active_element.send_keys(Keys.SHIFT, Keys.TAB)
            assert fresh.execute_script("return !!document.activeElement.closest('#signpost-errors')")
        fresh.switch_to.active_element.send_keys(Keys.ESCAPE)
        assert not fresh.find_elements(By.ID, "signpost-errors")
        assert fresh.execute_script("return document.activeElement.outerHTML") == before, "the focus was not given back"
        assert fresh.execute_script("return document.querySelectorAll('[inert]').length") == 0
    finally:
        page.write_text(good, encoding="utf-8")
    wait(fresh, lambda: not fresh.find_elements(By.ID, "signpost-errors"))


CONTRAST = """
function rgb(text) { const m = text.match(/[\\d.]+/g).map(Number); return {c: m.slice(0, 3), a: m.length > 3 ? m[3] : 1}; }
function background(el) {
  for (; el; el = el.parentElement) { const b = rgb(getComputedStyle(el).backgroundColor); if (b.a > 0) return b.c; }
  return rgb(getComputedStyle(document.documentElement).backgroundColor).a > 0
    ? rgb(getComputedStyle(document.documentElement).backgroundColor).c : [255, 255, 255];
}
function luminance(c) { return c.map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); })
  .reduce((s, v, i) => s + v * [0.2126, 0.7152, 0.0722][i], 0); }
function ratio(a, b) { const x = luminance(a), y = luminance(b); return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05); }
const out = {};
for (const [name, selector] of Object.entries(arguments[0])) {
  const el = document.querySelector(selector);
  out[name] = el ? ratio(rgb(getComputedStyle(el).color).c, background(el)) : null;
}
const mark = document.querySelector('mark.sp-finding');
out.outline = ratio(rgb(getComputedStyle(mark).outlineColor).c, background(mark.parentElement));
return out;
"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_in_forced_colours_marks_markers_and_chosen_states_stay_visible(fresh, serving, scheme):
    window(fresh, 1280, 900)
    fresh.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": [
        {"name": "forced-colors", "value": "active"}, {"name": "prefers-color-scheme", "value": scheme}]})
    open_page(fresh, serving, "/who-can-get-a-break/")
    assert fresh.execute_script("return matchMedia('(forced-colors: active)').matches")
    ratios = fresh.execute_script(CONTRAST, {
        "marked words": "mark.sp-finding", "marker": "mark.sp-finding .sp-marker",
        "marks switch (on)": "#sp-findings-switch[aria-pressed=true]", "finding in the list": ".sp-choice"})
    for name, value in ratios.items():
        assert value is not None and value >= 3, f"{scheme}: {name} has a contrast of {value}"
