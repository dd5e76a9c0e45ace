"""10,000 nested [ in site.yml is an error about nesting, not a stack overflow."""
import os

from hostile_helpers import *


def generate(work):
    write(minimal_site(work / "content") / "site.yml", "title: Tiny site\nwords: " + "[" * 10_000 + "\n")
