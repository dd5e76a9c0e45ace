from hostile_helpers import *


def generate(work):
    version = easy_read_site(work / "content", points=3)
    write(work / "answers.json", answers(version, [1, 2, 9999]))
