"""A billion-laughs alias bomb in front matter stops quickly with an error about aliases."""
import os

from hostile_helpers import *


def generate(work):
    lines = ["---", "title: X", "summary: A page.", 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 9):
        prev, cur = chr(ord("a") + i - 1), chr(ord("a") + i)
        lines.append(f"{cur}: &{cur} [" + ",".join(["*" + prev] * 9) + "]")
    lines += ["services: *i", "---", "Words."]
    minimal_site(work / "content"); write(work / "content/pages/extra.md", "\n".join(lines) + "\n")
