"""A theme asset symlinked outside the theme folder is an error at the link."""
import os

from hostile_helpers import *


def generate(work):
    c = minimal_site(work / "content")
    copy_default_theme(work / "theme"); symlink(work / "theme/assets/secret.css", work / "outside/secret.css")
