from hostile_helpers import *


def generate(work):
    version = easy_read_site(work / "content", points=3)
    # 100,000 points and 30 MB of notes: far more than a review page ever saves.
    write(work / "many.json", answers(version, range(1, 100_001)))
    write(work / "notes.json", answers(version, [1, 2, 3], facilitator="A" * 30_000_000))
