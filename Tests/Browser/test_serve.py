"""`signpost serve` in a real browser: a save reloads the page with the new words and keeps its place, a broken save
shows the error overlay until the next good save, and the findings panel works from the keyboard and passes axe-core."""
import hashlib
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
        # What serve says on both streams, in one log, as a terminal shows it.
        self.process = subprocess.Popen(argv, stdout=self.log, stderr=subprocess.STDOUT, text=True,
                                        env={**os.environ, "TMPDIR": str(self.tmp)})
        self.base = f"http://127.0.0.1:{self.port}"
        self.wait_for_log(f"{self.base}/")

    def get(self, path):
        import urllib.request
        with urllib.request.urlopen(self.base + path, timeout=30) as response:
            return response.read().decode("utf-8", "replace")

    def errors(self):
        self.log.flush()
        return self.log_path.read_text(encoding="utf-8", errors="replace")

    def wait_for_log(self, *words, limit=60):
        """Waits until the terminal shows any of `words`, and gives the first shown (the limit is only so a broken
        serve does not hang the tests)."""
        deadline = time.monotonic() + limit
        while True:
            shown = [w for w in words if w in self.errors()]
            if shown:
                return shown[0]
            assert self.process.poll() is None, f"serve stopped:\n{self.errors()}"
            assert time.monotonic() < deadline, f"serve never printed any of {words!r}:\n{self.errors()}"
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


@pytest.mark.parametrize("linked", ["page", "folder"])
def test_a_page_replaced_by_a_link_out_of_the_content_folder_sends_none_of_its_words(work, linked):
    outside_words = "\n".join(" ".join([OUTSIDE_WORD] * 30) for _ in range(400)) + "\n"
    serving = Serving(work)
    try:
        before = serving.get("/who-can-get-a-break/")
        assert '"findings":[{' in before.replace(" ", ""), "the page has findings whose words the panel quotes"
        source = json.loads(before.split('id="signpost-preview">', 1)[1].split("</script>", 1)[0])["source"]
        page = serving.content / source
        if linked == "page":
            outside = work / "outside.md"
            outside.write_text(outside_words, encoding="utf-8")
            page.unlink()
            page.symlink_to(outside)
        else:
            # The page's whole folder becomes a link to a folder outside, with a file of the page's name in it.
            outside = work / "outside-folder"
            shutil.copytree(page.parent, outside)
            (outside / page.name).write_text(outside_words, encoding="utf-8")
            shutil.rmtree(page.parent)
            page.parent.symlink_to(outside)
        serving.wait_for_log("Build failed")
        after = serving.get("/who-can-get-a-break/")
        assert OUTSIDE_WORD not in after, "the page sent words from a file outside the content folder"
        assert "who-can-get-a-break" in after, "the last good page is still served"
    finally:
        serving.stop()


NOBODY = 65534
DRAFT_WORD = "Quokkadraftplans"
PLANTED = "SIGNPOST-PLANTED-by-another-user"


def add_draft(content):
    (content / "pages/private-plans.md").write_text(
        f"---\ntitle: Private plans\nsummary: Plans that are not ready.\nstatus: draft\n---\n{DRAFT_WORD} are here.\n",
        encoding="utf-8")


def plant_site(folder, owner=NOBODY):
    """A site as another user would leave it for serve to use: Signpost's marker, a page with a script, open to all."""
    (folder / "site").mkdir(parents=True)
    page = f"<!doctype html><title>{PLANTED}</title><script>alert('{PLANTED}')</script>"
    (folder / "site/index.html").write_text(page, encoding="utf-8")
    (folder / "site/.signpost-output").write_text(
        "Written by Signpost. This whole folder is replaced on each build. Files it wrote:\nindex.html\n", encoding="utf-8")
    for dirpath, dirnames, filenames in os.walk(folder):
        for name in dirnames + filenames + ["."]:
            path = os.path.join(dirpath, name)
            os.lchown(path, owner, owner)
            os.chmod(path, 0o777)


