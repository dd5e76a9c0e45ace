"""A page in Latin-1 is an error saying it is not UTF-8."""
import os

from hostile_helpers import *


def generate(work):
    minimal_site(work / "content"); write(work / "content/pages/extra.md", page(body="Caf\u00e9.\n").encode("latin-1"))
