"""A symlink inside the content folder to another file inside it builds."""
import os

from hostile_helpers import *


def generate(work):
    c = minimal_site(work / "content"); write(c / "pictures/dot.svg", '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">\n  <circle cx="5" cy="5" r="4"/>\n</svg>\n')
    symlink(c / "pictures/alias.svg", "dot.svg")
    write(c / "pages/extra.md", page(body="We help.\n\n![A dot](../pictures/alias.svg)\n"))
