#!/usr/bin/env python3
"""Service directory search at scale: build directories of 1,000, 10,000 and 100,000 generated services, and report
for Signpost's index in shards and for Pagefind over the same service pages, side by side: how long the index takes to
build, its size (raw and gzipped), the bytes a first search fetches (a page with nothing cached, one query, the cards
or fragments of the first 50 results) and a later query in the same page fetches, and how long a search takes in
headless Chromium. Prints a Markdown table; asserts nothing. 100,000 services take a few minutes and about 2 GB.

    make bench        # or: .venv-bench/bin/python Benchmarks/directory_search.py [--sizes 1000 10000 100000]
"""
import argparse
import datetime
import gzip
import pathlib
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "Tests/Browser"))
from conftest import QuietHandler, SiteServer, make_driver  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

QUERIES = ["sitting", "emergancy", "shared lives", "holid", "rutland", "respite", "autism", "overnight care",
           "day out", "xqzv"]


def make_site(folder, count):
    """Services made from templates with varied names, areas, needs and descriptions (as Benchmarks/directory_build.py
    makes them), so the index is not one handful of services repeated."""
    sys.path.insert(0, str(ROOT / "Benchmarks"))
    import directory_build
    directory_build.make_site(folder, count, seed=3)


class LoggingHandler(QuietHandler):
    """Notes every file sent in full (not a 304), so the bytes a search fetches are counted wherever it fetches them
    from, a Web Worker included (Pagefind searches in one, where the page's performance entries do not see)."""
    sent = []

    def log_request(self, code="-", size="-"):
        if str(code) == "200":
            LoggingHandler.sent.append(urllib.parse.unquote(self.path.split("?")[0]))


class LoggingServer(SiteServer):
    def __init__(self, folder):
        super().__init__(folder, handler_class=LoggingHandler)

    def take(self, prefix):
        """The paths sent since last asked, under `prefix`."""
        sent, LoggingHandler.sent[:] = list(LoggingHandler.sent), []
        return [path for path in sent if path.startswith(prefix)]


# One search as the listing page does it: the services that match, then the cards of the first 50. The first round
# loads the files it needs; the later rounds find them loaded.
SIGNPOST_QUERY = """
const [q, rounds, done] = [arguments[0], arguments[1], arguments[arguments.length - 1]];
(async () => {
  const site = SignpostSearch.site, times = [];
  let hits = 0, first = 0;
  for (let r = 0; r < rounds; r++) {
    const t = performance.now();
    const numbers = await site.find(q, {});
    await site.cards(numbers.slice(0, 50));
    times.push(performance.now() - t);
    hits = numbers.length;
  }
  first = times[0];
  times.sort((a, b) => a - b);
  done([times[Math.floor(times.length / 2)], hits, first]);
})().catch(e => done([-1, String(e), -1]));
"""

PAGEFIND_QUERY = """
const done = arguments[arguments.length - 1];
(async () => {
  const pagefind = window.__pf || (window.__pf = await import('/pagefind/pagefind.js'));
  await pagefind.init();
  const times = [];
  let hits = 0;
  for (let r = 0; r < arguments[1]; r++) {
    const t = performance.now();
    const search = await pagefind.search(arguments[0]);
    await Promise.all(search.results.slice(0, 50).map(result => result.data()));
    times.push(performance.now() - t);
    hits = search.results.length;
  }
  const first = times[0];
  times.sort((a, b) => a - b);
  done([times[Math.floor(times.length / 2)], hits, first]);
})().catch(e => done([-1, String(e), -1]));
"""

def find_pagefind():
    """The binary that the `pagefind-bin` package carries, or one on the PATH."""
    try:
        import pagefind_bin
        binary = pathlib.Path(pagefind_bin.__file__).parent / "pagefind"
        if binary.exists():
            return str(binary)
    except ImportError:
        pass
    return shutil.which("pagefind") or "pagefind"


def folder_size(path):
    files = [p for p in path.rglob("*") if p.is_file()]
    return sum(p.stat().st_size for p in files), len(files)


def gzipped(data):
    """What a server sends with gzip (level 6, as nginx and Apache do by default); files already compressed, as
    Pagefind's index is, are sent as they are."""
    return min(len(data), len(gzip.compress(data, 6)))


class Fetched:
    """Bytes of the files a browser fetched from the site, raw and gzipped, read from the output folder."""

    def __init__(self, output):
        self.output, self.cache = output, {}

    def sizes(self, paths):
        raw = gz = 0
        for path in paths:
            path = path.lstrip("/")
            if path not in self.cache:
                data = (self.output / path).read_bytes()
                self.cache[path] = (len(data), gzipped(data))
            raw += self.cache[path][0]
            gz += self.cache[path][1]
        return raw, gz


