"""The search index in shards (issue #12), in a real browser, on a generated directory of 500 services: a search loads
the root and only the files it needs, and finds exactly what the whole index in memory finds, in the same order."""
import pathlib
import re
import sys
import tempfile

import pytest

from conftest import ROOT, SiteServer, build_site
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from test_directory import make_driver_without_javascript, open_listing, result_ids, search, wait_for_search

SERVICES = 500

# Words, prefixes, typos after the first letter, synonyms, phrases, a word in no service, and filters.
QUERIES = [
    ("respite", None), ("shared lives", None), ("sharred lives", None), ("emergancy", None), ("holid", None),
    ("autism", None), ("overnight care", None), ("day out", None), ("kids", None), ("sitting", None),
    ("halal punjabi", None), ("leicester", None), ("rutland", None), ("crisis", None), ("hoist", None),
    ("maple", None), ("wigston lodge", None), ("c", None), ("zzqx", None), ("children weekend", None),
    ("", {"type": ["holiday"]}), ("care", {"area": ["Rutland"]}), ("", {"type": ["home-based", "community"], "area": ["Leicester"]}),
    ("", None),
]


@pytest.fixture(scope="module")
def generated():
    sys.path.insert(0, str(ROOT / "Benchmarks"))
    import directory_build
    with tempfile.TemporaryDirectory(prefix="signpost-shards-") as work:
        content = pathlib.Path(work) / "content"
        directory_build.make_site(content, SERVICES, seed=7)
        site = build_site(content, pathlib.Path(work) / "site", ROOT / "Themes/default")
        server = SiteServer(site)
        try:
            yield site, server
        finally:
            server.close()


def loaded_files(browser):
    """The names of the files of the index the page has loaded, from the browser's own record of what it fetched."""
    return browser.execute_script(
        "return performance.getEntriesByType('resource').map(e => e.name)"
        ".filter(n => n.includes('/services/search/')).map(n => n.split('/').pop().replace(/\\.js$/, ''))")


def test_a_search_loads_the_root_and_only_the_shards_it_needs(browser, generated):
    site, server = generated
    shards = list((site / "services/search").glob("terms-*.js"))
    assert len(shards) > 3, "500 services make an index of several shards"
    open_listing(browser, server, "?q=autism")
    assert result_ids(browser), "the search found services"
    needed = browser.execute_script("""
        const site = SignpostSearch.site, names = new Set();
        SignpostSearch.queryWords(SignpostSearch.expand('autism', site.root.synonyms)).forEach(w =>
          site.shardsFor(w.word, w.prefix && w.word.length >= 2).forEach(k => names.add(site.root.shards[k][1])));
        return Array.from(names).sort();""")
    files = loaded_files(browser)
    terms = sorted(name for name in files if name.startswith("terms-"))
    assert terms == needed, "the shards loaded are those of the query's words and no others"
    assert len(terms) < len(shards)
    assert not [name for name in files if name.startswith(("typos-", "type-", "area-"))], \
        "no near-miss words or filters are loaded for a word that matches and no filter"
    cards = [name for name in files if name.startswith("cards-")]
    assert 0 < len(cards) <= 100, "cards are loaded for the results shown and the next page only"

    # A typo: the words starting with its first letter are loaded, once, and nothing for other letters.
    open_listing(browser, server, "?q=emergancy")
    typos = [name for name in loaded_files(browser) if name.startswith("typos-")]
    letter = browser.execute_script("return SignpostSearch.site.root.typos.find(t => t[0] === 'e')[1]")
    assert typos == [letter]
    assert result_ids(browser), "emergancy finds the emergency services"

    # A filter loads its own list of services, not the others.
    open_listing(browser, server, "?type=holiday")
    facets = [name for name in loaded_files(browser) if name.startswith(("type-", "area-"))]
    holiday = browser.execute_script("return SignpostSearch.site.root.facets.type.find(t => t[0] === 'holiday')[1]")
    assert facets == [holiday]


