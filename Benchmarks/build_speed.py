#!/usr/bin/env python3
"""Build speed: Signpost (checks included) against Hugo, on the same generated Markdown, measured as issue #10 asks.

For each size it writes its own content on a tmpfs (/dev/shm): N/2 standard pages about short breaks (about 4 KB of
Markdown each: headings, paragraphs, lists, links between pages), each with an easy-read twin (a picture at the start
of every point), the home page and its twin, a few SVG pictograms, site.yml and glossary.yml. Hugo builds the same
Markdown with a base template and header, navigation and footer partials that write what Signpost's theme writes
(title, description, skip link, navigation of 8 pages, h1, summary, content, footer with contact).

Three scenarios, each timed in alternating runs (Signpost, Hugo, Signpost, Hugo, …) on the same content:

- cold: no output folder. Signpost's output folder and its `.<name>.previous` / `.<name>.staging-*` siblings are
  deleted before each run (and `--no-cache` is passed if `signpost build --help` lists it); Hugo's destination is
  deleted and `--cleanDestinationDir --ignoreCache` is passed.
- warm: nothing changed since the last build. Two untimed builds first (Signpost keeps the site before last as its
  next staging folder, so the second build is the first that can reuse it), then timed builds into the same output.
  Hugo keeps no cache between runs: its "warm" build is its normal build into an existing destination.
- changed: a new sentence is appended to one standard page before each timed build, into the same output.

For each it prints the median, fastest and slowest time, the peak memory (max RSS of the child, from os.wait4), the
Signpost/Hugo ratios, and the median of each of Signpost's steps (its `[i/n] Step … (N ms)` lines). At the end, a
Markdown table to paste into the README. `--scaling` instead times cold builds from 1,000 to 100,000 pages to show
whether time and memory grow linearly. Nothing here asserts a time: it prints figures.

    python3 Benchmarks/build_speed.py                      # 2,000 and 20,000 pages, 5 runs each
    python3 Benchmarks/build_speed.py --quick              # 2,000 pages, 3 runs: a smoke check
    python3 Benchmarks/build_speed.py --pages 5000 --runs 7
    python3 Benchmarks/build_speed.py --scaling --max-pages 50000 [--scaling-hugo]
"""
import argparse
import pathlib
import shutil
import sys
import time

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from benchlib import (ROOT, clear_output, median_steps, run, signpost_cold_flags, steps, summary, thousands,  # noqa: E402
                      work_folder)
import sitegen  # noqa: E402

SCENARIOS = ["cold", "warm", "changed"]
SCALING_SIZES = [1000, 2000, 10000, 20000, 50000, 100000]
# Markdown, Hugo's copy, Signpost's output and the one it keeps beside it, Hugo's output: about 40 KB a page.
BYTES_PER_PAGE = 40_000


class Signpost:
    name = "signpost"

    def __init__(self, binary, content, theme, work):
        self.binary, self.content, self.theme = binary, content, theme
        self.output = work / "signpost-out" / "site"
        self.cold_flags = signpost_cold_flags(binary)

    def command(self, scenario):
        return [self.binary, "build", "--content", self.content, "--theme", self.theme, "--output", self.output] + (
            self.cold_flags if scenario == "cold" else [])

    def prepare(self, scenario):
        if scenario == "cold":
            clear_output(self.output)
        self.output.parent.mkdir(parents=True, exist_ok=True)

    def changed_page(self, name):
        return self.content / "pages" / f"{name}.md"


class Hugo:
    name = "hugo"

    def __init__(self, source, work):
        self.source = source
        self.output = work / "hugo-out" / "public"

    def command(self, scenario):
        base = ["hugo", "--quiet", "--source", self.source, "--destination", self.output]
        return base + (["--cleanDestinationDir", "--ignoreCache"] if scenario == "cold" else [])

    def prepare(self, scenario):
        if scenario == "cold":
            shutil.rmtree(self.output, ignore_errors=True)

    def changed_page(self, name):
        return self.source / "content" / "pages" / f"{name}.md"


def measure(tools, scenario, runs, changed_name, log):
    """Alternating timed runs of every tool. Returns {tool name: [(seconds, MB, steps), …]}."""
    results = {t.name: [] for t in tools}
    if scenario != "cold":
        for tool in tools:  # untimed: the output exists and, for Signpost, so does the folder it keeps beside it
            for _ in range(2):
                tool.prepare(scenario)
                run(tool.command(scenario), log)
    for k in range(runs):
        for tool in tools:
            tool.prepare(scenario)
            if scenario == "changed":
                with open(tool.changed_page(changed_name), "a", encoding="utf-8") as page:
                    page.write(f"\nThis sentence was added before timed build {k + 1}, so that one page has changed.\n")
            seconds, mb, output = run(tool.command(scenario), log)
            results[tool.name].append((seconds, mb, steps(output) if tool.name == "signpost" else {}))
        print(f"    {scenario} run {k + 1}/{runs}: " + ", ".join(
            f"{name} {r[-1][0]:.2f} s {r[-1][1]:.0f} MB" for name, r in results.items()), flush=True)
    return results


