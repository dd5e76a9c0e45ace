"""A site.yml in Latin-1 is an error at site.yml:1:1 saying it is not UTF-8."""
import os

from hostile_helpers import *


def generate(work):
    write(minimal_site(work / "content") / "site.yml", "title: Caf\u00e9 site\n".encode("latin-1"))
