"""40,000 alternating > and - markers are an error about nesting."""
import os

from hostile_helpers import *


def generate(work):
    minimal_site(work / "content"); write(work / "content/pages/extra.md", page(body="> - " * 40_000 + "We help.\n"))
