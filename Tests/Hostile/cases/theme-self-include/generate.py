"""A partial that includes itself is an error at the template saying so."""
import os

from hostile_helpers import *


def generate(work):
    minimal_site(work / "content"); t = copy_default_theme(work / "theme")
    write(t / "templates/footer.mustache", "<footer>\n{{> footer}}\n</footer>\n")
