"""A table of 500 rows and 20 columns builds."""
import os

from hostile_helpers import *


def generate(work):
    minimal_site(work / "content"); write(work / "content/pages/extra.md", page(body="| " + " | ".join(f"h{i}" for i in range(20)) + " |\n|" + "---|" * 20 + "\n" + ("| " + " | ".join(["cell"] * 20) + " |\n") * 500))
