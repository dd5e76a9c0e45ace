"""Files a person put in the output folder are an error that names them and mentions keep."""
import os

from hostile_helpers import *


def generate(work):
    minimal_site(work / "content"); write(work / "output/CNAME", "breaks.example.org\n")
    write(work / "output/downloads/x.pdf", b"%PDF-1.4\n")
