"""A symlink outside with an ordinary name inside a folder is found (pictures/x/secret.svg)."""
import os

from hostile_helpers import *


def generate(work):
    c = minimal_site(work / "content")
    symlink(c / "pictures/x/secret.svg", work / "outside/secret.svg")
