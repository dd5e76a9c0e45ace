"""A folder symlink to its own parent is exactly one error about a loop, not endless recursion."""
import os

from hostile_helpers import *


def generate(work):
    c = minimal_site(work / "content"); symlink(c / "pages/up", "..")
