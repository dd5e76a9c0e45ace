"""A glossary in Latin-1 is an error saying it is not UTF-8, not silently ignored."""
import os

from hostile_helpers import *


def generate(work):
    minimal_site(work / "content"); write(work / "content/glossary.yml", "words:\n  - word: caf\u00e9\n    meaning: A place.\n".encode("latin-1"))
