"""5,000 nested emphasis markers build."""
import os

from hostile_helpers import *


def generate(work):
    minimal_site(work / "content"); write(work / "content/pages/extra.md", page(body="*" * 5000 + "x" + "*" * 5000 + "\n"))
