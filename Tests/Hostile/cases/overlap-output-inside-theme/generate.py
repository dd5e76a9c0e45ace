"""An output folder inside the theme folder is refused, and nothing is touched."""
import os

from hostile_helpers import *


def generate(work):
    minimal_site(work / "content"); copy_default_theme(work / "theme")
