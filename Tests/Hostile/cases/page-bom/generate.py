"""A page that starts with a byte-order mark builds."""
import os

from hostile_helpers import *


def generate(work):
    minimal_site(work / "content"); write(work / "content/pages/extra.md", b"\xef\xbb\xbf" + page().encode())
