"""The service directory in a real browser: search as you type, filters, state in the address, no JavaScript, and
opened straight from disk. Also the search code itself: ranking, typo tolerance and synonyms."""
import json
import os
import pathlib
import re
import time
import urllib.parse

import pytest
import yaml
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from conftest import ROOT, make_driver

RESULT_LINKS = "[data-results] a"
CONTENT = pathlib.Path(os.environ.get("CONTENT", ROOT / "Content"))


@pytest.fixture(scope="module", autouse=True)
def the_site_has_a_directory(site):
    """These tests are about the sample services: without them every test here fails, none is skipped."""
    assert (site / "services/index.html").exists(), f"{site} has no services/index.html: the directory was not built"
    assert sample_services(), f"no service files in {CONTENT / 'services'}"


def words(value):
    """Every word of a front matter value or body, lowercased: `wheelchair-accessible-transport` is three words."""
    if isinstance(value, dict):
        return set().union(*(words(v) for v in value.values())) if value else set()
    if isinstance(value, list):
        return set().union(*(words(v) for v in value)) if value else set()
    return set(re.findall(r"[a-z0-9]+", str(value).lower().replace("'", "").replace("\u2019", "")))


def sample_services():
    """The listed services, read straight from the content files (not from the site): id → every word they hold."""
    services = {}
    for path in sorted((CONTENT / "services").glob("*.md")):
        _, front, body = path.read_text(encoding="utf-8").split("---\n", 2)
        fields = yaml.safe_load(front)
        if fields.get("status", "active") != "active":
            continue  # closed services have a page but are not in the listing
        services[fields["id"]] = words(fields) | words(body)
    return services


def open_listing(browser, server, query=""):
    browser.get(server.base + "/services/" + query)
    WebDriverWait(browser, 10).until(lambda d: d.execute_script("return !!window.SignpostSearch"))
    # A search loads the parts of the index it needs, then shows its results: wait until it has.
    wait_for_search(browser)


def wait_for_search(browser):
    WebDriverWait(browser, 10).until(lambda d: d.execute_script("return !document.querySelector('[data-results][aria-busy]')"))


def search(browser, query, filters=None, synonyms=None):
    """The ids of every service a search finds, best first, as the page finds them: from the index in shards."""
    found = browser.execute_async_script("""
        const done = arguments[arguments.length - 1];
        SignpostSearch.site.search(arguments[0], arguments[1] || {}, arguments[2] ? {synonyms: arguments[2]} : undefined)
          .then(cards => done(cards.map(c => c.id)), e => done('failed: ' + e));""", query, filters, synonyms)
    assert isinstance(found, list), found
    return found


def results(browser):
    return [a.get_attribute("href") for a in browser.find_elements(By.CSS_SELECTOR, RESULT_LINKS)]


def result_ids(browser):
    ids = []
    for a in browser.find_elements(By.CSS_SELECTOR, RESULT_LINKS):
        href = a.get_attribute("href")
        match = re.search(r"/services/([a-z0-9-]+)/(index\.html)?$", href)
        assert match, f"result link {href} does not end in /services/<id>/"
        ids.append(match.group(1))
    return ids


def wait_for_count(browser, expected_text):
    WebDriverWait(browser, 5).until(
        lambda d: expected_text in d.find_element(By.CSS_SELECTOR, "[data-count]").text)


def type_query(browser, text):
    box = browser.find_element(By.CSS_SELECTOR, 'input[type="search"][name="q"]')
    box.clear()
    box.send_keys(text)
    # The search waits for a pause in typing, then puts the query in the address.
    WebDriverWait(browser, 5).until(
        lambda d: urllib.parse.parse_qs(urllib.parse.urlparse(d.current_url).query).get("q") == [text])
    # The count is announced once typing pauses (half a second), then says what is shown.
    WebDriverWait(browser, 5).until(lambda d: d.find_element(By.CSS_SELECTOR, "[data-count]").text == announcement(d))
    return box


def announcement(browser):
    """What the count should say for the results on the page (when they fit on one page of 50)."""
    count = browser.execute_script("return document.querySelectorAll('[data-results] > li').length")
    return "No services found. Try other words, or fewer filters." if count == 0 else \
        f"{count} service{'' if count == 1 else 's'} found"


def visible_results(browser):
    return [a for a in browser.find_elements(By.CSS_SELECTOR, RESULT_LINKS) if a.is_displayed()]


