from hostile_helpers import *

ID = "6a1d0c57-2c5e-4d0e-9a0b-7a3c1f2e9b11"


def generate(work):
    minimal_site(work / "content")
    write(work / "feed.json", oruk_page(oruk_service(ID, "Maple Lodge"), oruk_service(ID, "Oak House")))
