from hostile_helpers import *


def generate(work):
    minimal_site(work / "content")
    # Older ORUK v1 feeds number their services.
    write(work / "feed.json", oruk_page(oruk_service("1", "Maple Lodge"), oruk_service("svc-0002", "Oak House")))
