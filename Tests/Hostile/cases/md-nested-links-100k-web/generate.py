"""100,000 nested link brackets to a web address build quickly."""
import os

from hostile_helpers import *


def generate(work):
    minimal_site(work / "content"); write(work / "content/pages/extra.md", page(body="[" * 100_000 + "x" + "](https://example.org/)" * 100_000 + "\n"))
