"""A template with 2,000 nested sections is an error about nesting, not a crash."""
import os

from hostile_helpers import *


def generate(work):
    minimal_site(work / "content"); t = copy_default_theme(work / "theme")
    write(t / "templates/footer.mustache", "{{#site}}" * 2000 + "x" + "{{/site}}" * 2000 + "\n")
