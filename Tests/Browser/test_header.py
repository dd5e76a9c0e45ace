"""A family on a phone finds help in the first screen: the menu folds into a button (without JavaScript too), and
"Find a service" and the urgent number from `emergency:` are in the first 390 × 844 screen of every kind of page;
on the services listing the filters fold too, so the first result is in the first screen."""
import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from conftest import make_driver, set_width

KINDS = ["", "short-breaks/", "easy-read/short-breaks/", "services/", "how-much-might-i-pay/",
         "guides/can-i-get-a-short-break/", "guides/can-i-get-a-short-break/emergency--1.html"]
IN_FIRST_SCREEN = "const r = arguments[0].getBoundingClientRect(); return r.height > 0 && r.top >= 0 && r.bottom <= innerHeight"


@pytest.fixture(params=["with JavaScript", "without JavaScript"])
def phone(request):
    driver = make_driver()
    if request.param == "without JavaScript":
        driver.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": True})
    set_width(driver, 390, 844)
    yield driver
    driver.quit()


@pytest.mark.parametrize("path", KINDS)
def test_find_a_service_and_the_urgent_number_are_in_the_first_screen(phone, server, path):
    phone.get(server.base + "/" + path)
    find = phone.find_element(By.CSS_SELECTOR, ".site-urgent a.site-urgent__find")
    call = phone.find_element(By.CSS_SELECTOR, ".site-urgent a[href^='tel:']")
    assert phone.execute_script(IN_FIRST_SCREEN, find), f"/{path}: “Find a service” is below the first screen"
    assert phone.execute_script(IN_FIRST_SCREEN, call), f"/{path}: the urgent number is below the first screen"
    assert call.get_attribute("href") == "tel:+441164960000"
    # The menu is folded: its links wait behind the button, and the row of links for wide screens is not shown.
    assert not [a for a in phone.find_elements(By.CSS_SELECTOR, ".site-nav a") if a.is_displayed()]
    assert phone.find_element(By.CSS_SELECTOR, ".site-menu__button").is_displayed()


def test_the_menu_opens_and_closes_from_the_keyboard(phone, server):
    phone.get(server.base + "/short-breaks/")
    button = phone.find_element(By.CSS_SELECTOR, ".site-menu__button")
    body = phone.find_element(By.TAG_NAME, "body")
    body.send_keys(Keys.TAB)
    for _ in range(10):
        if phone.switch_to.active_element == button:
            break
        phone.switch_to.active_element.send_keys(Keys.TAB)
    assert phone.switch_to.active_element == button, "Tab never reached the menu button"
    button.send_keys(Keys.ENTER)
    links = [a for a in phone.find_elements(By.CSS_SELECTOR, ".site-menu .site-nav a") if a.is_displayed()]
    assert len(links) >= 5, "the menu did not open"
    assert phone.find_element(By.CSS_SELECTOR, ".site-menu .site-nav a[aria-current='page']").is_displayed()
    button.send_keys(Keys.SPACE)
    assert not [a for a in phone.find_elements(By.CSS_SELECTOR, ".site-nav a") if a.is_displayed()]


def test_on_a_wide_screen_the_menu_is_a_row_of_links(browser, server):
    set_width(browser, 1280, 900)
    browser.get(server.base + "/short-breaks/")
    assert not browser.find_element(By.CSS_SELECTOR, ".site-menu").is_displayed()
    assert len([a for a in browser.find_elements(By.CSS_SELECTOR, ".site-nav--wide a") if a.is_displayed()]) >= 5


def test_the_first_service_is_in_the_first_screen_of_the_listing(server):
    driver = make_driver()
    try:
        set_width(driver, 390, 844)
        driver.get(server.base + "/services/")
        card = driver.find_element(By.CSS_SELECTOR, ".service-card .service-card__name")
        assert driver.execute_script("return arguments[0].getBoundingClientRect().top < innerHeight", card), \
            "the first service is below the first screen"
        fold = driver.find_element(By.CSS_SELECTOR, "[data-filters]")
        assert fold.get_attribute("open") is None
        fold.find_element(By.TAG_NAME, "summary").click()
        assert driver.find_element(By.CSS_SELECTOR, "label[for='area-rutland']").is_displayed()
    finally:
        driver.quit()
