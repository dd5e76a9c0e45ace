"""A service file in Latin-1 is an error saying it is not UTF-8."""
import os

from hostile_helpers import *


def generate(work):
    minimal_site(work / "content"); write(work / "content/services/club.md", "---\nid: caf\u00e9\n---\n".encode("latin-1"))
