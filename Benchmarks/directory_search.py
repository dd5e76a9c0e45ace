#!/usr/bin/env python3
"""Service directory at scale: build directories of 100, 1,000 and 10,000 generated services and report how long the
build and the search index take, how big the index is (raw and gzipped), and how long a search takes in headless
Chromium. Then run Pagefind over the same pages and report its figures beside them.

    make bench        # or: .venv-bench/bin/python Benchmarks/directory_search.py [--sizes 100 1000 10000]
"""
import argparse
import gzip
import pathlib
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "Tests/Browser"))
from conftest import SiteServer, make_driver  # noqa: E402

QUERIES = ["sitting", "emergancy", "shared lives", "holid", "rutland", "respite", "autism", "overnight care",
           "day out", "xqzv"]


def make_site(folder, count):
    """A minimal site whose services are the sample ones, repeated with new ids and names."""
    (folder / "services").mkdir(parents=True)
    shutil.copytree(ROOT / "Content/pictures", folder / "pictures")
    (folder / "site.yml").write_text("title: Bench\nurl: https://example.org\nnavigation:\n  - page: services/\n", encoding="utf-8")
    (folder / "index.md").write_text("---\ntitle: Bench\nsummary: A benchmark site.\n---\nWords.\n", encoding="utf-8")
    samples = sorted((ROOT / "Content/services").glob("*.md"))
    towns = ["Leicester", "Leicestershire", "Rutland", "Loughborough", "Hinckley", "Melton", "Oakham", "Wigston"]
    for i in range(count):
        text = samples[i % len(samples)].read_text(encoding="utf-8")
        sid = re.search(r"^id: (.*)$", text, re.M).group(1)
        text = re.sub(r"^id: .*$", f"id: {sid}-{i}", text, count=1, flags=re.M)
        text = re.sub(r'^name: "(.*)"$', lambda m: f'name: "{m.group(1)} {i}"', text, count=1, flags=re.M)
        text = re.sub(r"^areas: \[(.*)\]$", lambda m: f"areas: [{m.group(1)}, {towns[i % len(towns)]}]", text, count=1, flags=re.M)
        text = re.sub(r"^status: .*\n", "", text, flags=re.M)
        (folder / "services" / f"{sid}-{i}.md").write_text(text, encoding="utf-8")


SIGNPOST_QUERY = """
const q = arguments[0], rounds = arguments[1], times = [];
let hits = 0;
for (let r = 0; r < rounds; r++) {
  const t = performance.now();
  hits = SignpostSearch.run(window.SIGNPOST_SEARCH, q, {}, true).length;
  times.push(performance.now() - t);
}
times.sort((a, b) => a - b);
return [times[Math.floor(times.length / 2)], hits];
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
    await Promise.all(search.results.slice(0, 10).map(result => result.data()));
    times.push(performance.now() - t);
    hits = search.results.length;
  }
  times.sort((a, b) => a - b);
  done([times[Math.floor(times.length / 2)], hits]);
})().catch(e => done([-1, String(e)]));
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


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 10000])
    parser.add_argument("--signpost", default=str(ROOT / ".build/release/signpost"))
    parser.add_argument("--pagefind", default=find_pagefind())
    args = parser.parse_args()
    rows = []
    for size in args.sizes:
        work = pathlib.Path(tempfile.mkdtemp(prefix=f"signpost-dir-{size}-"))
        try:
            make_site(work / "Content", size)
            start = time.perf_counter()
            result = subprocess.run([args.signpost, "build", "--content", str(work / "Content"), "--theme",
                                     str(ROOT / "Themes/default"), "--output", str(work / "Output")],
                                    capture_output=True, text=True)
            build = time.perf_counter() - start
            if result.returncode != 0:
                raise SystemExit(result.stdout[-3000:] + result.stderr[-3000:])
            index_ms = re.search(r"search index (\d+) ms", result.stdout)
            index = (work / "Output/services/search-index.js").read_bytes()
            row = {"size": size, "build": build, "index_ms": int(index_ms.group(1)) if index_ms else None,
                   "raw": len(index), "gzip": len(gzip.compress(index, 9))}
            pagefind_ok = pathlib.Path(args.pagefind).exists()
            if pagefind_ok:
                start = time.perf_counter()
                subprocess.run([args.pagefind, "--site", str(work / "Output"), "--glob", "services/*/index.html",
                                "--quiet"], check=True, capture_output=True)
                row["pf_build"] = time.perf_counter() - start
                row["pf_raw"], row["pf_files"] = folder_size(work / "Output/pagefind")
            server = SiteServer(work / "Output")
            driver = make_driver()
            try:
                driver.get(server.base + "/services/")
                row["prepare_ms"] = driver.execute_script(
                    "const i = window.SIGNPOST_SEARCH; delete i._vocabulary; const t = performance.now();"
                    " SignpostSearch.prepare(i); return performance.now() - t;")
                ours = [driver.execute_script(SIGNPOST_QUERY, q, 15) for q in QUERIES]
                row["query_ms"] = statistics.median(t for t, _ in ours)
                row["query_max_ms"] = max(t for t, _ in ours)
                if pagefind_ok:
                    driver.get(server.base + "/index.html")
                    theirs = [driver.execute_async_script(PAGEFIND_QUERY, q, 5) for q in QUERIES]
                    row["pf_query_ms"] = statistics.median(t for t, _ in theirs)
                    row["pf_bytes"] = driver.execute_script(
                        "return performance.getEntriesByType('resource').filter(e => e.name.includes('/pagefind/'))"
                        ".reduce((s, e) => s + (e.transferSize || e.encodedBodySize || 0), 0)")
                    row["hits"] = {q: (o[1], t[1]) for q, o, t in zip(QUERIES, ours, theirs)}
            finally:
                driver.quit()
                server.close()
            rows.append(row)
        finally:
            shutil.rmtree(work, ignore_errors=True)

    print("\nSignpost (search index loaded once as a script; search runs in memory)")
    print(f"{'services':>9} {'build s':>8} {'index ms':>9} {'index KB':>9} {'gzip KB':>8} {'prepare ms':>11} {'query ms':>9} {'slowest':>8}")
    for r in rows:
        print(f"{r['size']:>9} {r['build']:>8.2f} {str(r['index_ms']):>9} {r['raw'] / 1024:>9.0f} {r['gzip'] / 1024:>8.0f} "
              f"{r['prepare_ms']:>11.1f} {r['query_ms']:>9.2f} {r['query_max_ms']:>8.2f}")
    if any("pf_build" in r for r in rows):
        print("\nPagefind 1.5 over the same service pages (index in many small files, fetched per search)")
        print(f"{'services':>9} {'index s':>8} {'files':>7} {'total KB':>9} {'KB fetched':>11} {'query ms':>9}")
        for r in rows:
            if "pf_build" in r:
                print(f"{r['size']:>9} {r['pf_build']:>8.2f} {r['pf_files']:>7} {r['pf_raw'] / 1024:>9.0f} "
                      f"{r['pf_bytes'] / 1024:>11.0f} {r['pf_query_ms']:>9.2f}")
        last = rows[-1].get("hits", {})
        print("\nResults per query at the largest size (Signpost, Pagefind):")
        for q, (ours, theirs) in last.items():
            print(f"  {q!r:>18}: {ours:>6} {theirs:>6}")


if __name__ == "__main__":
    main()
