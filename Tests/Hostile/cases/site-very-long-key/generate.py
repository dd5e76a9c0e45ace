"""A 100,000-character key in site.yml is an unknown-key error, not a hang."""
import os

from hostile_helpers import *


def generate(work):
    write(minimal_site(work / "content") / "site.yml", "title: Tiny site\n" + "k" * 100_000 + ": 1\n")
