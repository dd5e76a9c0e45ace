#!/usr/bin/env python3
"""Writes Sources/EasyReadChecker/Data/common-words.txt: the 5,000 most frequent English words.

The words come from wordfreq (https://github.com/rspeer/wordfreq), whose data is licensed CC BY-SA 4.0; see
common-words.NOTICE beside the list. Run it again to regenerate the same list:

    python3 -m venv .venv-wordlists
    .venv-wordlists/bin/pip install -r Scripts/requirements-wordlists.txt
    .venv-wordlists/bin/python Scripts/make-common-words.py
"""
import pathlib
import re

import wordfreq

COUNT = 5000
WORD = re.compile(r"^[a-z]+(?:['-][a-z]+)*$")

def main() -> None:
    words = []
    seen = set()
    for word in wordfreq.top_n_list("en", COUNT * 3, wordlist="best"):
        word = word.lower().replace("\u2019", "'")
        if WORD.match(word) and word not in seen and (len(word) > 1 or word in ("a", "i")):
            seen.add(word)
            words.append(word)
        if len(words) == COUNT:
            break
    target = pathlib.Path(__file__).resolve().parent.parent / "Sources/EasyReadChecker/Data/common-words.txt"
    target.write_text("\n".join(words) + "\n", encoding="utf-8")
    print(f"wrote {len(words)} words to {target}")

if __name__ == "__main__":
    main()