def tree(folder):
    """Every entry under `folder`, links not followed: path → (kind, bytes or link target)."""
    found = {}
    for dirpath, dirnames, filenames in os.walk(folder):
        for name in dirnames + filenames:
            path = pathlib.Path(dirpath) / name
            found[str(path.relative_to(folder))] = (
                ("link", os.readlink(path)) if path.is_symlink()
                else ("file", path.read_bytes()) if path.is_file() else ("folder", None))
    return found


def readable_by_nobody(folder, words):
    """The files under `folder` that the user `nobody` can read and that hold `words`."""
    code = (
        "import os, sys\n"
        "for d, _, fs in os.walk(sys.argv[1], followlinks=True):\n"
        "    for f in fs:\n"
        "        try:\n"
        "            data = open(os.path.join(d, f), 'rb').read()\n"
        "        except OSError:\n"
        "            continue\n"
        "        if sys.argv[2].encode() in data:\n"
        "            print(os.path.join(d, f))\n")

    def become_nobody():
        os.setgroups([])
        os.setgid(NOBODY)
        os.setuid(NOBODY)

    result = subprocess.run(["/usr/bin/python3", "-c", code, str(folder), words], capture_output=True, text=True,
                            preexec_fn=become_nobody if os.getuid() == 0 else None)
    assert result.returncode == 0, result.stderr
    return result.stdout.split()


PLANTS = ["old-name-open-to-all", "own-name-another-users", "own-name-a-link", "own-name-open-to-all"]


@pytest.mark.skipif(os.getuid() != 0, reason="planting another user's folders needs root")
@pytest.mark.parametrize("plant", PLANTS)
def test_serve_keeps_its_copy_of_the_site_private_whatever_another_user_made_first(work, plant):
    content = work / "Content"
    shutil.copytree(pathlib.Path(os.environ.get("CONTENT", ROOT / "Content")), content)
    add_draft(content)
    tmp = work / "tmp"
    tmp.mkdir()
    tmp.chmod(0o1777)
    old_name = "signpost-serve-" + hashlib.sha256(os.path.realpath(content).encode()).hexdigest()[:16]
    own_name = f"signpost-serve-{os.getuid()}"
    planted = {
        "old-name-open-to-all": tmp / old_name,
        "own-name-another-users": tmp / own_name,
        "own-name-a-link": work / "theirs",
        "own-name-open-to-all": tmp / own_name,
    }[plant]
    if plant == "own-name-open-to-all":
        planted.mkdir()
        planted.chmod(0o777)
        plant_site(planted / old_name[len("signpost-serve-"):])  # files another user put in it while it was open
    else:
        plant_site(planted)
    if plant == "own-name-a-link":
        (tmp / own_name).symlink_to(planted)
    before = tree(planted)
    serving = Serving(work, content=content)
    try:
        assert serving.wait_for_log("Built", "Build failed") == "Built", serving.errors()
        assert PLANTED not in serving.get("/"), "serve sent a page another user put in the temporary folder"
        assert DRAFT_WORD in serving.get("/private-plans/"), "the draft is served"
        assert readable_by_nobody(tmp, DRAFT_WORD) == [], "another user can read the draft serve built"
        if plant != "own-name-open-to-all":
            assert tree(planted) == before, "serve wrote into a folder another user made"
    finally:
        serving.stop()


def site_folders(tmp):
    """The sites serve wrote under `tmp`: folders with Signpost's marker (links not followed)."""
    return [pathlib.Path(d) for d, _, files in os.walk(tmp) if ".signpost-output" in files
            and not os.path.basename(d).startswith(".")]


def test_a_stray_file_in_serves_own_folder_does_not_stop_the_next_start(work):
    serving = Serving(work)
    try:
        assert serving.wait_for_log("Built", "Build failed") == "Built", serving.errors()
    finally:
        serving.stop()
    sites = site_folders(work / "tmp")
    assert len(sites) == 1, sites
    (sites[0] / "stray-notes.txt").write_text("A file serve did not write.\n", encoding="utf-8")
    (sites[0] / "stray-folder").mkdir()
    (sites[0] / "stray-folder/more.html").write_text("<p>stray</p>\n", encoding="utf-8")
    again = Serving(work, content=serving.content)
    try:
        assert again.wait_for_log("Built", "Build failed") == "Built", again.errors()
        assert "keep:" not in again.errors(), again.errors()
        import urllib.error
        with pytest.raises(urllib.error.HTTPError):
            again.get("/stray-notes.txt")
    finally:
        again.stop()


