"""A theme asset of random bytes is copied as it is."""
import os

from hostile_helpers import *


def generate(work):
    minimal_site(work / "content"); t = copy_default_theme(work / "theme")
    write(t / "assets/font.woff2", bytes(range(256)) * 40)
