"""A 120 KB line without a space builds within the time limit."""
import os

from hostile_helpers import *


def generate(work):
    minimal_site(work / "content"); write(work / "content/pages/extra.md", page(body="a" * 120_000 + "\n"))
