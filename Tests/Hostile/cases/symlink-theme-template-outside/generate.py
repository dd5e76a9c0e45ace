"""A theme template symlinked outside the theme folder is an error at the link."""
import os

from hostile_helpers import *


def generate(work):
    c = minimal_site(work / "content")
    copy_default_theme(work / "theme"); (work / "theme/templates/footer.mustache").unlink()
    symlink(work / "theme/templates/footer.mustache", work / "outside/secret.mustache")
