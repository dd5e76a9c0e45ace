"""A content folder that is itself a symlink to a folder builds."""
import os

from hostile_helpers import *


def generate(work):
    minimal_site(work / "real-content"); symlink(work / "content", "real-content")
