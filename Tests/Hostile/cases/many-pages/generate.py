"""150 small pages with easy-read twins build and build the same twice."""
import os

from hostile_helpers import *


def generate(work):
    c = minimal_site(work / "content")
    for i in range(150):
        write(c / f"pages/page-{i}.md", page(title=f"Page {i}", body=f"We help. See [the next page](page-{(i + 1) % 150}.md).\n"))
        write(c / f"easy-read/page-{i}.md", page(title=f"Page {i} easy read",
              extra=f"format: easy-read\neasy_read_of: pages/page-{i}.md\n", body="![A dot](../pictures/dot.svg) We help you.\n"))
    write(c / "pictures/dot.svg", '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><circle cx="5" cy="5" r="4"/></svg>\n')
