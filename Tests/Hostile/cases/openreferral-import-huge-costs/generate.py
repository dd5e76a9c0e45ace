from hostile_helpers import *

UUIDS = ["3f0e6a84-5a53-4a4c-9d57-0c1f4b0b6a1%d" % n for n in range(6)]


def generate(work):
    minimal_site(work / "content")
    amounts = [1e300, "inf", "nan", 9.3e16, 12345678901234567890123, "-inf"]
    services = [oruk_service(UUIDS[n], f"Service {n}", cost_options=[{"option": "Per night", "amount": amount}])
                for n, amount in enumerate(amounts)]
    # json.dumps writes 1e300 as 1e+300 and the 23-digit integer as it is; "inf" and "nan" stay strings.
    write(work / "feed.json", oruk_page(*services))
