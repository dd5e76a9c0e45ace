"""A template with an unclosed {{ tag is an error at its line."""
import os

from hostile_helpers import *


def generate(work):
    minimal_site(work / "content"); t = copy_default_theme(work / "theme")
    write(t / "templates/footer.mustache", "<p>x</p>\n<p>{{site.title</p>\n")
