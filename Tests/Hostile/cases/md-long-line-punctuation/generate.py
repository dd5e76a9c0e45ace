"""A 120 KB line of 17,000 tiny sentences builds within the time limit."""
import os

from hostile_helpers import *


def generate(work):
    minimal_site(work / "content"); write(work / "content/pages/extra.md", page(body="word.!?" * 17_000 + "\n"))
