"""`signpost serve` in a real browser: a save reloads the page with the new words and keeps its place, a broken save
shows the error overlay until the next good save, and the findings panel works from the keyboard and passes axe-core."""
import json
import os
import pathlib
import shutil
import socket
import subprocess
import tempfile
import time

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

from conftest import ROOT, SIGNPOST, describe_violations, run_axe

THEME = pathlib.Path(os.environ.get("THEME", ROOT / "Themes/default"))


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def serving():
    """`signpost serve` on a copy of the sample site, on a free port on loopback."""
    work = pathlib.Path(tempfile.mkdtemp(prefix="signpost-serve-test-"))
    content = work / "Content"
    shutil.copytree(pathlib.Path(os.environ.get("CONTENT", ROOT / "Content")), content)
    port = free_port()
    log = open(work / "serve.log", "w+")
    process = subprocess.Popen([str(SIGNPOST), "serve", "--content", str(content), "--theme", str(THEME),
                                "--port", str(port)], stdout=subprocess.PIPE, stderr=log, text=True)
    first = process.stdout.readline()
    assert f"http://127.0.0.1:{port}/" in first, first
    yield {"base": f"http://127.0.0.1:{port}", "content": content, "log": log}
    process.terminate()
    process.wait(timeout=10)
    log.close()
    shutil.rmtree(work, ignore_errors=True)


def wait(browser, condition, timeout=20):
    return WebDriverWait(browser, timeout, poll_frequency=0.05).until(lambda _: condition())


def text_of(browser):
    return browser.execute_script("return document.querySelector('main').innerText")


def test_a_save_reloads_the_page_with_the_new_words_and_keeps_its_place(browser, serving):
    browser.get(serving["base"] + "/short-breaks/")
    wait(browser, lambda: browser.execute_script("return !!document.getElementById('sp-findings')"))
    browser.execute_script("window.scrollTo(0, 500); window.notReloaded = true;")
    page = serving["content"] / "pages/short-breaks.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nThese words were saved a moment ago.\n", encoding="utf-8")
    wait(browser, lambda: "These words were saved a moment ago." in text_of(browser))
    assert browser.execute_script("return window.notReloaded === undefined"), "the page itself reloads"
    assert abs(browser.execute_script("return window.scrollY") - 500) < 5, "the page keeps its scroll position"


def test_a_broken_save_shows_the_errors_until_a_good_save(browser, serving):
    browser.get(serving["base"] + "/leder/")
    page = serving["content"] / "pages/leder.md"
    good = page.read_text(encoding="utf-8")
    page.write_text(good.replace("title:", "title: [unclosed", 1), encoding="utf-8")
    overlay = wait(browser, lambda: browser.find_elements(By.ID, "signpost-errors"))[0]
    words = overlay.text
    assert "The site could not be built" in words
    assert "pages/leder.md:" in words, words
    # The same words as the terminal: file:line:column: error: message.
    terminal = serving["log"]
    terminal.seek(0)
    error_lines = [line.strip() for line in terminal.read().splitlines() if line.startswith("pages/leder.md:") and ": error:" in line]
    assert error_lines, "the terminal prints the error too"
    assert error_lines[-1] in words.splitlines(), (error_lines[-1], words)
    # The site served is still the last good one.
    assert "LeDeR" in text_of(browser)
    # Dismissable.
    overlay.find_element(By.TAG_NAME, "button").click()
    assert not browser.find_elements(By.ID, "signpost-errors")
    # Shown again on the next broken save, and gone on the next good save, with its new words.
    page.write_text(good.replace("title:", "title: [still unclosed", 1), encoding="utf-8")
    wait(browser, lambda: browser.find_elements(By.ID, "signpost-errors"))
    page.write_text(good + "\nThis page is fixed now.\n", encoding="utf-8")
    wait(browser, lambda: "This page is fixed now." in text_of(browser))
    assert not browser.find_elements(By.ID, "signpost-errors")


def test_the_findings_panel_marks_the_words_and_works_from_the_keyboard(browser, serving):
    browser.execute_script("try { localStorage.clear() } catch (e) {}")
    browser.get(serving["base"] + "/who-can-get-a-break/")
    wait(browser, lambda: browser.find_elements(By.CSS_SELECTOR, "#sp-findings .sp-choice"))
    marks = browser.execute_script(
        "return Array.from(document.querySelectorAll('mark.sp-finding[id]')).map(m => [m.id, m.innerText])")
    assert marks, "the findings' words are marked on the page"
    assert any("eligibility" in text for _, text in marks), marks
    # Each mark has a number, not colour alone.
    assert all(text.strip()[0].isdigit() or "Finding" in text for _, text in marks), marks
    violations = run_axe(browser)
    assert violations == [], describe_violations("who-can-get-a-break (serving)", violations)

    # From the keyboard: Tab reaches the switch and then each finding; Enter moves to the marked words.
    body = browser.find_element(By.TAG_NAME, "body")
    body.click()
    for _ in range(200):
        browser.switch_to.active_element.send_keys(Keys.TAB)
        if browser.execute_script("return document.activeElement.classList.contains('sp-choice')"):
            break
    else:
        pytest.fail("Tab never reached a finding in the panel")
    number = browser.execute_script("return document.activeElement.dataset.finding")
    browser.switch_to.active_element.send_keys(Keys.ENTER)
    assert browser.execute_script("return document.activeElement.id") == f"sp-finding-{number}"
    # Escape goes back to the list.
    browser.switch_to.active_element.send_keys(Keys.ESCAPE)
    assert browser.execute_script("return document.activeElement.dataset.finding") == number

    # The switch hides them, and the choice is remembered on the next page.
    switch = browser.find_element(By.ID, "sp-findings-switch")
    switch.send_keys(Keys.ENTER)
    assert switch.get_attribute("aria-pressed") == "false"
    assert not browser.find_element(By.CSS_SELECTOR, ".sp-finding .sp-marker").is_displayed()
    browser.get(serving["base"] + "/paying-for-short-breaks/")
    wait(browser, lambda: browser.find_elements(By.ID, "sp-findings-switch"))
    assert browser.find_element(By.ID, "sp-findings-switch").get_attribute("aria-pressed") == "false"
    violations = run_axe(browser)
    assert violations == [], describe_violations("paying-for-short-breaks (serving, findings hidden)", violations)
    browser.find_element(By.ID, "sp-findings-switch").click()


