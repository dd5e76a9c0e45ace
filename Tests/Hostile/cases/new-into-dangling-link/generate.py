from hostile_helpers import *


def generate(work):
    symlink(work / "my-site", work / "nowhere")
