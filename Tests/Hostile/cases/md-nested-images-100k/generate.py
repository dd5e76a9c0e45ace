"""100,000 nested image brackets to a missing picture finish quickly with an error."""
import os

from hostile_helpers import *


def generate(work):
    minimal_site(work / "content"); write(work / "content/pages/extra.md", page(body="![" * 100_000 + "x" + "](y.svg)" * 100_000 + "\n"))
