"""100,000 unclosed [ finish quickly."""
import os

from hostile_helpers import *


def generate(work):
    minimal_site(work / "content"); write(work / "content/pages/extra.md", page(body="[" * 100_000 + "x\n"))