def test_typing_searches_and_announces_the_count(browser, server):
    open_listing(browser, server)
    label = browser.find_element(By.CSS_SELECTOR, 'label[for="service-search"]')
    assert label.is_displayed() and label.text
    everything = len(result_ids(browser))
    status = browser.find_element(By.CSS_SELECTOR, "[data-count]")
    assert status.get_attribute("aria-live") == "polite"

    type_query(browser, "sitting")
    ids = result_ids(browser)
    assert "sunflower-sitters" in ids and 0 < len(ids) < everything
    announced = re.fullmatch(r"(\d+) services? found", status.text)
    assert announced, f"the count says {status.text!r}"
    assert int(announced.group(1)) == len(visible_results(browser)), "the count announced is not the count shown"

    # "hoist": the services whose own files use the word, counted here from Content/services.
    expected = sorted(id for id, text in sample_services().items() if "hoist" in text)
    assert len(expected) > 1, "the sample data should have several services with a hoist"
    type_query(browser, "hoist")
    assert status.text == f"{len(expected)} services found"
    assert len(visible_results(browser)) == len(expected)
    assert sorted(result_ids(browser)) == expected


def test_typing_part_of_a_word_finds_it(browser, server):
    open_listing(browser, server)
    type_query(browser, "holid")
    assert "seaside-holidays" in result_ids(browser)


def test_filters_are_or_inside_a_group_and_and_across_groups(browser, server, site):
    open_listing(browser, server)
    browser.find_element(By.CSS_SELECTOR, 'label[for="area-rutland"]').click()
    wait_for_count(browser, "found")
    rutland = set(result_ids(browser))
    assert rutland and "rutland-crisis-beds" in rutland and "oakfield-shared-lives" not in rutland
    browser.find_element(By.CSS_SELECTOR, 'label[for="type-holiday"]').click()
    time.sleep(0.3)
    both = set(result_ids(browser))
    assert both and both < rutland, "adding a kind of break narrows the results (AND across groups)"
    browser.find_element(By.CSS_SELECTOR, 'label[for="type-emergency"]').click()
    time.sleep(0.3)
    either = set(result_ids(browser))
    assert both < either <= rutland, "a second kind of break widens the results (OR inside a group)"
    query = urllib.parse.parse_qs(urllib.parse.urlparse(browser.current_url).query)
    assert query["area"] == ["Rutland"] and sorted(query["type"]) == ["emergency", "holiday"]


def test_an_address_with_a_query_and_filters_shows_those_results(browser, server):
    open_listing(browser, server, "?q=sitting&type=home-based&area=Leicester")
    ids = result_ids(browser)
    assert ids and "sunflower-sitters" in ids
    assert "night-owls-sitting" not in ids, "Night Owls is in Leicestershire, not Leicester"
    assert browser.find_element(By.CSS_SELECTOR, 'input[name="q"]').get_attribute("value") == "sitting"
    assert browser.find_element(By.ID, "type-home-based").is_selected()
    assert browser.find_element(By.ID, "area-leicester").is_selected()


def test_typos_and_synonyms_find_services(browser, server):
    open_listing(browser, server, "?q=emergancy")
    assert {"rutland-crisis-beds", "city-emergency-response"} <= set(result_ids(browser))
    open_listing(browser, server, "?q=sharred+lives")
    assert result_ids(browser)[0] in {"oakfield-shared-lives", "harbour-shared-lives", "county-shared-lives"}
    open_listing(browser, server, "?q=adult+placement")
    assert "oakfield-shared-lives" in result_ids(browser)
    open_listing(browser, server, "?q=crisis")
    assert "city-emergency-response" in result_ids(browser)
    # Needs and languages are searched too.
    open_listing(browser, server, "?q=halal+punjabi")
    assert "oakfield-shared-lives" in result_ids(browser)


def test_search_code_ranks_typos_and_synonyms(browser, server):
    open_listing(browser, server)
    run = lambda q, f=None: search(browser, q, f)
    within = lambda a, b, n: browser.execute_script("return SignpostSearch.withinEdits(arguments[0], arguments[1], arguments[2])", a, b, n)
    # One edit for words of 5 to 7 letters, two for longer, none for words of 4 letters or fewer.
    assert browser.execute_script("return [3, 4, 5, 7, 8].map(n => SignpostSearch.allowedEdits('x'.repeat(n)))") == [0, 0, 1, 1, 2]
    assert within("sharred", "shared", 1) and within("emergancy", "emergency", 2) and not within("club", "cake", 1)
    # A match in the name ranks above a match only in the description.
    ranked = run("willow")
    assert ranked[0] == "willow-house"
    # Every word must match something: an unknown word finds nothing.
    assert run("zzqx") == []
    assert run("shared lives zzqx") == []
    # Filters alone.
    assert set(run("", {"type": ["holiday"]})) == {"seaside-holidays", "family-camping-weekends", "lakeside-respite-cottage",
                                                   "weekend-adventures", "young-carers-breaks"}


