from hostile_helpers import *


def generate(work):
    symlink(work / "Themes" / "mine", work / "nowhere")
