"""10,000 level-2 headings build."""
import os

from hostile_helpers import *


def generate(work):
    minimal_site(work / "content"); write(work / "content/pages/extra.md", page(body="".join(f"## Part {i}\n\nWe help.\n\n" for i in range(10_000))))
