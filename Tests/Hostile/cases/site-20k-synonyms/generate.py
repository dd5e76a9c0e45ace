"""20,000 synonym pairs in site.yml build within the time limit."""
import os

from hostile_helpers import *


def generate(work):
    minimal_site(work / "content"); write(work / "content/site.yml", "title: Tiny site\nsynonyms:\n" + "".join(f"  - [alpha{i}, beta{i}]\n" for i in range(20_000)))
