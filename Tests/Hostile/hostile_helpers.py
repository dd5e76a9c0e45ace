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
