"""Thousands of mixed * and _ markers build."""
import os

from hostile_helpers import *


def generate(work):
    minimal_site(work / "content"); write(work / "content/pages/extra.md", page(body="*_" * 3000 + "x" + "_*" * 3000 + "\n"))
