"""Plants, as another user (`nobody`, writable by anyone), a theme with a script in every page in the temporary
folder the build is given: under the name older versions used for the built-in theme (`signpost-theme-` and a hash
of the embedded files), and a link beside it to another such theme."""
import hashlib
import os
import re

from hostile_helpers import *

NOBODY = 65534


def old_theme_name():
    """The folder name older versions unpacked the built-in theme to: a hash of the embedded files' names and Base64."""
    text = (ROOT / "Sources/Preview/Embedded/EmbeddedFiles.swift").read_text(encoding="utf-8")
    block = text.split("static let defaultTheme", 1)[1].split("\n    ]", 1)[0]
    files = dict(re.findall(r'^\s*"([^"]+)": "([^"]*)",?$', block, re.M))
    assert files, "no embedded theme files found"
    digest = hashlib.sha256("".join(name + files[name] for name in sorted(files)).encode()).hexdigest()
    return f"signpost-theme-{digest[:16]}"


def plant(folder):
    copy_default_theme(folder)
    planted = f'<script>alert("SIGNPOST-PLANTED {CANARY}")</script>\n'
    for name in ("page", "home", "easy-read", "404"):
        path = folder / "templates" / f"{name}.mustache"
        path.write_text(planted + path.read_text(encoding="utf-8"), encoding="utf-8")
    for dirpath, dirnames, filenames in os.walk(folder):
        for name in dirnames + filenames + ["."]:
            path = os.path.join(dirpath, name)
            os.lchown(path, NOBODY, NOBODY)
            os.chmod(path, 0o777)


def generate(work):
    tmp = work / "tmp"
    tmp.mkdir()
    tmp.chmod(0o1777)
    name = old_theme_name()
    plant(tmp / name)
    plant(work / "elsewhere")
    symlink(tmp / f"{name}-link", work / "elsewhere")
