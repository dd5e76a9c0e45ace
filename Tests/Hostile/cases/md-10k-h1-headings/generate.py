"""10,000 level-1 headings are errors (the title is the only h1), without a hang."""
import os

from hostile_helpers import *


def generate(work):
    minimal_site(work / "content"); write(work / "content/pages/extra.md", page(body="".join(f"# Part {i}\n\nWe help.\n\n" for i in range(10_000))))