def describe(results):
    """{tool: {'time': (median, fastest, slowest), 'mb': (median, min, max), 'steps': {…}}}"""
    return {name: {"time": summary([r[0] for r in rs]), "mb": summary([r[1] for r in rs]),
                   "steps": median_steps([r[2] for r in rs])} for name, rs in results.items()}


def print_scenario(scenario, figures, warm=None):
    print(f"  {scenario}:")
    for name, f in figures.items():
        t, m = f["time"], f["mb"]
        extra = ""
        if warm and name in warm:
            extra = f"   {(t[0] - warm[name]['time'][0]) * 1000:+.0f} ms over warm"
        print(f"    {name:<9} median {t[0]:7.3f} s   fastest {t[1]:7.3f} s   slowest {t[2]:7.3f} s   "
              f"peak memory {m[0]:7.1f} MB (max {m[2]:.1f}){extra}")
    if "hugo" in figures:
        s, h = figures["signpost"], figures["hugo"]
        print(f"    Signpost / Hugo: time {s['time'][0] / h['time'][0]:.2f}×   memory {s['mb'][0] / h['mb'][0]:.2f}×")
    step_line = "   ".join(f"{n} {ms:.0f}" for n, ms in figures["signpost"]["steps"].items())
    print(f"    Signpost's steps (median ms): {step_line}")


def bench_size(args, pages, hugo_available):
    standard = pages // 2
    work = work_folder(f"signpost-bench-{pages}-", (2 * standard + 2) * BYTES_PER_PAGE, args.workdir)
    try:
        started = time.perf_counter()
        count, size, page_list = sitegen.make_content(work / "Content", standard, seed=args.seed)
        tools = [Signpost(pathlib.Path(args.signpost).resolve(), work / "Content", pathlib.Path(args.theme).resolve(),
                          work)]
        if hugo_available:
            sitegen.make_hugo_site(work / "hugo", work / "Content", page_list)
            tools.append(Hugo(work / "hugo", work))
        print(f"\n{thousands(count)} pages ({thousands(standard)} standard pages, each with an easy-read twin, and the "
              f"home pair), {size / 2**20:.1f} MB of Markdown in {work}, written in "
              f"{time.perf_counter() - started:.1f} s; {args.runs} alternating runs per scenario", flush=True)
        if tools[0].cold_flags:
            print(f"  cold Signpost builds pass {' '.join(tools[0].cold_flags)}")
        figures = {}
        with open(work / "build.log", "w", encoding="utf-8") as log:
            for scenario in SCENARIOS:
                figures[scenario] = describe(measure(tools, scenario, args.runs, page_list[0].name, log))
        outputs = {t.name: sum(1 for p in t.output.rglob("*") if p.is_file()) for t in tools}
        print(f"  files written: " + ", ".join(f"{n} {thousands(c)}" for n, c in outputs.items()))
        for scenario in SCENARIOS:
            print_scenario(scenario, figures[scenario], figures["warm"] if scenario == "changed" else None)
        return count, figures
    finally:
        shutil.rmtree(work, ignore_errors=True)


def markdown_tables(rows):
    print("\n| pages | build | Signpost median (fastest–slowest) | Hugo median (fastest–slowest) | Signpost / Hugo "
          "| Signpost peak memory | Hugo peak memory | memory ratio |")
    print("|---|---|---|---|---|---|---|---|")
    for count, figures in rows:
        for scenario in SCENARIOS:
            s, h = figures[scenario]["signpost"], figures[scenario].get("hugo")
            label = {"cold": "cold", "warm": "warm (nothing changed)", "changed": "one page changed"}[scenario]
            if scenario == "changed":
                label += f" ({(s['time'][0] - figures['warm']['signpost']['time'][0]) * 1000:+.0f} ms over warm)"
            hugo = f"{h['time'][0]:.2f} s ({h['time'][1]:.2f}–{h['time'][2]:.2f})" if h else "–"
            ratio = f"{s['time'][0] / h['time'][0]:.2f}×" if h else "–"
            print(f"| {thousands(count)} | {label} | {s['time'][0]:.2f} s ({s['time'][1]:.2f}–{s['time'][2]:.2f}) "
                  f"| {hugo} | {ratio} | {s['mb'][0]:.0f} MB | {h['mb'][0]:.0f} MB | {s['mb'][0] / h['mb'][0]:.2f}× |"
                  if h else f"| {thousands(count)} | {label} | {s['time'][0]:.2f} s | – | – | {s['mb'][0]:.0f} MB | – | – |")
    names = []
    for _, figures in rows:
        for scenario in SCENARIOS:
            names += [n for n in figures[scenario]["signpost"]["steps"] if n not in names]
    print("\nSignpost's steps, median ms:\n")
    print("| pages | build | " + " | ".join(names) + " |")
    print("|---|---|" + "---|" * len(names))
    for count, figures in rows:
        for scenario in SCENARIOS:
            found = figures[scenario]["signpost"]["steps"]
            print(f"| {thousands(count)} | {scenario} | " + " | ".join(
                f"{found[n]:.0f}" if n in found else "–" for n in names) + " |")


