"""10,000 nested [ in front matter is an error about nesting."""
import os

from hostile_helpers import *


def generate(work):
    minimal_site(work / "content"); write(work / "content/pages/extra.md", "---\ntitle: X\nsummary: A page.\nservices: " + "[" * 10_000 + "\n---\nWords.\n")
