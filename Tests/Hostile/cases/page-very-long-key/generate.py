"""A 100,000-character front matter key is an unknown-key error."""
import os

from hostile_helpers import *


def generate(work):
    minimal_site(work / "content"); write(work / "content/pages/extra.md", "---\ntitle: X\nsummary: A page.\n" + "k" * 100_000 + ": 1\n---\nWords.\n")
