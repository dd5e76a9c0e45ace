"""glossary.yml symlinked outside the content folder is an error at glossary.yml."""
import os

from hostile_helpers import *


def generate(work):
    c = minimal_site(work / "content")
    symlink(c / "glossary.yml", work / "outside/secret.yml")