def scaling(args, hugo_available):
    sizes = [s for s in SCALING_SIZES if s <= args.max_pages]
    with_hugo = args.scaling_hugo and hugo_available
    rows = []
    for pages in sizes:
        standard = pages // 2
        work = work_folder(f"signpost-scale-{pages}-", (2 * standard + 2) * BYTES_PER_PAGE, args.workdir)
        try:
            started = time.perf_counter()
            count, size, page_list = sitegen.make_content(work / "Content", standard, seed=args.seed)
            tools = [Signpost(pathlib.Path(args.signpost).resolve(), work / "Content",
                              pathlib.Path(args.theme).resolve(), work)]
            if with_hugo:
                sitegen.make_hugo_site(work / "hugo", work / "Content", page_list)
                tools.append(Hugo(work / "hugo", work))
            print(f"{thousands(count)} pages: content written in {time.perf_counter() - started:.1f} s, "
                  f"{args.scaling_runs} cold build(s)…", flush=True)
            with open(work / "build.log", "w", encoding="utf-8") as log:
                rows.append((count, describe(measure(tools, "cold", args.scaling_runs, page_list[0].name, log))))
        finally:
            shutil.rmtree(work, ignore_errors=True)
    print("\nCold builds (median of each size's runs):\n")
    print("| pages | tool | seconds | peak MB | s per 1,000 pages | MB per 1,000 pages | slowest step |")
    print("|---|---|---|---|---|---|---|")
    for count, figures in rows:
        for name, f in figures.items():
            step = max(f["steps"].items(), key=lambda kv: kv[1]) if f["steps"] else None
            print(f"| {thousands(count)} | {name} | {f['time'][0]:.2f} | {f['mb'][0]:.0f} | "
                  f"{f['time'][0] / count * 1000:.3f} | {f['mb'][0] / count * 1000:.1f} | "
                  + (f"{step[0]} {step[1] / 1000:.1f} s |" if step else "– |"))
    names = []
    for _, figures in rows:
        names += [n for n in figures["signpost"]["steps"] if n not in names]
    print("\nSignpost's steps, ms per 1,000 pages:\n")
    print("| pages | " + " | ".join(names) + " |")
    print("|---|" + "---|" * len(names))
    for count, figures in rows:
        found = figures["signpost"]["steps"]
        print(f"| {thousands(count)} | " + " | ".join(
            f"{found[n] / count * 1000:.0f}" if n in found else "–" for n in names) + " |")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, nargs="+", default=[2000, 20000],
                        help="total pages per site: half standard pages, half their easy-read twins (plus the home pair)")
    parser.add_argument("--runs", type=int, default=5, help="timed runs per tool and scenario (at least 5 for figures)")
    parser.add_argument("--signpost", default=str(ROOT / ".build/release/signpost"))
    parser.add_argument("--theme", default=str(ROOT / "Themes/default"))
    parser.add_argument("--quick", action="store_true", help="one size (2,000 pages), 3 runs: a smoke check")
    parser.add_argument("--no-hugo", action="store_true", help="time Signpost only")
    parser.add_argument("--scaling", action="store_true",
                        help=f"cold builds at {', '.join(map(thousands, SCALING_SIZES))} pages instead")
    parser.add_argument("--max-pages", type=int, default=SCALING_SIZES[-1], help="the largest size --scaling runs")
    parser.add_argument("--scaling-runs", type=int, default=1, help="cold builds per size with --scaling")
    parser.add_argument("--scaling-hugo", action="store_true", help="time Hugo too with --scaling")
    parser.add_argument("--seed", type=int, default=1, help="the random seed the content is made from")
    parser.add_argument("--workdir", help="where to write content and outputs (default /dev/shm, a tmpfs)")
    args = parser.parse_args()
    if args.quick:
        args.pages, args.runs = [2000], 3
    if not pathlib.Path(args.signpost).exists():
        raise SystemExit(f"{args.signpost} does not exist: swift build -c release --product signpost")
    hugo_available = not args.no_hugo and shutil.which("hugo") is not None
    if not hugo_available and not args.no_hugo:
        print("hugo is not installed (apt-get install hugo): timing Signpost only.")
    if hugo_available:
        print(run(["hugo", "version"])[2].strip())
    started = time.perf_counter()
    if args.scaling:
        scaling(args, hugo_available)
    else:
        rows = [bench_size(args, pages, hugo_available) for pages in args.pages]
        markdown_tables(rows)
    print(f"\n({time.perf_counter() - started:.0f} s in all)")


if __name__ == "__main__":
    main()
