"""Question guides and the charges estimator in a real browser: every path of the sample guide walked by keyboard
alone, the estimator giving the answers in the shared table of cases, and both working without JavaScript.
The site-wide tests (axe-core, the Nu HTML Checker, keyboard, layout, easy read) run on every guide and estimator
page too, as they run on every page; the first test here makes sure those pages are among them."""
import json
import subprocess

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

from conftest import ROOT, SIGNPOST, accessible, describe_violations, make_driver, run_axe, pages, tab_to

GUIDE = "guides/can-i-get-a-short-break/"
EASY_GUIDE = "easy-read/guides/can-i-get-a-short-break/"
ESTIMATOR = "how-much-might-i-pay/"
CASES = json.loads((ROOT / "Tests/Fixtures/estimator-cases.json").read_text(encoding="utf-8"))["cases"]


def guide_paths():
    """Every path through the sample guide, as `signpost guides --format json` lists it."""
    result = subprocess.run([str(SIGNPOST), "guides", "--content", str(ROOT / "Content"), "--format", "json"],
                            capture_output=True, text=True, check=True)
    guides = json.loads(result.stdout)["guides"]
    return next(g for g in guides if g["file"] == "guides/can-i-get-a-short-break.yml")["paths"]


def tab_to_link(browser, text, limit=60):
    """Presses Tab until a link whose words are `text` has the focus, as a keyboard user moves."""
    return tab_to(browser, lambda e: e.tag_name == "a" and e.text.replace("→", "").strip() == text, limit,
                  f"a link “{text}”")


def heading(browser):
    return browser.find_element(By.TAG_NAME, "h1").text.strip()


def answers_so_far(browser):
    return browser.execute_script(
        "return [...document.querySelectorAll('.guide-answers-so-far .summary-list__row')]"
        ".map(row => [row.querySelector('dt').textContent.trim(), row.querySelector('dd').textContent.trim()])")


def test_guide_and_estimator_pages_are_among_the_pages_every_site_wide_test_checks(site):
    found = pages(site)
    paths = guide_paths()
    assert f"{GUIDE}index.html" in found and f"{EASY_GUIDE}index.html" in found and f"{ESTIMATOR}index.html" in found
    # A start page, and a page for every question and outcome on every path, in both versions.
    assert len([p for p in found if p.startswith(GUIDE)]) == len([p for p in found if p.startswith(EASY_GUIDE)]) > len(paths)


def test_every_path_of_the_sample_guide_by_keyboard_alone(browser, server):
    paths = guide_paths()
    assert len(paths) == 9
    for path in paths:
        browser.get(server.base + "/" + GUIDE)
        start = tab_to_link(browser, "Start now")
        start.send_keys(Keys.ENTER)
        for number, step in enumerate(path["answers"], start=1):
            WebDriverWait(browser, 5).until(lambda d: heading(d) == step["question"])
            # The question's heading has the focus, and the title says where the person is.
            assert browser.switch_to.active_element.tag_name == "h1"
            assert browser.title.startswith(f"Question {number} of "), browser.title
            assert [row[0] for row in answers_so_far(browser)] == [s["question"] for s in path["answers"][:number - 1]]
            tab_to_link(browser, step["answer"]).send_keys(Keys.ENTER)
        WebDriverWait(browser, 5).until(lambda d: heading(d) == path["outcome"]["title"])
        assert answers_so_far(browser) == [[s["question"], s["answer"]] for s in path["answers"]]
        assert browser.find_element(By.CSS_SELECTOR, ".guide-print button").is_displayed()


def test_change_goes_back_to_the_question_with_the_earlier_answers_kept(browser, server):
    path = guide_paths()[-1]
    browser.get(server.base + "/" + GUIDE + "index.html")
    browser.find_element(By.CSS_SELECTOR, "a.guide-start").click()
    for step in path["answers"]:
        browser.find_element(By.XPATH, f'//a[normalize-space()="{step["answer"]}"]').click()
    change = browser.find_elements(By.CSS_SELECTOR, ".summary-list__change a")[1]
    change.click()
    assert heading(browser) == path["answers"][1]["question"]
    assert answers_so_far(browser) == [[path["answers"][0]["question"], path["answers"][0]["answer"]]]
    browser.find_element(By.CSS_SELECTOR, ".back-link a").click()
    assert heading(browser) == path["answers"][0]["question"]


