"""Every phone number a family might need is a link that calls: in page text, easy-read pages, guide outcomes and
service pages, and a service page gives how to get in touch before its facts."""
import re

from selenium.webdriver.common.by import By

from conftest import url_path

# A UK number as people write it (0116 496 0000, 07700 900123, +44 20 7946 0000), in text that is not a link.
UK_NUMBER = r"(?<![\d+])(?:\+44[ \u00a0]?|0)\d{2,4}(?:[ \u00a0]?\d{3,4}){2}(?!\d)"
UNLINKED = """
const found = [];
const walker = document.createTreeWalker(document.querySelector('main') || document.body, NodeFilter.SHOW_TEXT);
for (let node = walker.nextNode(); node; node = walker.nextNode()) {
  if (node.parentElement.closest('a, script, style, code, pre')) continue;
  const match = node.data.match(new RegExp(arguments[0], 'g'));
  if (match) found.push(...match);
}
return found;
"""


def test_no_phone_number_is_left_as_plain_words(browser, server, page):
    browser.get(server.base + url_path(page))
    assert browser.execute_script(UNLINKED, UK_NUMBER) == [], f"{page}: phone numbers that are not links"


def test_the_emergency_outcome_links_999_and_the_councils_number(browser, server):
    browser.get(server.base + "/guides/can-i-get-a-short-break/emergency--1.html")
    hrefs = [a.get_attribute("href") for a in browser.find_elements(By.CSS_SELECTOR, "main a[href^='tel:']")]
    assert "tel:999" in hrefs and "tel:+441164960000" in hrefs, hrefs


def test_a_service_page_says_how_to_get_in_touch_before_its_facts(browser, server):
    browser.get(server.base + "/services/")
    first = browser.find_element(By.CSS_SELECTOR, ".service-card a").get_attribute("href")
    browser.get(first)
    headings = [h.text for h in browser.find_elements(By.CSS_SELECTOR, "main h2")]
    assert "How to get in touch" in headings and "Key facts" in headings, headings
    assert headings.index("How to get in touch") < headings.index("Key facts"), headings
    assert browser.find_elements(By.CSS_SELECTOR, "main .contact-list a[href^='tel:']")
