"""Hostile inputs: every case in cases/<name>/ runs `signpost` on broken, huge or odd content and checks that it
fails cleanly (or builds cleanly), never crashes, hangs, leaks files from outside the content folder, changes the
content, or damages the previous output. See README.md in this folder for the case format.

Environment:
  SIGNPOST   the signpost binary (default: `swift build --show-bin-path`/signpost)
  THEME      the theme passed with --theme (default: Themes/default)
"""
import atexit
import fnmatch
import functools
import hashlib
import importlib.util
import json
import os
import pathlib
import re
import resource
import shutil
import signal
import stat
import subprocess
import sys
import tempfile
import threading
import time

import pytest
import yaml

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parents[1]
CASES = HERE / "cases"
MINIMAL = HERE / "base" / "minimal"
CANARY = "SIGNPOST-CANARY-7f3a"
MARKER = ".signpost-output"
NOBODY = 65534

sys.path.insert(0, str(HERE))  # so generate.py files can import hostile_helpers

KEYS = {
    "description", "defect", "command", "args", "content", "output", "exit", "errors", "warnings", "only",
    "stderr_contains", "stdout_contains", "stderr_excludes", "seconds", "memory_mb", "stdout", "previous_output",
    "base", "kept", "output_has", "output_lacks", "output_excludes", "stdout_json", "readonly", "env",
    "concurrent", "content_has", "content_lacks", "content_unchanged", "then",
}
DEFAULT_ARGS = {
    "build": ["build", "--content", "{content}", "--output", "{output}", "--theme", "{theme}"],
    "check": ["check", "--content", "{content}"],
    # `import` runs `signpost import openreferral` or `signpost review import`, as `args` says: the one kind of case
    # that may change the content folder (see `content_unchanged`).
    "import": None,
}
ERROR_LINE = re.compile(r": error: ")
WARNING_LINE = re.compile(r": warning: ")


# --- set-up -------------------------------------------------------------------------------------------------------

@functools.lru_cache(maxsize=None)
def signpost():
    if os.environ.get("SIGNPOST"):
        return str(pathlib.Path(os.environ["SIGNPOST"]).resolve())
    path = subprocess.run(["swift", "build", "--show-bin-path"], cwd=ROOT, capture_output=True, text=True,
                          check=True).stdout.strip()
    return str(pathlib.Path(path) / "signpost")


def theme():
    return str(pathlib.Path(os.environ.get("THEME", ROOT / "Themes" / "default")).resolve())


@functools.lru_cache(maxsize=None)
def tiny_site():
    """A known-good site, built once: copied into each case's output folder as the 'previous' site."""
    folder = pathlib.Path(tempfile.mkdtemp(prefix="signpost-hostile-tiny-"))
    atexit.register(shutil.rmtree, folder, True)
    result = subprocess.run([signpost(), "build", "--content", str(MINIMAL), "--output", str(folder / "site"),
                             "--theme", theme()], capture_output=True, text=True, env=child_env())
    assert result.returncode == 0, f"the tiny known-good site does not build:\n{result.stderr}"
    return folder / "site"


def child_env(extra=None):
    env = dict(os.environ)
    env["NO_COLOR"] = "1"
    env.pop("TERM", None)
    env.update(extra or {})
    return env


def load_case(folder):
    case = yaml.safe_load((folder / "case.yml").read_text(encoding="utf-8"))
    assert isinstance(case, dict), f"{folder.name}/case.yml is not a mapping"
    unknown = set(case) - KEYS
    assert not unknown, f"{folder.name}/case.yml has unknown keys: {sorted(unknown)}"
    assert case.get("description"), f"{folder.name}/case.yml needs a description"
    assert case.get("exit") in (0, 1, 2), f"{folder.name}/case.yml needs exit: 0, 1 or 2"
    assert case.get("command", "build") in DEFAULT_ARGS or "args" in case, \
        f"{folder.name}: command must be build, check or import, or another command with its args"
    assert case.get("command") != "import" or "args" in case, f"{folder.name}: an import case needs args"
    assert (folder / "content").is_dir() or (folder / "generate.py").is_file() or case.get("base"), \
        f"{folder.name} has neither content/, generate.py nor base:"
    if "defect" in case:
        assert isinstance(case["defect"], int) and 1 <= case["defect"] <= 13, f"{folder.name}: defect must be 1-13"
    return case


