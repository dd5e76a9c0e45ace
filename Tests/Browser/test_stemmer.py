"""The Snowball English stemmer on both sides of search, checked against the Snowball project's own: the
`snowballstemmer` package pinned in requirements.txt. The index is stemmed in Swift (EnglishStemming.swift, tested
in EnglishStemmerTests.swift against Tests/SignpostTests/Fixtures/english-stems.json) and what people type is stemmed
in the browser (assets/stemmer.js). Here the fixture is made again with the package and must be the same, and the
browser's stemmer is run over every word of it, so both implementations answer to the same independent one."""
import importlib.util
import json

import snowballstemmer
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from conftest import ROOT

FIXTURE = ROOT / "Tests/SignpostTests/Fixtures/english-stems.json"


def fixture_maker():
    spec = importlib.util.spec_from_file_location("make_english_stems", ROOT / "Scripts/make-english-stems.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def reference():
    return snowballstemmer.stemmer("english").stemWord


def test_the_pinned_package_is_the_one_the_stemmers_follow():
    """Both stemmers follow english.sbl as Snowball 3.1.1 compiles it; a new package needs the stemmers checked."""
    pinned = [line for line in (ROOT / "Tests/Browser/requirements.txt").read_text().splitlines()
              if line.startswith("snowballstemmer==")]
    assert pinned == ["snowballstemmer==3.1.1"]
    assert "Snowball 3.1.1" in (ROOT / "Themes/default/assets/stemmer.js").read_text(encoding="utf-8")


def test_the_swift_tests_stems_are_snowballs():
    """The word → stem pairs the Swift test checks are exactly what the package gives today, for the common words
    and the awkward ones (exceptions, possessives, "y", other scripts and the empty word)."""
    maker = fixture_maker()
    expected = maker.fixture_text(reference())
    assert FIXTURE.read_text(encoding="utf-8") == expected, \
        "Tests/SignpostTests/Fixtures/english-stems.json is out of date: run .venv/bin/python Scripts/make-english-stems.py"
    pairs = json.loads(expected)
    assert len(pairs) > 5000
    stems = dict(pairs)
    assert stems["nursing"] == stems["nurse"] and stems["sitters"] == stems["sitter"]
    assert stems["dying"] == "die" and stems["skies"] == "sky" and stems["news"] == "news"


def test_the_browsers_stemmer_is_snowballs(browser, server):
    browser.get(server.base + "/services/")
    WebDriverWait(browser, 10).until(lambda d: d.execute_script("return !!window.SignpostSearch"))
    words = [word for word, _ in json.loads(FIXTURE.read_text(encoding="utf-8"))]
    stem = reference()
    got = browser.execute_script("return arguments[0].map(w => window.SignpostStem(w))", words)
    wrong = [(word, stems, stem(word)) for word, stems in zip(words, got) if stems != stem(word)]
    assert not wrong, f"{len(wrong)} words differ (word, browser, snowballstemmer): {wrong[:20]}"
    assert browser.execute_script("return SignpostSearch.stem('nursing')") == "nurs"


def test_the_stemmer_loads_before_the_search_and_only_on_the_listing(browser, server):
    browser.get(server.base + "/services/")
    sources = [s.get_attribute("src") for s in browser.find_elements(By.CSS_SELECTOR, "script[src]")]
    stemmer = next(i for i, s in enumerate(sources) if s.endswith("/assets/stemmer.js"))
    assert stemmer < next(i for i, s in enumerate(sources) if s.endswith("/assets/signpost.js"))
    browser.get(server.base + "/")
    assert not browser.find_elements(By.CSS_SELECTOR, 'script[src$="stemmer.js"]'), "other pages need no stemmer"