def make_driver_without_javascript():
    driver = make_driver()
    driver.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": True})
    return driver


def test_guides_work_without_javascript_opened_from_disk(site):
    driver = make_driver_without_javascript()
    try:
        for folder in (GUIDE, EASY_GUIDE):
            driver.get((site / folder / "index.html").as_uri())
            driver.find_element(By.CSS_SELECTOR, "a.guide-start").click()
            answers = 0
            while driver.find_elements(By.CSS_SELECTOR, ".guide-answer"):
                driver.find_elements(By.CSS_SELECTOR, ".guide-answer")[-1].click()
                answers += 1
                assert answers < 10
            assert driver.current_url.startswith("file://") and driver.current_url.endswith(".html#heading")
            assert len(driver.find_elements(By.CSS_SELECTOR, ".guide-answers-so-far .summary-list__row")) == answers
            assert heading(driver)
    finally:
        driver.quit()


def fill_estimator(browser, request):
    """Answers the estimator's questions one step at a time, as a person would, and returns the result's steps."""
    browser.find_element(By.ID, "break-" + request["break"]).click()
    browser.find_element(By.ID, "amount").send_keys(str(request["amount"]))
    browser.find_element(By.CSS_SELECTOR, '[data-step="break"] [data-next]').click()
    for kind, pounds in request["incomes"].items():
        browser.find_element(By.ID, "income-" + kind).send_keys(pounds)
    browser.find_element(By.CSS_SELECTOR, '[data-step="income"] [data-next]').click()
    browser.find_element(By.ID, "savings").send_keys(request["savings"])
    browser.find_element(By.CSS_SELECTOR, '[data-step="savings"] [data-next]').click()
    if request.get("disability_costs"):
        browser.find_element(By.ID, "disability-costs").send_keys(request["disability_costs"])
    if request.get("age") is not None:
        browser.find_element(By.ID, "age").send_keys(str(request["age"]))
    if request.get("circumstance"):
        browser.find_element(By.ID, "circumstance-" + request["circumstance"]).click()
    browser.find_element(By.CSS_SELECTOR, '[data-step="costs"] button[type="submit"]').click()
    WebDriverWait(browser, 5).until(lambda d: d.find_element(By.ID, "estimate-result").is_displayed())
    return browser.execute_script(
        "return [...document.querySelectorAll('#estimate-steps li')].map(li => [li.dataset.step, +li.dataset.pence, li.textContent])")


def command_line_estimate(request):
    command = [str(SIGNPOST), "estimate", "--content", str(ROOT / "Content"), "--break", request["break"],
               "--amount", str(request["amount"]), "--savings", request["savings"], "--format", "json"]
    for kind, pounds in request["incomes"].items():
        command += ["--income", f"{kind}={pounds}"]
    for option, key in (("--disability-costs", "disability_costs"), ("--age", "age"), ("--circumstance", "circumstance")):
        if request.get(key) is not None:
            command += [option, str(request[key])]
    return json.loads(subprocess.run(command, capture_output=True, text=True, check=True).stdout)


def test_the_estimator_gives_the_tables_answers_in_the_browser(browser, server):
    for case in CASES:
        browser.get(server.base + "/" + ESTIMATOR)
        steps = fill_estimator(browser, case["request"])
        charge = int(browser.find_element(By.ID, "estimate-result").get_attribute("data-charge-pence"))
        assert charge == case["charge_pence"], case["name"]
        assert [[s[0], s[1]] for s in steps] == case["steps"], case["name"]
        # The page's words are the command's words, step for step.
        expected = command_line_estimate(case["request"])
        assert [s[2] for s in steps] == [s["label"] for s in expected["steps"]], case["name"]
        assert browser.find_element(By.ID, "estimate-easy-charge").text.strip() == expected["charge"]
        assert "financial assessment" in browser.find_element(By.ID, "estimate-result").text


