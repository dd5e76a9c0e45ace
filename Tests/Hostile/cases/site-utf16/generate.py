"""A site.yml saved as UTF-16 is an error saying it is not UTF-8."""
import os

from hostile_helpers import *


def generate(work):
    write(minimal_site(work / "content") / "site.yml", "title: Tiny site\n".encode("utf-16"))
