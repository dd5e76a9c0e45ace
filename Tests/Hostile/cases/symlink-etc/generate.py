"""A folder symlink Content/etc -> /etc is an error at the link saying it is outside."""
import os

from hostile_helpers import *


def generate(work):
    c = minimal_site(work / "content")
    symlink(c / "etc", "/etc")