def case_folders():
    return sorted(p for p in CASES.iterdir() if (p / "case.yml").is_file())


def write_canaries(outside):
    """Files outside the content folder that must never reach the output."""
    def put(name, text):
        path = outside / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    put("secret.txt", f"{CANARY} a secret outside the content folder\n")
    put("secret.svg", f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><title>{CANARY}</title>'
                      '<rect width="10" height="10"/></svg>\n')
    put("secret.md", f"---\ntitle: Secret {CANARY}\nsummary: A secret page {CANARY}.\n---\n{CANARY} words.\n")
    put("secret.css", f"/* {CANARY} */ body {{ color: red; }}\n")
    put("secret.mustache", f"<p>{CANARY}</p>\n")
    put("secret.yml", f"title: {CANARY}\n")
    put("dir/page.md", f"---\ntitle: Outside {CANARY}\nsummary: Outside {CANARY}.\n---\n{CANARY}\n")
    put("dir/picture.svg", f'<svg xmlns="http://www.w3.org/2000/svg"><title>{CANARY}</title></svg>\n')
    put("dir/notes.txt", f"{CANARY}\n")


def run_generator(folder, work):
    os.environ["HOSTILE_SIGNPOST"] = signpost()  # for hostile_helpers.run_signpost
    spec = importlib.util.spec_from_file_location(f"hostile_generate_{folder.name.replace('-', '_')}",
                                                  folder / "generate.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.generate(work)


def merge_tree(source, destination):
    """Copies `source` into `destination` without replacing files already there."""
    for dirpath, _, filenames in os.walk(source):
        target = destination / pathlib.Path(dirpath).relative_to(source)
        target.mkdir(parents=True, exist_ok=True)
        for name in filenames:
            if not (target / name).exists():
                shutil.copy2(pathlib.Path(dirpath) / name, target / name)


def snapshot(folder):
    """Every entry under `folder` (hidden ones too), symlinks recorded but never followed: path → (kind, detail)."""
    folder = pathlib.Path(folder)
    if not os.path.lexists(folder):
        return None
    if folder.is_symlink():
        return {".": ("link", os.readlink(folder))}
    entries = {}
    for dirpath, dirnames, filenames in os.walk(folder, followlinks=False):
        for name in dirnames + filenames:
            path = pathlib.Path(dirpath) / name
            relative = str(path.relative_to(folder))
            info = os.lstat(path)
            if stat.S_ISLNK(info.st_mode):
                entries[relative] = ("link", os.readlink(path))
            elif stat.S_ISDIR(info.st_mode):
                entries[relative] = ("dir", None)
            elif stat.S_ISREG(info.st_mode):
                try:
                    digest = hashlib.sha256(path.read_bytes()).hexdigest()
                except PermissionError:
                    digest = "unreadable"
                entries[relative] = ("file", digest)
            else:
                entries[relative] = ("other", stat.S_IFMT(info.st_mode))
    return entries


def describe_difference(before, after, limit=8):
    if before is None or after is None:
        return f"existed before: {before is not None}, exists after: {after is not None}"
    lines = []
    for path in sorted(set(before) | set(after)):
        if before.get(path) != after.get(path):
            what = ("added" if path not in before else "removed" if path not in after else "changed")
            lines.append(f"{what}: {path!r}")
    more = f" (and {len(lines) - limit} more)" if len(lines) > limit else ""
    return "; ".join(lines[:limit]) + more


def files_of(folder):
    """Regular files under `folder`: relative path → bytes."""
    found = {}
    for dirpath, dirnames, filenames in os.walk(folder, followlinks=False):
        for name in filenames:
            path = pathlib.Path(dirpath) / name
            if not path.is_symlink():
                found[str(path.relative_to(folder))] = path.read_bytes()
    return found


def leaks(folder):
    """Problems with an output folder: canary text from outside the content folder, or symlinks."""
    problems = []
    if not os.path.isdir(folder):
        return problems
    for dirpath, dirnames, filenames in os.walk(folder, followlinks=False):
        for name in dirnames + filenames:
            path = pathlib.Path(dirpath) / name
            relative = path.relative_to(folder)
            if path.is_symlink():
                problems.append(f"the output has a symlink {relative} -> {os.readlink(path)}")
            elif path.is_file() and CANARY.encode() in path.read_bytes():
                problems.append(f"the output file {relative} holds text from a file outside the content folder")
    return problems


def leftovers(output):
    """Staging or set-aside folders the build left beside the output."""
    parent, name = output.parent, output.name
    if not parent.is_dir():
        return []
    return sorted(entry.name for entry in parent.iterdir()
                  if entry.name.startswith(f".{name}.staging-") or entry.name.startswith(f".{name}.old-"))


# --- running ------------------------------------------------------------------------------------------------------

class Run:
    def __init__(self, command, returncode, stdout, stderr, seconds, timed_out):
        self.command, self.returncode, self.stdout, self.stderr = command, returncode, stdout, stderr
        self.seconds, self.timed_out = seconds, timed_out

    @property
    def stderr_text(self):
        return self.stderr.decode("utf-8", errors="backslashreplace")

    @property
    def stdout_text(self):
        return self.stdout.decode("utf-8", errors="backslashreplace")


def execute(argv, cwd, seconds, memory_mb, stdout_mode=None, as_nobody=False, env=None):
    def limit():
        resource.setrlimit(resource.RLIMIT_AS, (memory_mb * 1024 * 1024, memory_mb * 1024 * 1024))
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
        if stdout_mode == "closed":
            os.close(1)
        if as_nobody:
            os.setgroups([])
            os.setgid(NOBODY)
            os.setuid(NOBODY)

    stdout_file = None
    if stdout_mode == "/dev/full":
        stdout_file = open("/dev/full", "wb")
        stdout = stdout_file
    elif stdout_mode == "closed":
        stdout = subprocess.DEVNULL
    else:
        stdout = subprocess.PIPE
    started = time.monotonic()
    process = subprocess.Popen(argv, cwd=cwd, stdin=subprocess.DEVNULL, stdout=stdout, stderr=subprocess.PIPE,
                               preexec_fn=limit, start_new_session=True, env=child_env(env))
    timed_out = False
    try:
        out, err = process.communicate(timeout=seconds)
    except subprocess.TimeoutExpired:
        timed_out = True
        os.killpg(process.pid, signal.SIGKILL)
        out, err = process.communicate()
    finally:
        if stdout_file:
            stdout_file.close()
    return Run(argv, process.returncode, out or b"", err or b"", time.monotonic() - started, timed_out)


def matches(line, at):
    """`at` is a prefix of the line (optionally after a folder path), ending where a `:` follows or the line ends."""
    end = "" if at == "" or at[-1] in ":/" else r"(?=:|$)"
    return re.match(r"(?:\S*/)?" + re.escape(at) + end, line) is not None


def check_diagnostics(case, run, failures):
    lines = run.stderr_text.splitlines()
    if case.get("command") in ("check", "import"):  # these print findings and reports on standard output
        lines += run.stdout_text.splitlines()
    matched = set()
    for kind, pattern in (("errors", ERROR_LINE), ("warnings", WARNING_LINE)):
        for expected in case.get(kind) or []:
            at, words = str(expected.get("at", "")), expected.get("contains", "")
            choices = [str(w).lower() for w in (words if isinstance(words, list) else [words])]
            hits = [i for i, line in enumerate(lines)
                    if pattern.search(line) and matches(line, at) and any(w in line.lower() for w in choices)]
            if hits:
                matched.update(hits)
            else:
                failures.append(f"no {kind[:-1]} line at {at!r} containing {words!r}")
    if case.get("only"):
        extra = [line for i, line in enumerate(lines) if ERROR_LINE.search(line) and i not in matched]
        if extra:
            failures.append(f"only the listed errors were expected, but also got: {extra[:5]}")


def check_run(case, run, failures, label="the build"):
    if run.timed_out:
        failures.append(f"{label} hung: killed after {case.get('seconds', 20)} s")
        return
    if run.returncode < 0:
        name = signal.Signals(-run.returncode).name if -run.returncode in signal.Signals._value2member_map_ else "?"
        failures.append(f"{label} crashed: killed by signal {-run.returncode} ({name})")
    elif run.returncode not in (0, 1, 2):
        failures.append(f"{label} crashed or misbehaved: exit code {run.returncode} (only 0, 1 and 2 are allowed)")


def format_report(name, case, runs, failures):
    parts = [f"case {name}: {case['description']}", "failed checks:"]
    parts += [f"  - {failure}" for failure in failures]
    for run in runs:
        parts.append(f"command: {' '.join(map(str, run.command))}")
        parts.append(f"exit code: {run.returncode}  time: {run.seconds:.2f} s")
        lines = run.stderr_text.splitlines()
        crash = [line for line in lines if "crashed" in line or "Fatal error" in line or " in signpost at " in line]
        if crash:
            parts.append("crash report:\n    " + "\n    ".join(line[:300] for line in crash[:12]))
            lines = [line for line in lines if not re.match(r"\s*(0x|r[a-z0-9]+ 0x|rip|rsp|rflags|cs )", line)]
        tail = lines[-25:]
        parts.append("stderr (last 25 lines):\n    " + "\n    ".join(line[:400] for line in tail))
        out = run.stdout_text.splitlines()[-5:]
        if out:
            parts.append("stdout (last 5 lines):\n    " + "\n    ".join(line[:400] for line in out))
    return "\n".join(parts)


def prepare(folder, case, work):
    """Makes the work folder: canaries, the content, the previous output. Returns (content, output)."""
    write_canaries(work / "outside")
    content = work / case.get("content", "content")
    output = work / case.get("output", "output")
    if case.get("base") == "minimal":
        shutil.copytree(MINIMAL, content, dirs_exist_ok=True)
    elif case.get("base"):
        raise AssertionError(f"{folder.name}: unknown base {case['base']!r}")
    if (folder / "content").is_dir():
        shutil.copytree(folder / "content", content, symlinks=True, dirs_exist_ok=True)
    if (folder / "generate.py").is_file():
        run_generator(folder, work)
    if case.get("previous_output", True):
        merge_tree(tiny_site(), output)
    return content, output


def placeholders(work, content, output, n=0):
    return {"content": str(content), "output": str(output), "theme": theme(), "work": str(work), "n": n}


def argv_for(case, work, content, output, args=None, n=0):
    args = args if args is not None else case["args"] if "args" in case else DEFAULT_ARGS[case.get("command", "build")]
    return [signpost()] + [str(arg).format(**placeholders(work, content, output, n)) for arg in args]


def env_for(case, work, content, output):
    values = placeholders(work, content, output)
    return {str(name): str(value).format(**values) for name, value in (case.get("env") or {}).items()}


def run_concurrently(argvs, work, seconds, memory):
    """Starts every command at once (as near as threads allow) and waits for all of them."""
    results = [None] * len(argvs)
    start = threading.Barrier(len(argvs))

    def go(index):
        start.wait()
        results[index] = execute(argvs[index], work, seconds, memory)

    threads = [threading.Thread(target=go, args=(i,)) for i in range(len(argvs))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


def check_content(case, content, failures):
    """`content_has`: path → text (or list of texts) the file must hold after the run; `content_lacks`: paths that
    must not be there."""
    for path, texts in (case.get("content_has") or {}).items():
        file = content / path
        if not file.is_file() or file.is_symlink():
            failures.append(f"the content folder has no file {path}")
            continue
        data = file.read_text(encoding="utf-8", errors="replace")
        for text in texts if isinstance(texts, list) else [texts]:
            if str(text) not in data:
                failures.append(f"{path} does not hold {text!r}")
    for path in case.get("content_lacks") or []:
        if os.path.lexists(content / path):
            failures.append(f"the content folder has {path}, which must not be there")


def make_work():
    # A folder of our own (not pytest's private tmp) so a case can run the binary as `nobody`.
    work = pathlib.Path(tempfile.mkdtemp(prefix="signpost-hostile-"))
    work.chmod(0o755)
    return work


def remove_work(work):
    for dirpath, dirnames, _ in os.walk(work, followlinks=False):
        for name in dirnames:
            path = os.path.join(dirpath, name)
            if not os.path.islink(path):
                os.chmod(path, 0o755)
    os.chmod(work, 0o755)
    shutil.rmtree(work, ignore_errors=True)


@pytest.mark.parametrize("folder", case_folders(), ids=lambda p: p.name)
def test_case(folder):
    case = load_case(folder)
    work = make_work()
    try:
        run_case(folder, case, work)
    finally:
        remove_work(work)


def run_case(folder, case, work):
    content, output = prepare(folder, case, work)
    readonly = [work / path for path in case.get("readonly") or []]
    as_nobody = bool(readonly) and os.getuid() == 0
    if as_nobody:
        for dirpath, dirnames, filenames in os.walk(work, followlinks=False):
            for name in dirnames + filenames + ["."]:
                os.lchown(os.path.join(dirpath, name), NOBODY, NOBODY)
    for path in readonly:
        path.chmod(0o555)

    content_before = snapshot(content)
    output_before = snapshot(output)
    outside_before = snapshot(work / "outside")
    kept = {path: (output / path).read_bytes() for path in case.get("kept") or []}
    argv = argv_for(case, work, content, output)
    seconds, memory = case.get("seconds", 20), case.get("memory_mb", 4096)

    failures, runs = [], []
    env = env_for(case, work, content, output)
    if case.get("concurrent"):
        # The same command (with `{n}` from 0) started several times at once: each must do what `exit` says.
        together = run_concurrently([argv_for(case, work, content, output, n=n) for n in range(case["concurrent"])],
                                    work, seconds, memory)
        runs += together
        for index, one in enumerate(together):
            check_run(case, one, failures, f"run {index + 1} of {len(together)}")
            if not one.timed_out and one.returncode != case["exit"]:
                failures.append(f"run {index + 1}: expected exit code {case['exit']}, got {one.returncode}")
        run = together[0]
    else:
        run = execute(argv, work, seconds, memory, case.get("stdout"), as_nobody, env)
        runs.append(run)
        check_run(case, run, failures)
    if not run.timed_out:
        if run.returncode != case["exit"]:
            failures.append(f"expected exit code {case['exit']}, got {run.returncode}")
        check_diagnostics(case, run, failures)
        for words in case.get("stderr_contains") or []:
            if words.lower() not in run.stderr_text.lower():
                failures.append(f"stderr does not contain {words!r}")
        for words in case.get("stdout_contains") or []:
            if words.lower() not in run.stdout_text.lower():
                failures.append(f"stdout does not contain {words!r}")
        for words in case.get("stderr_excludes") or []:
            if words.encode() in run.stderr:
                failures.append(f"stderr contains {words!r}, which it must not")
        if case.get("stdout_json"):
            try:
                json.loads(run.stdout.decode("utf-8"))
            except ValueError as error:
                failures.append(f"stdout is not one JSON value: {error}")

    content_after = snapshot(content)
    is_import = case.get("command") == "import"
    if case.get("content_unchanged", not is_import or run.returncode != 0) and content_after != content_before:
        failures.append("the content folder changed: " + describe_difference(content_before, content_after))
    if snapshot(work / "outside") != outside_before:
        failures.append("a file outside the content folder changed: "
                        + describe_difference(outside_before, snapshot(work / "outside")))
    check_content(case, content, failures)
    # `then`: commands run after, each with its exit code (a `check` that must pass after an import, say).
    for step in case.get("then") or []:
        after = execute(argv_for(case, work, content, output, args=step["args"]), work, seconds, memory)
        runs.append(after)
        check_run(case, after, failures, f"`{' '.join(map(str, step['args'][:2]))}` after")
        if not after.timed_out and after.returncode != step.get("exit", 0):
            failures.append(f"`{' '.join(map(str, step['args']))}` after exited {after.returncode}, "
                            f"expected {step.get('exit', 0)}")
        for words in step.get("stdout_contains") or []:
            if words.lower() not in after.stdout_text.lower():
                failures.append(f"`{' '.join(map(str, step['args'][:2]))}` after: stdout does not contain {words!r}")
    # A failed build writes nothing (checked below); when the output folder given was a folder that holds the
    # canaries (output refused as overlapping), scanning it would only find them where they already were.
    if run.returncode == 0:
        failures += leaks(output)
    if run.returncode != 0:
        output_after = snapshot(output)
        if output_after != output_before:
            failures.append("the build failed but the previous output changed: "
                            + describe_difference(output_before, output_after))
    for path, data in kept.items():
        if not (output / path).is_file() or (output / path).read_bytes() != data:
            failures.append(f"{path} in the output was not kept as it was")
    if run.returncode == 0 and output.is_dir():
        present = sorted(files_of(output))
        for pattern in case.get("output_has") or []:
            if not any(fnmatch.fnmatch(path, pattern) for path in present):
                failures.append(f"the output has no file matching {pattern!r}")
        for pattern in case.get("output_lacks") or []:
            hits = [path for path in present if fnmatch.fnmatch(path, pattern)]
            if hits:
                failures.append(f"the output has {hits[:3]}, which must not be there")
    if output.is_dir():
        for words in case.get("output_excludes") or []:
            for path, data in files_of(output).items():
                if path.endswith((".html", ".xml", ".svg")) and words.lower().encode() in data.lower():
                    failures.append(f"the output file {path} contains {words!r}")
                    break
    left = leftovers(output)
    if left:
        failures.append(f"left beside the output: {left}")

    # A clean build must be deterministic: the same content built again, into a new folder, gives the same bytes.
    second_args = case["args"] if "args" in case else DEFAULT_ARGS[case.get("command", "build")]
    if (run.returncode == 0 and case.get("command", "build") == "build" and "{output}" in second_args
            and not failures):
        second = output.parent / (output.name + "-second")
        again = execute(argv_for(case, work, content, second), work, seconds, memory, None, as_nobody, env)
        runs.append(again)
        check_run(case, again, failures, "the second build")
        if again.returncode != 0:
            failures.append(f"the second build exited {again.returncode}")
        else:
            first_files, second_files = files_of(output), files_of(second)
            for path in kept:
                first_files.pop(path, None)
            only_first = sorted(set(first_files) - set(second_files))
            only_second = sorted(set(second_files) - set(first_files))
            if only_first or only_second:
                failures.append(f"not deterministic: only in the first build {only_first[:5]}, "
                                f"only in the second {only_second[:5]}")
            differ = sorted(p for p in set(first_files) & set(second_files)
                            if p != MARKER and first_files[p] != second_files[p])
            if differ:
                failures.append(f"not deterministic: these files differ between two builds: {differ[:5]}")
            failures += leaks(second)
        if snapshot(content) != content_before:
            failures.append("the content folder changed during the second build")
        left = leftovers(second)
        if left:
            failures.append(f"left beside the second output: {left}")

    if failures:
        pytest.fail(format_report(folder.name, case, runs, failures), pytrace=False)


# --- two builds at once -------------------------------------------------------------------------------------------

def test_two_builds_at_once():
    """Two builds started together into one output folder: both succeed, or one says another build is running;
    the output is always one complete site."""
    work = make_work()
    try:
        content = work / "content"
        shutil.copytree(MINIMAL, content)
        for number in range(40):
            (content / "pages" / f"page-{number}.md").write_text(
                f"---\ntitle: Page {number}\nsummary: Page number {number}.\n---\nWe help people. See [home](../index.md).\n")
        reference = work / "reference"
        single = execute([signpost(), "build", "--content", str(content), "--output", str(reference),
                          "--theme", theme()], work, 60, 4096)
        assert single.returncode == 0, format_report("two-builds-at-once", {"description": "reference build"},
                                                     [single], ["the reference build failed"])
        expected = files_of(reference)
        output = work / "output"
        argv = [signpost(), "build", "--content", str(content), "--output", str(output), "--theme", theme()]
        for round_number in range(4):
            results = [None, None]
            start = threading.Barrier(2)

            def go(index):
                start.wait()
                results[index] = execute(argv, work, 60, 4096)

            threads = [threading.Thread(target=go, args=(i,)) for i in range(2)]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
            failures = []
            for index, run in enumerate(results):
                check_run({"seconds": 60}, run, failures, f"build {index + 1} of round {round_number + 1}")
            codes = sorted(run.returncode for run in results)
            if codes not in ([0, 0], [0, 2]):
                failures.append(f"round {round_number + 1}: exit codes {codes}; expected both 0, or one 0 and one 2")
            for run in results:
                if run.returncode == 2 and "another" not in run.stderr_text.lower():
                    failures.append(f"round {round_number + 1}: a build exited 2 without saying another build is running")
            actual = files_of(output) if output.is_dir() else {}
            missing = sorted(set(expected) - set(actual))
            extra = sorted(set(actual) - set(expected))
            differ = sorted(p for p in set(expected) & set(actual) if p != MARKER and expected[p] != actual[p])
            if missing or extra or differ:
                failures.append(f"round {round_number + 1}: the output is not one complete site: missing {missing[:5]}, "
                                f"extra {extra[:5]}, different {differ[:5]}")
            left = leftovers(output)
            if left:
                failures.append(f"round {round_number + 1}: left beside the output: {left}")
            if failures:
                pytest.fail(format_report("two-builds-at-once", {"description": "two builds into one folder at once"},
                                          results, failures), pytrace=False)
    finally:
        remove_work(work)


# --- a folder swapped for a link while builds run -----------------------------------------------------------------

def test_folder_swapped_for_a_link_out_while_building():
    """A thread swaps `pages` with a link to a folder outside, holding a file of the same name, again and again
    (`renameat2` with `RENAME_EXCHANGE`, so each swap is one step) while builds run, for about 12 seconds. A build may
    fail, since what it listed is gone, but nothing from outside may ever be published: every file the build reads
    is opened beneath the content folder without following a link. Before that fix a build within a few seconds
    published the outside words."""
    if not sys.platform.startswith("linux"):
        pytest.skip("the atomic swap (renameat2) is Linux's")
    import ctypes
    libc = ctypes.CDLL(None, use_errno=True)
    if not hasattr(libc, "renameat2"):
        pytest.skip("this C library has no renameat2")
    work = make_work()
    try:
        content = work / "content"
        shutil.copytree(MINIMAL, content)
        words = f"---\ntitle: Leak\nsummary: A short page.\n---\n{{}}\n"
        (content / "pages" / "leak.md").write_text(words.format("Inside words only."))
        outside = work / "outside-pages"
        outside.mkdir()
        for name in os.listdir(content / "pages"):
            (outside / name).write_text(words.format(f"{CANARY} alpha bravo words."))
        swap = work / "swap"
        swap.symlink_to(outside)
        pages = bytes(content / "pages")
        at_cwd, exchange = -100, 2
        stop, swaps = threading.Event(), [0]

        def flip():
            while not stop.is_set():
                if libc.renameat2(at_cwd, pages, at_cwd, bytes(swap), exchange) != 0:
                    stop.set()
                    return
                swaps[0] += 1

        flipper = threading.Thread(target=flip)
        flipper.start()
        failures, runs, built, leaked = [], [], 0, []
        try:
            ends = time.monotonic() + 12
            round_number = 0
            while time.monotonic() < ends and not leaked:
                round_number += 1
                output = work / f"output-{round_number}"
                run = execute([signpost(), "build", "--content", str(content), "--output", str(output),
                               "--theme", theme()], work, 60, 4096)
                check_run({"seconds": 60}, run, failures, f"build {round_number}")
                built += run.returncode == 0
                if output.is_dir():
                    leaked += [path for path, data in files_of(output).items() if CANARY.encode() in data]
                    shutil.rmtree(output, ignore_errors=True)
                runs = [run]
        finally:
            stop.set()
            flipper.join()
        if swaps[0] % 2:
            libc.renameat2(at_cwd, pages, at_cwd, bytes(swap), exchange)
        assert swaps[0] > 0, f"the swap did not work: errno {ctypes.get_errno()}"
        print(f"{round_number} builds, {built} succeeded, {swaps[0]} swaps")
        if leaked:
            failures.append(f"the outside words were published, in {leaked[:5]}, after {swaps[0]} swaps")
        if failures:
            pytest.fail(format_report("folder-swapped-for-a-link", {"description": "pages swapped for a link out"},
                                      runs, failures), pytrace=False)
    finally:
        remove_work(work)
