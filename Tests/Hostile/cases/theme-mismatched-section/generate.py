"""A template closing the wrong section is an error at the template's line."""
import os

from hostile_helpers import *


def generate(work):
    minimal_site(work / "content"); t = copy_default_theme(work / "theme")
    write(t / "templates/footer.mustache", "<p>x</p>\n{{#site.title}}\n{{/page.title}}\n")
