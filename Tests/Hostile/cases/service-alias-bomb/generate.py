"""A billion-laughs alias bomb in a service stops quickly with an error about aliases."""
import os

from hostile_helpers import *


def generate(work):
    lines = ["---", "id: club", "name: Club", "summary: A club.", 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 9):
        prev, cur = chr(ord("a") + i - 1), chr(ord("a") + i)
        lines.append(f"{cur}: &{cur} [" + ",".join(["*" + prev] * 9) + "]")
    lines += ["areas: *i", "---", "Words."]
    minimal_site(work / "content"); write(work / "content/services/club.md", "\n".join(lines) + "\n")
