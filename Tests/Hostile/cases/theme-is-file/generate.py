"""--theme naming a file is an error, not a crash."""
import os

from hostile_helpers import *


def generate(work):
    minimal_site(work / "content"); write(work / "theme", "not a folder\n")
