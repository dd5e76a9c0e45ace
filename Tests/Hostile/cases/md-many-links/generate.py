"""5,000 links to one page build."""
import os

from hostile_helpers import *


def generate(work):
    minimal_site(work / "content"); write(work / "content/pages/extra.md", page(body="".join(f"Read [page {i}](about.md).\n\n" for i in range(5000))))
