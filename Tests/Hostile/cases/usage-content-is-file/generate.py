"""--content naming a file is exit 2."""
import os

from hostile_helpers import *


def generate(work):
    write(work / "content", "a file\n")
