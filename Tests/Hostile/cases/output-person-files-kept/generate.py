"""Files listed under keep: in site.yml survive the build."""
import os

from hostile_helpers import *


def generate(work):
    minimal_site(work / "content"); write(work / "content/site.yml", "title: Tiny site\nkeep: [CNAME, downloads/]\n")
    write(work / "output/CNAME", "breaks.example.org\n"); write(work / "output/downloads/x.pdf", b"%PDF-1.4\n")
