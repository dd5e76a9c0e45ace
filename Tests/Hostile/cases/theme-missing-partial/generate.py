"""A template naming a partial that does not exist is an error at the template's line."""
import os

from hostile_helpers import *


def generate(work):
    minimal_site(work / "content"); t = copy_default_theme(work / "theme")
    write(t / "templates/page.mustache", "<p>x</p>\n{{> nowhere}}\n" + (t / "templates/page.mustache").read_text())
