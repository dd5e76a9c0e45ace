"""signpost check --format json with an ESC in a file name prints one valid JSON object."""
import os

from hostile_helpers import *


def generate(work):
    minimal_site(work / "content"); write(work / "content/pages/bad\x1bname.md", "no front matter\n")