def first_search(driver, server, load, prefix):
    """A search on a page whose files are not in the browser's cache: the paths of the index's files it fetched."""
    driver.execute_cdp_cmd("Network.clearBrowserCache", {})
    server.take(prefix)
    load()
    return server.take(prefix)


def later_searches(driver, server, script, prefix):
    """Each query after another in one page: the paths each one fetched that the ones before had not, and its time
    (median of 5 rounds, and its first round, which loads)."""
    server.take(prefix)
    rows = []
    for q in QUERIES:
        result = driver.execute_async_script(script, q, 5)
        rows.append({"query": q, "ms": result[0], "hits": result[1], "first_ms": result[2], "new": server.take(prefix)})
    return rows


def median(values):
    return statistics.median(values) if values else 0


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    parser.add_argument("--signpost", default=str(ROOT / ".build/release/signpost"))
    parser.add_argument("--pagefind", default=find_pagefind())
    parser.add_argument("--no-pagefind", action="store_true", help="Signpost only")
    parser.add_argument("--bench-page", action="store_true",
                        help="search from a bare page with the index and signpost.js, not the listing (whose "
                             "100,000 cards Chromium does not load in two minutes); no next-50 prefetch")
    parser.add_argument("--work", default="/dev/shm", help="where the generated sites are built (and deleted)")
    args = parser.parse_args()
    rows = []
    for size in args.sizes:
        work = pathlib.Path(tempfile.mkdtemp(prefix=f"signpost-dir-{size}-", dir=args.work))
        try:
            rows.append(measure(args, size, work))
            print(rows[-1], flush=True)
        finally:
            shutil.rmtree(work, ignore_errors=True)
    report(rows)


def measure(args, size, work):
    make_site(work / "Content", size)
    output = work / "Output"
    start = time.perf_counter()
    result = subprocess.run([args.signpost, "build", "--content", str(work / "Content"), "--theme",
                             str(ROOT / "Themes/default"), "--output", str(output)], capture_output=True, text=True)
    build = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(result.stdout[-3000:] + result.stderr[-3000:])
    index_ms = re.search(r"search index (\d+) ms", result.stdout)
    files = [output / "services/search-index.js"] + sorted((output / "services/search").glob("*.js"))
    row = {"size": size, "build": build, "index_ms": int(index_ms.group(1)) if index_ms else None,
           "raw": sum(f.stat().st_size for f in files), "gzip": sum(gzipped(f.read_bytes()) for f in files),
           "files": len(files)}
    pagefind_ok = pathlib.Path(args.pagefind).exists() and not args.no_pagefind
    row["page"] = "bare page" if args.bench_page else "listing"
    (output / "services/search-bench.html").write_text(
        '<!doctype html><html lang="en"><title>Search</title><script src="search-index.js"></script>'
        '<script src="../assets/signpost.js"></script></html>', encoding="utf-8")
    listing = "/services/search-bench.html" if args.bench_page else "/services/"
    if pagefind_ok:
        start = time.perf_counter()
        subprocess.run([args.pagefind, "--site", str(output), "--glob", "services/*/index.html", "--quiet"],
                       check=True, capture_output=True)
        row["pf_build"] = time.perf_counter() - start
        row["pf_raw"], row["pf_files"] = folder_size(output / "pagefind")
        row["pf_gzip"] = sum(gzipped(p.read_bytes()) for p in (output / "pagefind").rglob("*") if p.is_file())
    server = LoggingServer(output)
    driver = make_driver()
    driver.set_script_timeout(300)
    fetched = Fetched(output)
    ours, theirs = "/services/search", "/pagefind/"
    try:
        def open_signpost(q):
            driver.get(server.base + listing + "?q=" + urllib.parse.quote(q))
            WebDriverWait(driver, 120).until(lambda d: d.execute_script(
                "return !!window.SignpostSearch && !document.querySelector('[data-results][aria-busy]')"))
            if args.bench_page:
                driver.execute_async_script(SIGNPOST_QUERY, q, 1)
        firsts = [fetched.sizes(first_search(driver, server, lambda: open_signpost(q), ours)) for q in QUERIES]
        row["first"] = (median([f[0] for f in firsts]), median([f[1] for f in firsts]))
        row["first_max"] = (max(f[0] for f in firsts), max(f[1] for f in firsts))
        driver.execute_cdp_cmd("Network.clearBrowserCache", {})
        driver.get(server.base + listing)
        later = later_searches(driver, server, SIGNPOST_QUERY, ours)
        sizes = [fetched.sizes(r["new"]) for r in later[1:]]
        row["typical"] = (median([s[0] for s in sizes]), median([s[1] for s in sizes]))
        row["query_ms"] = median([r["ms"] for r in later])
        row["query_first_ms"] = median([r["first_ms"] for r in later])
        if pagefind_ok:
            try:
                def open_pagefind(q):
                    driver.get(server.base + "/index.html")
                    driver.execute_async_script(PAGEFIND_QUERY, q, 1)
                pf_firsts = [fetched.sizes(first_search(driver, server, lambda: open_pagefind(q), theirs)) for q in QUERIES]
                row["pf_first"] = (median([f[0] for f in pf_firsts]), median([f[1] for f in pf_firsts]))
                row["pf_first_max"] = (max(f[0] for f in pf_firsts), max(f[1] for f in pf_firsts))
                driver.execute_cdp_cmd("Network.clearBrowserCache", {})
                driver.get(server.base + "/index.html")
                pf_later = later_searches(driver, server, PAGEFIND_QUERY, theirs)
                pf_sizes = [fetched.sizes(r["new"]) for r in pf_later[1:]]
                row["pf_typical"] = (median([s[0] for s in pf_sizes]), median([s[1] for s in pf_sizes]))
                row["pf_query_ms"] = median([r["ms"] for r in pf_later])
                row["pf_query_first_ms"] = median([r["first_ms"] for r in pf_later])
                row["hits"] = {r["query"]: (o["hits"], r["hits"]) for r, o in zip(pf_later, later)}
            except Exception as error:  # noqa: BLE001 - a search that never answers is itself a result
                # At 100,000 services Pagefind's first search in headless Chromium did not answer within the
                # driver's 120 s; say so in the table rather than lose the figures already taken.
                row["pf_failed"] = type(error).__name__
    finally:
        driver.quit()
        server.close()
    return row


