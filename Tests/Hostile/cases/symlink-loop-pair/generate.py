"""Two symlinks pointing at each other are exactly one error about a loop."""
import os

from hostile_helpers import *


def generate(work):
    c = minimal_site(work / "content")
    symlink(c / "pictures/a.svg", "b.svg")
    symlink(c / "pictures/b.svg", "a.svg")
