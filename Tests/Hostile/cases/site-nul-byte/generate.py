"""A NUL byte in site.yml is an error in site.yml, not a crash."""
import os

from hostile_helpers import *


def generate(work):
    write(minimal_site(work / "content") / "site.yml", b"title: Tiny site\nlanguage: en\x00GB\n")
