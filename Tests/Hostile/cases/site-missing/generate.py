"""A content folder without site.yml is an error asking for one."""
import os

from hostile_helpers import *


def generate(work):
    minimal_site(work / "content"); (work / "content" / "site.yml").unlink()
