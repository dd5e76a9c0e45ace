"""A 100 KB page title builds."""
import os

from hostile_helpers import *


def generate(work):
    minimal_site(work / "content"); write(work / "content/pages/extra.md", page(title="Short breaks " * 8000))
