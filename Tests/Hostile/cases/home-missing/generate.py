"""A site without index.md is an error, not a site without a home page."""
import os

from hostile_helpers import *


def generate(work):
    minimal_site(work / "content"); (work / "content/index.md").unlink()
