"""300 services with synonyms build, and build the same twice."""
import os

from hostile_helpers import *


def generate(work):
    c = minimal_site(work / "content")
    write(c / "site.yml", "title: Tiny site\nsynonyms:\n" + "".join(f"  - [club {i}, group {i}]\n" for i in range(200)))
    kinds = ["community", "shared-lives", "home-based", "emergency", "holiday", "building-based"]
    areas = ["Leicester", "Rutland", "Leicestershire", "Melton", "Oadby"]
    for i in range(300):
        write(c / f"services/s{i:03}.md", f"""---
    id: service-{i}
    name: Service number {i}
    summary: A service with games and trips, number {i}.
    break_types: [{kinds[i % 6]}, {kinds[(i * 7) % 6]}]
    areas: [{areas[i % 5]}, {areas[(i * 3) % 5]}]
    overnight: {"true" if i % 2 else "false"}
    emergency: {"true" if i % 3 == 0 else "false"}
    costs:
      - {{ option: Per night, amount: {i}.5, currency: GBP }}
    contact: {{ phone: "0116 496 {i:04}", website: "https://example.org/s{i}" }}
    checked: 2026-10-01
    ---
    We play games, go on trips and have fun.
    """.replace("\n    ", "\n"))
