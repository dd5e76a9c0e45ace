"""A stale .output.staging folder with Signpost's marker is removed by the next build."""
import os

from hostile_helpers import *


def generate(work):
    minimal_site(work / "content"); write(work / ".output.staging-DEADBEEF/.signpost-output", "Written by Signpost.\n")
    write(work / ".output.staging-DEADBEEF/index.html", "<p>old</p>\n")