def test_a_synonym_finds_services_that_never_use_the_word(browser, server):
    services = sample_services()
    # "kids" is in none of the services' files; "children", a word in its synonym group, is in some.
    children = sorted(id for id, text in services.items() if "children" in text)
    assert children and not any("kids" in text for text in services.values())
    open_listing(browser, server, "?q=kids")
    found = set(result_ids(browser))
    assert set(children) <= found, f"searching for kids misses {set(children) - found}"
    # The synonym is what finds them: the same search with no synonyms finds none of them, nor does a nonsense word.
    without_synonyms = search(browser, "kids", synonyms=[])
    assert not set(children) & set(without_synonyms), without_synonyms
    open_listing(browser, server, "?q=zzqxv")
    assert not set(children) & set(result_ids(browser))
    assert result_ids(browser) == []


def test_without_javascript_everything_can_be_browsed(server, site):
    options_driver = make_driver_without_javascript()
    try:
        options_driver.get(server.base + "/services/")
        form = options_driver.find_element(By.CSS_SELECTOR, "[data-search-form]")
        assert not form.is_displayed(), "the search form needs JavaScript, so it stays hidden without it"
        cards = options_driver.find_elements(By.CSS_SELECTOR, RESULT_LINKS)
        assert len(cards) >= 30
        link = options_driver.find_element(By.LINK_TEXT, "Shared Lives")
        count = int(re.search(r"\((\d+)\)", link.find_element(By.XPATH, "..").text).group(1))
        link.click()
        assert options_driver.current_url.endswith("/services/type/shared-lives/")
        assert len(options_driver.find_elements(By.CSS_SELECTOR, ".service-card h3 a")) == count
        options_driver.find_element(By.CSS_SELECTOR, ".service-card h3 a").click()
        assert options_driver.find_element(By.TAG_NAME, "h1").text
        assert options_driver.find_elements(By.CSS_SELECTOR, 'a[href^="tel:"]')
    finally:
        options_driver.quit()


def make_driver_without_javascript():
    driver = make_driver()
    driver.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": True})
    return driver


def test_the_site_works_opened_from_disk(browser, site):
    browser.get((site / "services/index.html").as_uri() + "?q=shared+lives")
    WebDriverWait(browser, 10).until(lambda d: d.execute_script("return !!window.SignpostSearch"))
    wait_for_search(browser)
    ids = result_ids(browser)
    assert ids and "shared-lives" in ids[0]
    browser.find_elements(By.CSS_SELECTOR, RESULT_LINKS)[0].click()
    WebDriverWait(browser, 5).until(lambda d: d.current_url.endswith("/index.html"))
    assert "/services/" in browser.current_url
    assert browser.find_element(By.TAG_NAME, "h1").text
    # Links between ordinary pages work from disk too.
    browser.get((site / "index.html").as_uri())
    browser.find_element(By.CSS_SELECTOR, ".card__title a").click()
    WebDriverWait(browser, 5).until(lambda d: d.current_url.endswith("/index.html") and d.current_url != (site / "index.html").as_uri())
    assert browser.find_element(By.TAG_NAME, "h1").text


def test_rare_words_count_more_than_common_ones(browser, server):
    open_listing(browser, server)
    run = lambda q: search(browser, q)
    # "breaks" is in many services, "autism" in few: the autism service comes first.
    assert run("autism breaks")[0] == "autism-friendly-breaks"
    # A made-up index: a word in every service counts for little against a rare one. Its words are stems, as the
    # build writes them.
    ranked = browser.execute_script("""
        const stems = words => words.map(SignpostSearch.stem);
        const index = {weights: [1], synonyms: [], services: [
          {id: 'common', name: 'a', types: [], areas: [], words: [stems(['service', 'break', 'club', 'day'])]},
          {id: 'rare', name: 'b', types: [], areas: [], words: [stems(['service', 'autism', 'evening', 'day'])]},
          {id: 'other', name: 'c', types: [], areas: [], words: [stems(['service', 'break', 'music', 'day'])]}]};
        return [SignpostSearch.run(index, 'service autism', {}).map(s => s.id),
                SignpostSearch.run(index, 'autism service', {}).map(s => s.id),
                SignpostSearch.run(index, 'service', {}).length];""")
    assert ranked == [["rare"], ["rare"], 3]