def test_the_estimator_says_what_is_wrong_with_an_answer(browser, server):
    """GOV.UK's pattern: the step's problems are listed at its top and focused, each linking to its field, and each
    field's error (and hint) is part of what a screen reader reads for the field, which is marked invalid."""
    browser.get(server.base + "/" + ESTIMATOR)
    # An empty Continue: the summary is focused and names both problems; the group of radios is described by its
    # error and marked invalid.
    browser.find_element(By.CSS_SELECTOR, '[data-step="break"] [data-next]').click()
    active = browser.switch_to.active_element
    assert "error-summary" in active.get_attribute("class")
    assert "There is a problem" in active.text and "Choose a kind of break." in active.text
    assert "Write a whole number from 1 to" in active.text
    group = accessible(browser, "#break-group")
    assert "Choose a kind of break." in group["description"], group
    assert accessible(browser, "#break-overnight-house")["invalid"] == "true"
    # Choosing a break and a wrong number: the remaining problem is the number's, tied to its field.
    browser.find_element(By.ID, "break-overnight-house").click()
    browser.find_element(By.ID, "amount").send_keys("9")
    browser.find_element(By.CSS_SELECTOR, '[data-step="break"] [data-next]').click()
    error = browser.find_element(By.ID, "amount-error")
    assert error.is_displayed() and "1 to 7" in error.text
    summary = browser.switch_to.active_element
    assert "Choose a kind of break" not in summary.text and "1 to 7" in summary.text
    assert accessible(browser, "#break-group")["description"] == ""
    assert accessible(browser, "#break-overnight-house")["invalid"] == "false"
    amount = accessible(browser, "#amount")
    assert "1 to 7" in amount["description"] and amount["invalid"] == "true", amount
    # The summary's link takes the focus to the field.
    summary.find_element(By.TAG_NAME, "a").send_keys(Keys.ENTER)
    assert browser.switch_to.active_element.get_attribute("id") == "amount"
    # A hint is read with its field, before and after an error.
    browser.find_element(By.ID, "amount").clear()
    browser.find_element(By.ID, "amount").send_keys("2" + Keys.ENTER)
    assert "Leave a box empty" in accessible(browser, "input[data-income]")["description"]
    browser.find_element(By.CSS_SELECTOR, '[data-step="income"] [data-next]').click()
    savings = browser.find_element(By.ID, "savings")
    savings.send_keys("lots" + Keys.ENTER)
    described = accessible(browser, "#savings")
    assert "Do not count the home" in described["description"] and "full stop" in described["description"], described
    violations = run_axe(browser)
    assert not violations, describe_violations("the estimator with an error", violations)
    savings.clear()
    savings.send_keys("100" + Keys.ENTER)
    assert accessible(browser, "#savings")["invalid"] == "false"


def test_the_page_reads_amounts_as_the_command_does(browser, server):
    """parsePounds on the page and Money(pounds:) in Swift follow one table: "230,25" is refused, not £23,025."""
    table = json.loads((ROOT / "Tests/Fixtures/money-cases.json").read_text(encoding="utf-8"))["cases"]
    browser.get(server.base + "/" + ESTIMATOR)
    read = browser.execute_script("return arguments[0].map(t => window.SignpostEstimator.parsePounds(t))",
                                  [text for text, _ in table])
    assert [[text, pence] for (text, _), pence in zip(table, read)] == table
    browser.find_element(By.ID, "break-overnight-house").send_keys(Keys.SPACE)
    browser.find_element(By.ID, "amount").send_keys("2" + Keys.ENTER)
    income = browser.find_element(By.CSS_SELECTOR, "input[data-income]")
    income.send_keys("230,25" + Keys.ENTER)
    error = browser.find_element(By.ID, income.get_attribute("id") + "-error")
    assert error.is_displayed() and "full stop" in error.text
    assert visible_step(browser) == "income"


