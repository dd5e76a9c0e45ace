"""A billion-laughs alias bomb in site.yml stops quickly with an error about aliases."""
import os

from hostile_helpers import *


def generate(work):
    lines = ["title: Tiny site", 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 9):
        prev, cur = chr(ord("a") + i - 1), chr(ord("a") + i)
        lines.append(f"{cur}: &{cur} [" + ",".join(["*" + prev] * 9) + "]")
    lines.append("words: *i")
    write(minimal_site(work / "content") / "site.yml", "\n".join(lines) + "\n")
