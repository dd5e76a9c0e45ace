"""A template in Latin-1 is an error saying it is not UTF-8."""
import os

from hostile_helpers import *


def generate(work):
    minimal_site(work / "content"); t = copy_default_theme(work / "theme")
    write(t / "templates/footer.mustache", "<p>Caf\u00e9</p>\n".encode("latin-1"))
