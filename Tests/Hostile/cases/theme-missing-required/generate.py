"""A theme without page.mustache is an error naming it."""
import os

from hostile_helpers import *


def generate(work):
    minimal_site(work / "content"); t = copy_default_theme(work / "theme")
    (t / "templates/page.mustache").unlink()
