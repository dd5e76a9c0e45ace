"""An empty existing output folder is used."""
import os

from hostile_helpers import *


def generate(work):
    minimal_site(work / "content"); (work / "output").mkdir()
