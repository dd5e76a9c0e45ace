"""A .md file full of random bytes is an error, not a crash."""
import os

from hostile_helpers import *


def generate(work):
    import random; r = random.Random(7); minimal_site(work / "content"); write(work / "content/pages/extra.md", bytes(r.randrange(256) for _ in range(20000)))
