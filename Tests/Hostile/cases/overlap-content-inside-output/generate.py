"""A content folder inside the output folder is refused, and nothing is touched."""
import os

from hostile_helpers import *


def generate(work):
    minimal_site(work / "site/content"); write(work / "site/.signpost-output", "Written by Signpost.\n")