def kb(value):
    return f"{value / 1024:,.0f}"


def report(rows):
    print(f"\nDirectory search, {datetime.date.today().isoformat()}: Signpost (index in shards) and Pagefind 1.5 over "
          "the same service pages. Sizes in KB; gzip at level 6. First search: a page whose files are not cached, "
          "one query, cards of the first 50 results (median over the queries, and the largest). Later query: what "
          "a query after the others in the same page fetches (median). Query ms: median over the queries of the "
          "median of 5 rounds (files already loaded); first round: the same with loading.\n")
    print("| services | | index build s | index KB (gzip) | files | first search KB (gzip) | largest first search KB (gzip) "
          "| later query KB (gzip) | query ms | first round ms |")
    print("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for r in rows:
        print(f"| {r['size']:,} | Signpost ({r['page']}) | {r['index_ms'] / 1000:.2f} | {kb(r['raw'])} ({kb(r['gzip'])}) | {r['files']:,} "
              f"| {kb(r['first'][0])} ({kb(r['first'][1])}) | {kb(r['first_max'][0])} ({kb(r['first_max'][1])}) "
              f"| {kb(r['typical'][0])} ({kb(r['typical'][1])}) | {r['query_ms']:.1f} | {r['query_first_ms']:.1f} |")
        if "pf_failed" in r:
            print(f"| | Pagefind | {r['pf_build']:.2f} | {kb(r['pf_raw'])} ({kb(r['pf_gzip'])}) | {r['pf_files']:,} "
                  f"| no answer ({r['pf_failed']}) | | | | |")
        elif "pf_build" in r:
            print(f"| | Pagefind | {r['pf_build']:.2f} | {kb(r['pf_raw'])} ({kb(r['pf_gzip'])}) | {r['pf_files']:,} "
                  f"| {kb(r['pf_first'][0])} ({kb(r['pf_first'][1])}) | {kb(r['pf_first_max'][0])} ({kb(r['pf_first_max'][1])}) "
                  f"| {kb(r['pf_typical'][0])} ({kb(r['pf_typical'][1])}) | {r['pf_query_ms']:.1f} | {r['pf_query_first_ms']:.1f} |")
    last = rows[-1].get("hits", {})
    if last:
        print(f"\nResults per query at {rows[-1]['size']:,} services (Signpost, Pagefind):")
        for q, (ours, theirs) in last.items():
            print(f"  {q!r:>18}: {ours:>7} {theirs:>7}")


if __name__ == "__main__":
    main()
