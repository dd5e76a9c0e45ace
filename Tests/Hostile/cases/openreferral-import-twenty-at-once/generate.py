from hostile_helpers import *


def generate(work):
    minimal_site(work / "content")
    for n in range(20):
        write(work / f"feed-{n}.json",
              oruk_page(oruk_service(f"6a1d0c57-2c5e-4d0e-9a0b-7a3c1f2e9{n:03d}", f"Service number {n}")))
