"""A file name with a newline in it is printed escaped: the raw newline never reaches stderr."""
import os

from hostile_helpers import *


def generate(work):
    minimal_site(work / "content"); write(work / "content/pages/bad\nname.md", "no front matter\n")
