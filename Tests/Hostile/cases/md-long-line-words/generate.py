"""A 200 KB paragraph of short words gives sentence-length findings, not a hang."""
import os

from hostile_helpers import *


def generate(work):
    minimal_site(work / "content"); write(work / "content/pages/extra.md", page(body="we help you " * 18_000 + "\n"))
