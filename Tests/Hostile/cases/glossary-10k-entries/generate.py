"""A glossary of 10,000 words builds within the time limit."""
import os

from hostile_helpers import *


def generate(work):
    minimal_site(work / "content"); write(work / "content/glossary.yml", "words:\n" + "".join(f"  - word: word{i}\n    meaning: Meaning number {i}.\n" for i in range(10_000)))
