"""A picture symlinked to a file outside the content folder is an error at the link."""
import os

from hostile_helpers import *


def generate(work):
    c = minimal_site(work / "content")
    write(c / "pages/extra.md", page(body="We help.\n\n![A secret](../pictures/secret.svg)\n"))
    symlink(c / "pictures/secret.svg", "../../outside/secret.svg")
