"""Every page passes axe-core with the WCAG 2.0–2.2 A and AA rules and best practice: zero violations."""
from conftest import describe_violations, run_axe, url_path


def test_axe_finds_nothing(browser, server, page):
    browser.get(server.base + url_path(page))
    violations = run_axe(browser)
    assert violations == [], describe_violations(page, violations)
