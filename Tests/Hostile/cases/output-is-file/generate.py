"""An output path that is a file is refused, untouched."""
import os

from hostile_helpers import *


def generate(work):
    minimal_site(work / "content"); write(work / "output", "a file\n")
