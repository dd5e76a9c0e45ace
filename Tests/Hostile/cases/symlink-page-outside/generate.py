"""A page symlinked to a Markdown file outside the content folder is an error at the link."""
import os

from hostile_helpers import *


def generate(work):
    c = minimal_site(work / "content")
    symlink(c / "pages/secret.md", work / "outside/secret.md")
