"""100,000 nested link brackets to a missing page finish quickly with an error."""
import os

from hostile_helpers import *


def generate(work):
    minimal_site(work / "content"); write(work / "content/pages/extra.md", page(body="[" * 100_000 + "x" + "](y)" * 100_000 + "\n"))