def test_the_shards_find_what_the_whole_index_finds(browser, generated):
    site, server = generated
    open_listing(browser, server)
    # The whole index in memory, made from every shard and every card (each word of each field of each service),
    # searched by the code that searched the single-file index before.
    compared = browser.execute_async_script("""
        const [queries, done] = [arguments[0], arguments[arguments.length - 1]];
        (async () => {
          const site = SignpostSearch.site, root = site.root;
          const whole = new SignpostSearch.Shards(root, site.base);
          await whole.loadShards(root.shards.map((_, k) => k));
          const cards = await whole.cards(Array.from({length: root.count}, (_, s) => s));
          const services = cards.map(c => ({id: c.id, name: c.name, types: c.types, areas: c.areas,
                                             words: root.weights.map(() => [])}));
          whole.loaded.forEach(shard => Object.keys(shard).forEach(term => {
            const entries = whole.postings(term).entries;
            for (let p = 0; p < entries.length; p += 3) services[entries[p]].words[entries[p + 1]].push(term);
          }));
          const index = {weights: root.weights, synonyms: root.synonyms, services: services};
          const rows = [];
          for (const [query, filters] of queries) {
            const fresh = new SignpostSearch.Shards(root, site.base);
            const sharded = (await fresh.search(query, filters || {})).map(c => c.id);
            rows.push([query, filters, SignpostSearch.run(index, query, filters || {}).map(s => s.id), sharded]);
          }
          done(rows);
        })().catch(e => done(String(e)));""", QUERIES)
    assert isinstance(compared, list), compared
    found_something = 0
    for query, filters, whole, sharded in compared:
        assert sharded == whole, f"{query!r} {filters}: the shards rank {sharded[:10]}…, the whole index {whole[:10]}…"
        found_something += bool(whole)
    assert found_something >= len(QUERIES) - 3, "most queries in the table find services"


def test_a_large_listing_loads_its_first_cards_and_shows_more_from_the_shards(browser, generated):
    """Over 200 services the page holds only the first 50 cards (ListingPage.swift); with JavaScript the empty search
    shows the same 50, in the same order, and "Show more" loads the rest from the shards."""
    site, server = generated
    html = (site / "services/index.html").read_text(encoding="utf-8")
    assert html.count('<li class="service-card">') == 50
    open_listing(browser, server)
    listed = lambda: browser.find_elements(By.CSS_SELECTOR, "[data-results] > li")
    everything = search(browser, "")
    assert len(everything) > 200
    assert result_ids(browser) == everything[:50], "the page starts with the first 50 services, as the empty search"
    assert not browser.find_element(By.CSS_SELECTOR, "[data-partial-note]").is_displayed(), \
        "with search working, Show more takes the place of the line about browsing"
    more = browser.find_element(By.CSS_SELECTOR, "[data-show-more]")
    assert more.is_displayed()
    more.click()
    WebDriverWait(browser, 10).until(lambda d: len(listed()) == 100)
    assert result_ids(browser) == everything[:100]
    # Search still replaces the list.
    expected = search(browser, "emergency")[:50]
    assert expected and expected != everything[:50]
    browser.find_element(By.CSS_SELECTOR, 'input[name="q"]').send_keys("emergency")
    WebDriverWait(browser, 10).until(lambda d: "found" in d.find_element(By.CSS_SELECTOR, "[data-count]").text)
    WebDriverWait(browser, 10).until(lambda d: result_ids(d) == expected)


def test_without_javascript_a_large_listing_sends_people_to_the_browse_pages(generated):
    site, server = generated
    driver = make_driver_without_javascript()
    try:
        driver.get(server.base + "/services/")
        assert len(driver.find_elements(By.CSS_SELECTOR, "[data-results] > li")) == 50
        note = driver.find_element(By.CSS_SELECTOR, "[data-partial-note]")
        assert note.is_displayed() and "first 50 of" in note.text
        note.find_element(By.TAG_NAME, "a").click()
        assert driver.current_url.endswith("#browse-heading")
        # Every listed service is on the browse page of each of its kinds of break: together they hold them all.
        browse = [a.get_attribute("href") for a in driver.find_elements(By.CSS_SELECTOR, ".browse a")]
        assert any("/services/type/" in href for href in browse) and any("/services/area/" in href for href in browse)
        seen = set()
        for href in [h for h in browse if "/services/type/" in h]:
            driver.get(href)
            seen |= {a.get_attribute("href") for a in driver.find_elements(By.CSS_SELECTOR, ".service-card h3 a")}
        listed = (site / "services/search-index.js").read_text(encoding="utf-8")
        count = int(re.search(r'"count":\s*(\d+)', listed).group(1))
        assert len(seen) == count, "the browse pages by kind of break hold every listed service"
    finally:
        driver.quit()