def test_typos_only_for_longer_words_and_only_when_nothing_matches(browser, server):
    open_listing(browser, server)
    run = lambda q: search(browser, q)
    services = sample_services()
    # "care" is 4 letters: no typo matching, so "are" does not flood the results; the last word matches the start
    # of words ("carers"), so every result has a word starting "care".
    care = run("care")
    assert care and len(care) < 24
    assert all(any(w.startswith("care") for w in services[i]) for i in care), care
    made_up = """
        const index = {weights: [1], synonyms: [], services: [
          {id: 'house', name: 'a', types: [], areas: [], words: [[SignpostSearch.stem('house')]]},
          {id: 'horse', name: 'b', types: [], areas: [], words: [[SignpostSearch.stem('horse')]]}]};
        return SignpostSearch.run(index, arguments[0] + ' ', {}).map(s => s.id);"""
    # "house" matches exactly, so "horse", one letter away, is not a result; "hoise" matches nothing, so near misses do.
    assert browser.execute_script(made_up, "house") == ["house"]
    assert sorted(browser.execute_script(made_up, "hoise")) == ["horse", "house"]


def test_the_last_word_matches_word_starts_after_enter_a_filter_and_a_reload(browser, server):
    open_listing(browser, server, "?q=holid")
    assert "seaside-holidays" in result_ids(browser), "a shared or reloaded ?q=holid finds the holiday services"
    box = browser.find_element(By.CSS_SELECTOR, 'input[name="q"]')
    box.send_keys("\n")
    time.sleep(0.3)
    assert "seaside-holidays" in result_ids(browser), "Enter keeps the results"
    browser.find_element(By.CSS_SELECTOR, 'label[for="area-leicestershire"]').click()
    time.sleep(0.3)
    browser.find_element(By.CSS_SELECTOR, 'label[for="area-leicestershire"]').click()
    time.sleep(0.3)
    assert "seaside-holidays" in result_ids(browser), "ticking a filter keeps the word-start match"


def test_forms_of_a_word_find_each_other(browser, server):
    """Stemming: the index holds stems and the browser stems what is typed, so "nursing" finds a service that only
    says "Nurses"; "sitting", "sitter" and "sitters" (one stem apart, and a synonym group) find the same services."""
    open_listing(browser, server)
    run = lambda q: search(browser, q)
    services = sample_services()
    assert "nursing" not in services["maple-lodge"] and "nurses" in services["maple-lodge"]
    for query in ["nursing", "nurse", "nurses", "nursi", "Nursing care"]:
        found = run(query)
        assert {"maple-lodge", "respite-at-home-nursing"} <= set(found), (query, found)
    sitting = set(run("sitting"))
    assert "sunflower-sitters" in sitting and "night-owls-sitting" in sitting
    assert set(run("sitter")) == sitting and set(run("sitters")) == sitting
    # Typed in the box, as someone would: "nursing" shows the service that only says "Nurses".
    type_query(browser, "nursing")
    assert "maple-lodge" in result_ids(browser)
    # Without synonyms, stems alone: "nurse" and "nursing" still find each other in a made-up index.
    made_up = {"nurses": ["our", "nurses"], "nursing": ["nursing", "care"], "nursery": ["nursery"]}
    assert search_made_up(browser, made_up, "nurse care") == ["nursing"]
    assert search_made_up(browser, made_up, "nursing our") == ["nurses"]
    assert search_made_up(browser, made_up, "nurses") == ["nurses", "nursing"], "a finished word: not nursery"
    assert search_made_up(browser, made_up, "nurs") == ["nursery", "nurses", "nursing"], "the start of a word"


def search_made_up(browser, services, query):
    """Searches an index made up in the page, with no synonyms: {id: the service's words}. Returns the ids found,
    sorted."""
    script = """
        const index = {weights: [1], synonyms: [], services: Object.entries(arguments[0]).map(([id, words]) =>
          ({id: id, name: id, types: [], areas: [], words: [words.map(SignpostSearch.stem)]}))};
        return SignpostSearch.run(index, arguments[1], {}).map(s => s.id).sort();"""
    return browser.execute_script(script, services, query)


