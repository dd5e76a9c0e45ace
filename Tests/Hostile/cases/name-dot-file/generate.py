"""Hidden files and folders (.draft.md, .git/) are left out."""
import os

from hostile_helpers import *


def generate(work):
    c = minimal_site(work / "content"); write(c / "pages/.draft.md", "not a page\n")
    write(c / ".git/config", "[core]\n"); write(c / ".DS_Store", b"junk")
