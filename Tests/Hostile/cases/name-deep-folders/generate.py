"""A page 60 folders deep builds."""
import os

from hostile_helpers import *


def generate(work):
    minimal_site(work / "content"); write(work / "content" / "/".join(["deep"] * 60) / "page.md", page())