def test_synonyms_and_stop_words_work_on_any_form_of_a_word(browser, server):
    open_listing(browser, server)
    expand = lambda q, synonyms: browser.execute_script("return SignpostSearch.expand(arguments[0], arguments[1])", q, synonyms)
    # "breaks" and "break" share a stem, so "short break" finds the group "respite, short breaks".
    groups = expand("short break in rutland", [["respite", "short breaks"]])
    assert groups == [[["respite"], ["short", "breaks"]], [["rutland"]]]
    assert expand("the", []) == [[["the"]]], "a stop word alone is still searched"


def test_words_named_like_javascript_internals_are_searched_like_any_word(browser, server):
    """A query word such as "constructor" or "toString" once matched the names every plain JavaScript object has:
    it was dropped as if it were a stop word, or scored as nothing at all."""
    open_listing(browser, server)
    expand = lambda q: browser.execute_script("return SignpostSearch.expand(arguments[0], [])", q)
    assert expand("constructor training") == [[["constructor"]], [["training"]]]
    made_up = {"builders": ["constructor", "course"], "tostring": ["tostring", "valueof"], "other": ["garden"]}
    assert search_made_up(browser, made_up, "constructor course") == ["builders"]
    assert search_made_up(browser, made_up, "constructor") == ["builders"]
    assert search_made_up(browser, made_up, "toString valueOf") == ["tostring"]
    assert search_made_up(browser, made_up, "hasOwnProperty") == []


def test_a_query_in_another_script_searches_in_it(browser, server):
    open_listing(browser, server)
    everything = len(result_ids(browser))
    type_query(browser, "اردو")
    assert len(result_ids(browser)) < everything, "an Urdu query must not show everything as found"
    assert browser.find_element(By.CSS_SELECTOR, "[data-count]").text.startswith("No services found")


def test_the_tokeniser_matches_the_one_that_built_the_index(browser, server):
    """The same table as SearchTokensTests.swift: the browser splits words exactly as the index was built."""
    open_listing(browser, server)
    table = json.loads((ROOT / "Tests/SignpostTests/Fixtures/search-tokens.json").read_text(encoding="utf-8"))
    got = browser.execute_script("return arguments[0].map(row => SignpostSearch.words(row.text))", table)
    for row, tokens in zip(table, got):
        assert tokens == row["tokens"], row["text"]


def test_results_come_before_the_browse_lists_on_a_narrow_screen(browser, server):
    from conftest import set_width
    set_width(browser, 320)
    open_listing(browser, server)
    box = browser.find_element(By.CSS_SELECTOR, 'input[name="q"]').rect
    results = browser.find_element(By.CSS_SELECTOR, "[data-results]").rect
    browse = browser.find_element(By.CSS_SELECTOR, "nav.browse").rect
    assert box["y"] < results["y"] < browse["y"]


def test_a_long_list_shows_fifty_then_more(browser):
    """A generated directory of 130 services: the first 50 results, then "Show more" adds the next 50."""
    import sys
    import tempfile
    sys.path.insert(0, str(ROOT / "Benchmarks"))
    import directory_build
    from conftest import SiteServer, build_site
    with tempfile.TemporaryDirectory(prefix="signpost-more-") as work:
        content = pathlib.Path(work) / "content"
        directory_build.make_site(content, 130, seed=3)
        site = build_site(content, pathlib.Path(work) / "site", ROOT / "Themes/default")
        server = SiteServer(site)
        try:
            open_listing(browser, server, "?q=care")
            listed = lambda: browser.find_elements(By.CSS_SELECTOR, "[data-results] > li")
            found = int(re.match(r"(\d+)", browser.find_element(By.CSS_SELECTOR, "[data-count]").text).group(1))
            assert found > 100
            assert len(listed()) == 50
            more = browser.find_element(By.CSS_SELECTOR, "[data-show-more]")
            assert more.is_displayed()
            more.click()
            assert len(listed()) == 100
            # Focus goes on to the first new result, for keyboard and screen-reader users.
            assert browser.switch_to.active_element == listed()[50].find_element(By.CSS_SELECTOR, "a")
            more.click()
            assert len(listed()) == found and not more.is_displayed()
        finally:
            server.close()
