"""site.yml symlinked to a file outside the content folder is an error at site.yml."""
import os

from hostile_helpers import *


def generate(work):
    c = minimal_site(work / "content")
    (c / "site.yml").unlink(); symlink(c / "site.yml", work / "outside/secret.yml")
