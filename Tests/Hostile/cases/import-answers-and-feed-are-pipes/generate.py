import os

from hostile_helpers import *


def generate(work):
    easy_read_site(work / "content")
    os.mkfifo(work / "answers.json")
    (work / "feed").mkdir()
    os.mkfifo(work / "feed" / "services.json")
