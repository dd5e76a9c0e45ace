"""The documentation site (Docs/) agrees with the code, and its examples do what they say.

- The generated parts (rules, their defaults, the command reference, the settings keys) are what
  Scripts/docs-reference.py would write: run `make docs-reference` after changing a rule, an option or a key.
- Every rule page's failing example (its ```markdown fails``` block, with any ```yaml site.yml``` and
  ```yaml fails PATH``` blocks) makes `signpost check` report that rule, and its fix (```markdown fixed```,
  ```yaml fixed PATH```) does not.
- `signpost check --content Docs` finds no error and no warning, and the built site's links all lead somewhere.

Environment: SIGNPOST, the binary (default .build/debug/signpost).
"""
import html.parser
import json
import os
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile
import urllib.parse

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
DOCS = ROOT / "Docs"
SIGNPOST = pathlib.Path(os.environ.get("SIGNPOST", ROOT / ".build/debug/signpost"))
RULE_PAGES = sorted((DOCS / "pages/rules").glob("*.md"))
# A missing picture on a page is found first by the build's link check, whose error (rule `build`) stops the build;
# its page says so.
REPORTED_AS = {"picture-missing": {"picture-missing", "build"}}
FENCE = re.compile(r"^```(\S+)([^\n]*)\n(.*?)^```\s*$", re.S | re.M)


def test_generated_parts_match_the_code():
    result = subprocess.run([sys.executable, str(ROOT / "Scripts/docs-reference.py"), "--check",
                             "--signpost", str(SIGNPOST)], capture_output=True, text=True)
    assert result.returncode == 0, f"{result.stderr}\n{result.stdout[-4000:]}"


def rule_ids():
    result = subprocess.run([str(SIGNPOST), "check", "--list-rules", "--format", "json"],
                            capture_output=True, text=True, check=True)
    return [rule["id"] for rule in json.loads(result.stdout)["rules"]]


def test_every_rule_has_a_page():
    assert sorted(p.stem for p in RULE_PAGES) == sorted(rule_ids())


def examples(page):
    """The page's example files: {"fails": {path: text}, "fixed": {path: text}}, site.yml in both."""
    found = {"fails": {}, "fixed": {}}
    for language, info, text in FENCE.findall(page.read_text(encoding="utf-8")):
        words = info.split()
        if words and words[0] == "site.yml":
            for role in found:
                found[role]["site.yml"] = text
        elif words and words[0] in found:
            path = words[1] if len(words) > 1 else ("pages/example.md" if language == "markdown" else None)
            assert path, f"{page.name}: a ```{language} {info}``` block needs a path"
            found[words[0]][path] = text
    return found


def check(files):
    """Runs `signpost check --format json` on a content folder made of `files`, and returns its findings."""
    with tempfile.TemporaryDirectory(prefix="signpost-docs-example-") as folder:
        content = pathlib.Path(folder) / "Content"
        (content / "pictures").mkdir(parents=True)
        for picture in ("house.svg", "suitcase.svg"):
            shutil.copy(ROOT / "Content/pictures" / picture, content / "pictures" / picture)
        (content / "index.md").write_text("---\ntitle: Example\nsummary: An example site.\n---\nHello.\n")
        (content / "site.yml").write_text("title: Example\n" + files.get("site.yml", ""))
        for path, text in files.items():
            if path != "site.yml":
                (content / path).parent.mkdir(parents=True, exist_ok=True)
                (content / path).write_text(text)
        result = subprocess.run([str(SIGNPOST), "check", "--content", str(content), "--format", "json"],
                                capture_output=True, text=True)
        assert result.returncode in (0, 1), f"signpost check exited {result.returncode}:\n{result.stderr}"
        return json.loads(result.stdout)["findings"]


@pytest.mark.parametrize("page", RULE_PAGES, ids=lambda p: p.stem)
def test_rule_example_fails_and_its_fix_passes(page):
    rule = page.stem
    found = examples(page)
    assert "pages/example.md" in found["fails"] and "pages/example.md" in found["fixed"], \
        f"{page.name} needs a ```markdown fails``` and a ```markdown fixed``` block"
    fails = [f for f in check(found["fails"]) if f["rule"] in REPORTED_AS.get(rule, {rule})]
    assert fails, f"{page.name}: the failing example does not break `{rule}`"
    fixed = [f for f in check(found["fixed"]) if f["rule"] in REPORTED_AS.get(rule, {rule})]
    assert not fixed, f"{page.name}: the fix still breaks `{rule}`: {fixed}"


def test_docs_have_no_errors_or_warnings():
    result = subprocess.run([str(SIGNPOST), "check", "--content", str(DOCS), "--format", "json"],
                            capture_output=True, text=True)
    report = json.loads(result.stdout)
    problems = [f"{f['file']}:{f['line']}:{f['column']}: {f['level']}: {f['message']} [{f['rule']}]"
                for f in report["findings"] if f["level"] != "suggestion"]
    assert result.returncode == 0 and not problems, "\n".join(problems) or result.stderr


class Links(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.links, self.ids = [], set()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("id"):
            self.ids.add(attrs["id"])
        for name in ("href", "src"):
            if attrs.get(name) and tag != "base":
                self.links.append(attrs[name])


def test_docs_site_builds_without_warnings_and_every_link_leads_somewhere():
    with tempfile.TemporaryDirectory(prefix="signpost-docs-") as folder:
        output = pathlib.Path(folder) / "Output-docs"
        result = subprocess.run([str(SIGNPOST), "build", "--content", str(DOCS), "--output", str(output)],
                                capture_output=True, text=True)
        assert result.returncode == 0, result.stdout + result.stderr
        printed = result.stdout + result.stderr
        assert "warning:" not in printed and re.search(r"\bwith 0 warnings\b", printed), printed
        parsed = {}
        for page in output.rglob("*.html"):
            links = Links()
            links.feed(page.read_text(encoding="utf-8"))
            parsed[page] = links
        broken = []
        for page, links in parsed.items():
            for link in links.links:
                address = urllib.parse.urlsplit(link)
                if address.scheme or link.startswith("//"):
                    continue
                path = urllib.parse.unquote(address.path)
                # The 404 page links from the site's top (Docs/site.yml has no base_path), every other page relatively.
                base = output if path.startswith("/") else page.parent
                target = (base / path.lstrip("/")).resolve() if path else page
                if target.is_dir():
                    target = target / "index.html"
                if not target.exists():
                    broken.append(f"{page.relative_to(output)}: {link}")
                elif address.fragment and target.suffix == ".html":
                    ids = parsed[target].ids if target in parsed else set()
                    if address.fragment not in ids:
                        broken.append(f"{page.relative_to(output)}: {link} (no such id)")
        assert not broken, "\n".join(broken)


def test_no_page_has_a_table():
    """Signpost's Markdown is CommonMark (cmark), which has no tables: a table would be published as lines of `|`."""
    tables = []
    for page in sorted(DOCS.rglob("*.md")):
        text = FENCE.sub("", page.read_text(encoding="utf-8"))
        if re.search(r"^\|.*\|\s*\n\|[-:| ]+\|\s*$", text, re.M):
            tables.append(str(page.relative_to(ROOT)))
    assert not tables, f"write these as lists: {tables}"
