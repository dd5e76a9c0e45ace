"""A file name with an ESC character is printed escaped: no raw ESC on stderr."""
import os

from hostile_helpers import *


def generate(work):
    minimal_site(work / "content"); write(work / "content/pages/bad\x1b[31mname.md", "no front matter\n")
