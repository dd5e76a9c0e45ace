"""A theme asset named index.html lands in assets/ and builds."""
import os

from hostile_helpers import *


def generate(work):
    minimal_site(work / "content"); t = copy_default_theme(work / "theme")
    write(t / "assets/index.html", "<p>x</p>\n")
