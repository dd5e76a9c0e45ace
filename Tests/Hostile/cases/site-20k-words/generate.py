"""20,000 known words in site.yml build."""
import os

from hostile_helpers import *


def generate(work):
    minimal_site(work / "content"); write(work / "content/site.yml", "title: Tiny site\nwords:\n" + "".join(f"  - word{i}\n" for i in range(20_000)))
