"""Small helpers for the hostile cases' `generate.py` files.

A generator does `from hostile_helpers import *` and then builds `work/content` (or whatever its case.yml names).
"""
import pathlib
import shutil

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parents[1]
DEFAULT_THEME = ROOT / "Themes" / "default"
MINIMAL = HERE / "base" / "minimal"
CANARY = "SIGNPOST-CANARY-7f3a"


def write(path, data):
    """Writes text (UTF-8) or bytes to `path`, making its folders."""
    path = pathlib.Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    path.write_bytes(data)
    return path


def minimal_site(folder):
    """A small valid content folder: site.yml, index.md and pages/about.md."""
    shutil.copytree(MINIMAL, folder, dirs_exist_ok=True)
    return pathlib.Path(folder)


def copy_default_theme(folder):
    """A copy of the repository's default theme, to break."""
    shutil.copytree(DEFAULT_THEME, folder, dirs_exist_ok=True)
    return pathlib.Path(folder)


def page(title="A page", summary="A short page.", body="Some words.\n", extra=""):
    """The text of a page with front matter."""
    return f"---\ntitle: {title}\nsummary: {summary}\n{extra}---\n{body}"


def symlink(path, target):
    """Makes a symlink at `path` pointing at `target` (as given: relative or absolute), making its folders."""
    path = pathlib.Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.symlink_to(target)
    return path


def run_signpost(*args, cwd=None):
    """Runs the signpost binary under test (for a generator that sets the content up with an earlier import, say)
    and returns the finished process; it must exit 0."""
    import os
    import subprocess
    result = subprocess.run([os.environ["HOSTILE_SIGNPOST"], *map(str, args)], cwd=cwd, capture_output=True, text=True,
                            env={**os.environ, "NO_COLOR": "1"})
    assert result.returncode == 0, f"signpost {' '.join(map(str, args))} exited {result.returncode}:\n{result.stderr}"
    return result


def easy_read_site(folder, points=3):
    """A small valid content folder with one easy-read page of `points` points (`easy-read/talk.md`) and a review
    group, `Speak Up`. Returns the page's version, as the saved answers give it."""
    import hashlib
    folder = minimal_site(folder)
    write(folder / "site.yml", "title: Tiny site\nreview_groups:\n  - name: Speak Up\n")
    title, summary = "Talk to us", "You can talk to us."
    write(folder / "pictures" / "talk.svg", '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">'
          '<title>A person</title><rect width="10" height="10"/></svg>\n')
    body = "".join(f"![A person](../pictures/talk.svg) Point number {n} is here. We help you.\n\n"
                   for n in range(1, points + 1))
    write(folder / "easy-read" / "talk.md",
          f"---\ntitle: {title}\nsummary: {summary}\nformat: easy-read\neasy_read_of: pages/about.md\n---\n{body}")
    text = body.replace("\r\n", "\n").rstrip("\n \t\r")
    return hashlib.sha256(f"{title}\n{summary}\n{text}".encode()).hexdigest()


def answers(version, points, group="Speak Up", date="2026-11-03", page="easy-read/talk.md", **extra):
    """The JSON a review page's "Save answers" downloads."""
    import json
    return json.dumps({"page": page, "hash": version, "group": group, "date": date, "outcome": "approved",
                       "points": [{"point": n, "understand": 5, "do_not_understand": 0, "change_picture": 0}
                                  for n in points], **extra})


def oruk_service(id, name, **fields):
    """One service as an Open Referral UK feed (HSDS 3.0 UK profile) gives it, with a term the default mapping knows
    (Respite), so the file it becomes builds."""
    service = {"id": id, "name": name, "description": f"{name} gives short breaks.", "status": "active",
               "attributes": [{"taxonomy_term": {"name": "Respite"}}]}
    service.update(fields)
    return service


def oruk_page(*services):
    """A saved `/services` list page."""
    import json
    return json.dumps({"total_items": len(services), "total_pages": 1, "page_number": 1, "size": len(services),
                       "first_page": True, "last_page": True, "empty": not services, "contents": list(services)})


def imported_then_edited(work, id):
    """A site with one service imported from a feed (work/feed.json), whose name and description a person then
    changed by hand: for the cases about keeping a person's words. Returns the content folder."""
    content = minimal_site(work / "content")
    write(work / "feed.json", oruk_page(oruk_service(id, "Maple Lodge", email="maple@example.org")))
    run_signpost("import", "openreferral", work / "feed.json", "--content", content)
    service = content / "services" / "maple-lodge.md"
    text = service.read_text()
    assert 'name: "Maple Lodge"' in text
    service.write_text(text.replace('name: "Maple Lodge"', 'name: "Maple Lodge (our own words)"')
                       .replace("gives short breaks.", "gives short breaks. Our own description."))
    return content

