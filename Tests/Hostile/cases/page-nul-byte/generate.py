"""A NUL byte on line 5 of a page is an error at line 5 that names the NUL byte."""
import os

from hostile_helpers import *


def generate(work):
    minimal_site(work / "content"); write(work / "content/pages/extra.md", b"---\ntitle: X\nsummary: A page.\n---\nWe \x00help.\n")