def visible_step(browser):
    return browser.execute_script(
        "const s = [...document.querySelectorAll('.estimator__step')].filter(s => !s.hidden);"
        "return s.length === 1 ? s[0].dataset.step : s.map(x => x.dataset.step).join(',')")


def test_enter_in_a_step_moves_on_and_never_shows_an_answer_before_every_question(browser, server):
    """Enter (a phone keyboard's Go key) in a text box submits the form. It must act as Continue, step by step, and
    the estimate must appear only after the last question, the same as the command's for the same answers."""
    case = next(c for c in CASES if c["request"]["incomes"] and c["request"]["savings"] not in ("", "0"))
    request = case["request"]
    browser.get(server.base + "/" + ESTIMATOR)
    result = browser.find_element(By.ID, "estimate-result")
    browser.find_element(By.ID, "break-" + request["break"]).send_keys(Keys.SPACE)
    amount = browser.find_element(By.ID, "amount")
    amount.send_keys(str(request["amount"]) + Keys.ENTER)
    assert not result.is_displayed(), "Enter in the first step showed an estimate before the other questions"
    assert visible_step(browser) == "income"
    # An empty Continue by Enter on the first step shows the step's error rather than moving on or answering.
    browser.get(server.base + "/" + ESTIMATOR)
    browser.find_element(By.ID, "amount").send_keys(Keys.ENTER)
    assert visible_step(browser) == "break" and not browser.find_element(By.ID, "estimate-result").is_displayed()
    assert browser.find_element(By.ID, "break-error").is_displayed()
    # The whole form by keyboard alone, Enter after each step.
    browser.get(server.base + "/" + ESTIMATOR)
    result = browser.find_element(By.ID, "estimate-result")
    browser.find_element(By.ID, "break-" + request["break"]).send_keys(Keys.SPACE)
    browser.find_element(By.ID, "amount").send_keys(str(request["amount"]) + Keys.ENTER)
    incomes = list(request["incomes"].items())
    for kind, pounds in incomes:
        browser.find_element(By.ID, "income-" + kind).send_keys(pounds)
    browser.find_element(By.ID, "income-" + incomes[-1][0]).send_keys(Keys.ENTER)
    assert not result.is_displayed(), "Enter in the income step showed an estimate without asking about savings"
    assert visible_step(browser) == "savings"
    browser.find_element(By.ID, "savings").send_keys(request["savings"] + Keys.ENTER)
    assert not result.is_displayed() and visible_step(browser) == "costs"
    if request.get("disability_costs"):
        browser.find_element(By.ID, "disability-costs").send_keys(request["disability_costs"])
    if request.get("circumstance"):
        browser.find_element(By.ID, "circumstance-" + request["circumstance"]).send_keys(Keys.SPACE)
    browser.find_element(By.ID, "age").send_keys(str(request.get("age") or "") + Keys.ENTER)
    WebDriverWait(browser, 5).until(lambda d: d.find_element(By.ID, "estimate-result").is_displayed())
    assert int(result.get_attribute("data-charge-pence")) == case["charge_pence"], case["name"]
    assert browser.find_element(By.ID, "estimate-easy-charge").text.strip() == command_line_estimate(request)["charge"]


def test_without_javascript_the_estimator_shows_a_worksheet_with_the_policys_figures(server):
    driver = make_driver_without_javascript()
    try:
        driver.get(server.base + "/" + ESTIMATOR)
        assert not driver.find_element(By.ID, "estimator").is_displayed()
        worksheet = driver.find_element(By.ID, "worksheet")
        assert worksheet.is_displayed()
        text = worksheet.text
        for figure in ("£23,250", "£14,250", "£250", "£228.70", "£160.00 a night", "£10.00"):
            assert figure in text, figure
        assert "Personal Independence Payment: mobility part" in text
        assert "example figures" in driver.find_element(By.TAG_NAME, "main").text
    finally:
        driver.quit()
