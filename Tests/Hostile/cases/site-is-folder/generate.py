"""site.yml that is a folder is an error, not a crash."""
import os

from hostile_helpers import *


def generate(work):
    minimal_site(work / "content"); (work / "content" / "site.yml").unlink(); (work / "content" / "site.yml").mkdir()
