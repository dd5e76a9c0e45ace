from hostile_helpers import *


def generate(work):
    version = easy_read_site(work / "content")
    symlink(work / "content" / "reviews", work / "outside" / "dir")
    write(work / "answers.json", answers(version, [1, 2, 3]))
