#!/usr/bin/env python3
"""Writes Tests/SignpostTests/Fixtures/english-stems.json: each word of the checker's common-words list and some
awkward ones, with its stem from the `snowballstemmer` package (the Snowball project's own English stemmer, the
version pinned in Tests/Browser/requirements.txt). The Swift stemmer is tested against this file, and
Tests/Browser/test_stemmer.py makes it again with the installed package and checks it is the same, and runs the
browser's stemmer over the same words.

    .venv/bin/python Scripts/make-english-stems.py
"""
import json
import pathlib

ROOT = pathlib.Path(__file__).resolve().parent.parent
COMMON_WORDS = ROOT / "Sources/EasyReadChecker/Data/common-words.txt"
FIXTURE = ROOT / "Tests/SignpostTests/Fixtures/english-stems.json"

# Words that take the stemmer's rarer paths: its exceptional forms, the special starts of R1 ("generous",
# "communism"), "-eed" and "-ing" exceptions, "y" as a consonant, possessives, short words, the empty word, and words
# with letters outside a to z, digits and other scripts, which Snowball leaves as they are or treats as consonants.
AWKWARD = """
generously generous general generate dying lying tying news skies skis sky ski succeed proceed exceed succeeded
proceeding exceeds agreed feed bled arsenal communism community communities emergency emerge organisation organ
university universe past pasted pastor later lateral interest interested internal carer's carers' 's ' '' 'tis
it's o'clock yelling sayings saying yes yay ayy boy boys buyer crying cry cries ties tied dies happy happily early only
singly ugly idly gently andes atlas bias cosmos howe inning innings outing outings canning herring earring evening
evenings hoping hopping hopped hope hop sitting sitter sitters sits sit nurse nursing nurses nursery holiday holidays
respite caring care carers cared hoist hoists hoisting children kids autism autistic physically logically
archaeology geologist biologist hopefulness endlessly amazingly reportedly disabilities disability xylophones
a ab abc is as us bus gas was this his yo eyed eying
café cafe straße strasse naïve naïveté résumé 2024 24h 1st 2nd a1b covid19 x1s
اردو ਪੰਜਾਬੀ ગુજરાતી हिंदी বাংলা 😀ing a😀ing 𝒶ies ßing äying
Yelling YES Ying SKIES
""".split() + ["", "  ", "a b", "don’t"]


def words():
    """The common words, then the awkward ones, each once."""
    found = COMMON_WORDS.read_text(encoding="utf-8").split()
    seen = set(found)
    for word in AWKWARD:
        if word not in seen:
            seen.add(word)
            found.append(word)
    return found


def fixture_text(stem):
    """The file's text: one [word, stem] pair a line, so a change shows as a one-line difference."""
    lines = ",\n".join(json.dumps([word, stem(word)], ensure_ascii=False) for word in words())
    return "[\n" + lines + "\n]\n"


def snowball_stem():
    import snowballstemmer
    return snowballstemmer.stemmer("english").stemWord


if __name__ == "__main__":
    FIXTURE.write_text(fixture_text(snowball_stem()), encoding="utf-8")
    print(f"wrote {FIXTURE.relative_to(ROOT)}")