def test_serve_without_a_theme_uses_the_one_inside_signpost_and_writes_no_theme_folder(work):
    """No --theme, no `theme:` in site.yml and no Themes/default beside the content folder."""
    serving = Serving(work, theme=False)
    try:
        assert serving.wait_for_log("Built", "Build failed") == "Built", serving.errors()
        assert "<main" in serving.get("/who-can-get-a-break/")
        assert not list((work / "tmp").glob("signpost-theme-*")), "the built-in theme was written out to be read back"
    finally:
        serving.stop()


def test_a_copy_an_older_serve_left_open_to_all_is_removed(work):
    """Older versions built straight into `signpost-serve-<hash of the content path>`, readable by everyone."""
    content = work / "Content"
    shutil.copytree(pathlib.Path(os.environ.get("CONTENT", ROOT / "Content")), content)
    tmp = work / "tmp"
    tmp.mkdir()
    tmp.chmod(0o1777)
    old = tmp / ("signpost-serve-" + hashlib.sha256(os.path.realpath(content).encode()).hexdigest()[:16])
    (old / "site/private-plans").mkdir(parents=True)
    (old / "site/private-plans/index.html").write_text(f"<p>{DRAFT_WORD}</p>", encoding="utf-8")
    (old / "site/.signpost-output").write_text(
        "Written by Signpost. This whole folder is replaced on each build. Files it wrote:\nprivate-plans/index.html\n",
        encoding="utf-8")
    for folder in (old, old / "site", old / "site/private-plans"):
        folder.chmod(0o755)
    serving = Serving(work, content=content)
    try:
        assert serving.wait_for_log("Built", "Build failed") == "Built", serving.errors()
        assert not old.exists(), "the old copy of the site, readable by everyone, is still there"
    finally:
        serving.stop()


@pytest.mark.skipif(os.geteuid() != 0, reason="needs root to make a folder another user owns")
def test_a_temporary_folder_another_user_owns_is_refused(work):
    """Its owner could rename serve's folder away and put a link in its place, even with the sticky bit."""
    tmp = work / "tmp"
    tmp.mkdir()
    tmp.chmod(0o1777)
    os.chown(tmp, 4242, 4242)
    content = work / "Content"
    shutil.copytree(pathlib.Path(os.environ.get("CONTENT", ROOT / "Content")), content)
    done = subprocess.run([str(SIGNPOST), "serve", "--content", str(content), "--port", str(free_port())],
                          capture_output=True, text=True, timeout=60, env={**os.environ, "TMPDIR": str(tmp)})
    assert done.returncode == 2, done
    assert "belongs to another user" in done.stderr and "Set TMPDIR to a folder of your own" in done.stderr, done.stderr
    assert list(tmp.iterdir()) == [], "nothing was made in it"


def test_serves_folder_swapped_for_a_link_while_serving_is_neither_cleared_nor_written_through(work):
    serving = Serving(work)
    try:
        assert serving.wait_for_log("Built", "Build failed") == "Built", serving.errors()
        own = site_folders(work / "tmp")[0].parent.parent
        key = site_folders(work / "tmp")[0].parent.name
        victim = work / "victim"
        (victim / key / ".site.previous").mkdir(parents=True)
        (victim / key / ".site.previous/thesis.txt").write_text("my thesis\n", encoding="utf-8")
        own.rename(work / "tmp/moved-away")
        own.symlink_to(victim)
        page = serving.content / "pages/leder.md"
        page.write_text(page.read_text(encoding="utf-8") + "\nA new line.\n", encoding="utf-8")
        deadline = time.monotonic() + 60
        while not any(words in serving.errors() for words in ["has changed since serve started", "Rebuilt "]):
            assert time.monotonic() < deadline, serving.errors()
            time.sleep(0.1)
        assert "has changed since serve started" in serving.errors(), serving.errors()
        found = sorted(str(path.relative_to(victim)) for path in victim.rglob("*"))
        assert found == [key, f"{key}/.site.previous", f"{key}/.site.previous/thesis.txt"], found
    finally:
        serving.stop()
