"""The theme folder given as the output folder is refused, and nothing is touched."""
import os

from hostile_helpers import *


def generate(work):
    minimal_site(work / "content"); copy_default_theme(work / "theme")
