"""40,000 nested list markers are an error about nesting, not a stack overflow."""
import os

from hostile_helpers import *


def generate(work):
    minimal_site(work / "content"); write(work / "content/pages/extra.md", page(body="- " * 40_000 + "We help.\n"))
