"""A 200 KB site title builds."""
import os

from hostile_helpers import *


def generate(work):
    write(minimal_site(work / "content") / "site.yml", "title: " + "Tiny site " * 20_000 + "\n")
