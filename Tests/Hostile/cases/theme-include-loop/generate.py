"""Two partials that include each other are an error about a loop."""
import os

from hostile_helpers import *


def generate(work):
    minimal_site(work / "content"); t = copy_default_theme(work / "theme")
    write(t / "templates/footer.mustache", "<footer>\n{{> loop-b}}\n</footer>\n")
    write(t / "templates/loop-b.mustache", "<div>\n{{> footer}}\n</div>\n")
