from hostile_helpers import *


def generate(work):
    version = easy_read_site(work / "content")
    for n in range(20):
        write(work / f"answers-{n}.json", answers(version, [1, 2, 3], date=f"2026-10-{n + 1:02d}"))
