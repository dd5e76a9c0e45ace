"""Keyboard users: the skip link comes first and works, and every link and control can be reached and shows focus."""
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.keys import Keys

from conftest import url_path

FOCUSABLE = """
// A group of radio buttons is one Tab stop (arrow keys move inside it): the checked one, or else the first.
const radioStop = el => {
  const group = [...document.querySelectorAll('input[type="radio"]')].filter(r => r.name === el.name && r.form === el.form);
  return (group.find(r => r.checked) || group[0]) === el;
};
return [...document.querySelectorAll('a[href], button, input, select, textarea, summary, [tabindex]:not([tabindex="-1"])')]
  .filter(el => !el.disabled && el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden')
  .filter(el => el.type !== 'radio' || !el.name || radioStop(el));
"""

FOCUS_LOOK = """
const el = arguments[0];
const s = getComputedStyle(el);
return [s.outlineStyle + ' ' + s.outlineWidth + ' ' + s.outlineColor, s.boxShadow, s.backgroundColor, s.color,
        s.textDecorationLine];
"""


def press_tab(browser):
    ActionChains(browser).send_keys(Keys.TAB).perform()
    return browser.switch_to.active_element


def test_skip_link_comes_first_and_moves_to_main(browser, server, page):
    browser.get(server.base + url_path(page))
    first = press_tab(browser)
    assert "skip-link" in (first.get_attribute("class") or ""), f"{page}: first Tab reached {first.tag_name} {first.text!r}"
    assert first.is_displayed() and first.size["height"] > 0, f"{page}: the skip link is not visible when focused"
    first.send_keys(Keys.ENTER)
    where = browser.execute_script("const el = document.activeElement; return el.tagName + '#' + el.id")
    assert where == "MAIN#main", f"{page}: the skip link moved focus to {where}, not to main"
    # The next Tab carries on from main: to the first thing inside it, if it has anything to Tab to.
    inside = browser.execute_script(
        FOCUSABLE.replace("document.querySelectorAll", "document.querySelector('main').querySelectorAll"))
    if inside:
        following = press_tab(browser)
        assert following == inside[0], \
            f"{page}: Tab after the skip link reached {following.tag_name} {following.text!r}, not {inside[0].text!r}"


def test_every_link_is_reachable_and_shows_focus(browser, server, page):
    browser.get(server.base + url_path(page))
    expected = browser.execute_script(FOCUSABLE)
    assert expected, f"{page}: nothing to Tab to, not even the skip link"
    reached, focused_look = [], []
    for _ in range(len(expected) + 5):
        element = press_tab(browser)
        if element.tag_name == "body" or (reached and element == reached[0]):
            break
        reached.append(element)
        # Read while the keyboard has put focus here, so :focus-visible applies.
        focused_look.append(browser.execute_script(FOCUS_LOOK, element))
    missing = [el.text or el.get_attribute("href") for el in expected if el not in reached]
    assert not missing, f"{page}: Tab never reaches {missing}"
    browser.execute_script("document.activeElement && document.activeElement.blur()")
    for element, focused in zip(reached, focused_look):
        unfocused = browser.execute_script(FOCUS_LOOK, element)
        assert focused != unfocused, f"{page}: no visible focus on {element.tag_name} {element.get_attribute('href')!r}"
