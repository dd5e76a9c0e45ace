"""--content naming a folder that does not exist is exit 2."""
import os

from hostile_helpers import *


def generate(work):
    pass
