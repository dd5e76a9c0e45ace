"""An output folder full of someone else's files (no marker) is refused, untouched."""
import os

from hostile_helpers import *


def generate(work):
    minimal_site(work / "content"); write(work / "output/thesis.docx", b"PK")
