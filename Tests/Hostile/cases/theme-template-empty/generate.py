"""An empty partial builds."""
import os

from hostile_helpers import *


def generate(work):
    minimal_site(work / "content"); t = copy_default_theme(work / "theme")
    write(t / "templates/footer.mustache", "")
