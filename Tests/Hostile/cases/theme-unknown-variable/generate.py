"""A template using a variable that does not exist builds."""
import os

from hostile_helpers import *


def generate(work):
    minimal_site(work / "content"); t = copy_default_theme(work / "theme")
    write(t / "templates/footer.mustache", "<p>{{no.such.thing}}</p>\n")
