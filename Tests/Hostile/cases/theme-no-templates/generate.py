"""A theme folder without templates/ is an error saying so."""
import os

from hostile_helpers import *


def generate(work):
    minimal_site(work / "content"); t = copy_default_theme(work / "theme")
    import shutil; shutil.rmtree(t / "templates")
