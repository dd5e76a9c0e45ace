"""A symlink pointing at itself is exactly one error about a loop."""
import os

from hostile_helpers import *


def generate(work):
    c = minimal_site(work / "content"); symlink(c / "pages/self.md", "self.md")
