"""site.yml that starts with a byte-order mark builds."""
import os

from hostile_helpers import *


def generate(work):
    write(minimal_site(work / "content") / "site.yml", b"\xef\xbb\xbftitle: Tiny site\n")
