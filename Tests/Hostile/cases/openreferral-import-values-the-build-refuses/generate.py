from hostile_helpers import *


def generate(work):
    minimal_site(work / "content")
    write(work / "feed.json", oruk_page(
        oruk_service("0b6f7d0e-8f7a-4d4b-9a61-1c2d3e4f5a01", "Negative Cost",
                     cost_options=[{"option": "Per night", "amount": -5}]),
        oruk_service("0b6f7d0e-8f7a-4d4b-9a61-1c2d3e4f5a02", "Ages Upside Down", minimum_age=65, maximum_age=18),
        oruk_service("0b6f7d0e-8f7a-4d4b-9a61-1c2d3e4f5a03", "Bad Email", email="not an email"),
        oruk_service("0b6f7d0e-8f7a-4d4b-9a61-1c2d3e4f5a04", "Bad Phone",
                     contacts=[{"name": "Office", "phones": [{"number": "call us"}]}]),
        oruk_service("0b6f7d0e-8f7a-4d4b-9a61-1c2d3e4f5a05", "Fine Service"),
    ))
