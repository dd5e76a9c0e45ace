from hostile_helpers import *


def generate(work):
    minimal_site(work / "content")
    symlink(work / "content" / "services", work / "outside" / "dir")
    write(work / "feed.json", oruk_page(oruk_service("6a1d0c57-2c5e-4d0e-9a0b-7a3c1f2e9b12", "Maple Lodge")))