def test_the_overlay_passes_axe(browser, serving):
    browser.get(serving["base"] + "/have-your-say/")
    page = serving["content"] / "pages/have-your-say.md"
    good = page.read_text(encoding="utf-8")
    page.write_text(good.replace("title:", "title: [broken", 1), encoding="utf-8")
    try:
        wait(browser, lambda: browser.find_elements(By.ID, "signpost-errors"))
        violations = run_axe(browser)
        assert violations == [], describe_violations("error overlay", violations)
    finally:
        page.write_text(good, encoding="utf-8")
    wait(browser, lambda: not browser.find_elements(By.ID, "signpost-errors"))


# --- hostile input while serving (issue 25): over HTTP only, each with a serve of its own ------------------------

OUTSIDE_WORD = "Zebraquartzoutside"


class Serving:
    """`signpost serve` on a copy of the sample site, with a temporary folder of its own (TMPDIR), on a free port."""

    def __init__(self, work, content=None, theme=True, args=()):
        self.work = work
        self.content = content or work / "Content"
        if content is None:
            shutil.copytree(pathlib.Path(os.environ.get("CONTENT", ROOT / "Content")), self.content)
        self.tmp = work / "tmp"
        self.tmp.mkdir(exist_ok=True)
        self.tmp.chmod(0o1777)  # like /tmp: anyone may make things in it
        self.port = free_port()
        self.log_path = work / "serve.log"
        self.log = open(self.log_path, "w+")
        argv = [str(SIGNPOST), "serve", "--content", str(self.content), "--port", str(self.port), *args]
        if theme:
            argv += ["--theme", str(THEME)]
        self.process = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=self.log, text=True,
                                        env={**os.environ, "TMPDIR": str(self.tmp)})
        self.first = self.process.stdout.readline()
        self.base = f"http://127.0.0.1:{self.port}"

    def get(self, path):
        import urllib.request
        with urllib.request.urlopen(self.base + path, timeout=30) as response:
            return response.read().decode("utf-8", "replace")

    def errors(self):
        self.log.flush()
        return self.log_path.read_text(encoding="utf-8", errors="replace")

    def wait_for_log(self, words, limit=60):
        """Waits until the terminal shows `words` (the limit is only so a broken serve does not hang the tests)."""
        deadline = time.monotonic() + limit
        while words not in self.errors():
            assert self.process.poll() is None, f"serve stopped:\n{self.errors()}"
            assert time.monotonic() < deadline, f"serve never printed {words!r}:\n{self.errors()}"
            time.sleep(0.1)

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=10)
        self.log.close()


@pytest.fixture
def work():
    folder = pathlib.Path(tempfile.mkdtemp(prefix="signpost-serve-hostile-"))
    folder.chmod(0o755)
    yield folder
    for dirpath, dirnames, _ in os.walk(folder):
        for name in dirnames:
            path = os.path.join(dirpath, name)
            if not os.path.islink(path):
                os.chmod(path, 0o755)
    shutil.rmtree(folder, ignore_errors=True)


def test_a_page_replaced_by_a_link_out_of_the_content_folder_sends_none_of_its_words(work):
    outside = work / "outside.md"
    outside.write_text("\n".join(" ".join([OUTSIDE_WORD] * 30) for _ in range(400)) + "\n", encoding="utf-8")
    serving = Serving(work)
    try:
        assert f"http://127.0.0.1:{serving.port}/" in serving.first, serving.errors()
        before = serving.get("/who-can-get-a-break/")
        assert '"findings":[{' in before.replace(" ", ""), "the page has findings whose words the panel quotes"
        source = json.loads(before.split('id="signpost-preview">', 1)[1].split("</script>", 1)[0])["source"]
        page = serving.content / source
        page.unlink()
        page.symlink_to(outside)
        serving.wait_for_log("Build failed")
        after = serving.get("/who-can-get-a-break/")
        assert OUTSIDE_WORD not in after, "the page sent words from a file outside the content folder"
        assert "who-can-get-a-break" in after, "the last good page is still served"
    finally:
        serving.stop()
