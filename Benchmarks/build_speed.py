#!/usr/bin/env python3
"""Build speed: Signpost (checks included) against Hugo, on the same generated content.

Makes a site of N pages from the sample content (half standard pages, half their easy-read twins, each with its own
title and address), builds it with `signpost build` several times and, when `hugo` is installed, builds the same
Markdown with Hugo and a comparable template. Prints the median, fastest and slowest wall-clock times.

    python3 Benchmarks/build_speed.py [--pages 2000] [--runs 5] [--signpost .build/release/signpost]
"""
import argparse
import pathlib
import re
import shutil
import statistics
import subprocess
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent
CONTENT = ROOT / "Content"


def split(path):
    text = path.read_text(encoding="utf-8")
    _, front, body = text.split("---\n", 2)
    return front, body


def make_content(folder, pages):
    """Sample content plus `pages` generated pages: pairs of a standard page and its easy-read twin."""
    shutil.copytree(CONTENT, folder)
    standard = sorted((CONTENT / "pages").glob("*.md"))
    easy = {p.name: p for p in (CONTENT / "easy-read").glob("*.md")}
    pairs = pages // 2
    for i in range(pairs):
        source = standard[i % len(standard)]
        front, body = split(source)
        title = re.search(r"^title: (.*)$", front, re.M).group(1)
        summary = re.search(r"^summary: (.*)$", front, re.M).group(1)
        name = f"bench-{i:05d}-{source.stem}"
        (folder / "pages" / f"{name}.md").write_text(
            f"---\ntitle: {title} ({i})\nsummary: {summary}\npicture: ../pictures/house.svg\norder: {i + 10}\n"
            f"updated: 2026-11-02\n---\n{body}", encoding="utf-8")
        efront, ebody = split(easy[source.name])
        etitle = re.search(r"^title: (.*)$", efront, re.M).group(1)
        esummary = re.search(r"^summary: (.*)$", efront, re.M).group(1)
        (folder / "easy-read" / f"{name}.md").write_text(
            f"---\ntitle: {etitle} ({i})\nsummary: {esummary}\nformat: easy-read\neasy_read_of: pages/{name}.md\n"
            f"picture: ../pictures/house.svg\norder: {i + 10}\n---\n{ebody}", encoding="utf-8")
    return sum(1 for p in folder.rglob("*.md") if p.parent.name != "services")


def make_hugo_site(folder, content):
    """The same Markdown files as a Hugo site, with a template that writes what Signpost's does."""
    (folder / "content").mkdir(parents=True)
    for md in (p for p in content.rglob("*.md") if p.parent.name != "services"):
        target = folder / "content" / md.relative_to(content)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(md.read_text(encoding="utf-8"), encoding="utf-8")
    shutil.copytree(content / "pictures", folder / "static/pictures")
    layouts = folder / "layouts/_default"
    layouts.mkdir(parents=True)
    page = """<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8"><title>{{ .Title }} – {{ .Site.Title }}</title>
<meta name="description" content="{{ .Params.summary }}"></head><body><a href="#main">Skip to main content</a>
<nav><ul>{{ range first 8 .Site.RegularPages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul></nav>
<main id="main"><h1>{{ .Title }}</h1><p>{{ .Params.summary }}</p>{{ .Content }}</main></body></html>"""
    (layouts / "single.html").write_text(page, encoding="utf-8")
    (layouts / "list.html").write_text(page, encoding="utf-8")
    (folder / "hugo.toml").write_text('title = "Bench"\nbaseURL = "https://example.org/"\ndisableKinds = ["taxonomy", "term", "RSS"]\n',
                                      encoding="utf-8")


def timed(command, runs):
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        result = subprocess.run(command, capture_output=True, text=True)
        times.append(time.perf_counter() - start)
        if result.returncode != 0:
            raise SystemExit(f"{' '.join(map(str, command))} failed:\n{result.stdout[-2000:]}\n{result.stderr[-2000:]}")
    return times


def report(name, times, pages):
    median = statistics.median(times)
    print(f"{name:<22} median {median:6.3f} s   fastest {min(times):6.3f} s   slowest {max(times):6.3f} s   "
          f"{pages / median:8.0f} pages/s")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--pages", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--signpost", default=str(ROOT / ".build/release/signpost"))
    parser.add_argument("--keep", help="also write the generated content folder here, for profiling")
    args = parser.parse_args()
    work = pathlib.Path(tempfile.mkdtemp(prefix="signpost-bench-"))
    try:
        content = work / "Content"
        count = make_content(content, args.pages)
        if args.keep:
            shutil.rmtree(args.keep, ignore_errors=True)
            shutil.copytree(content, args.keep)
        shutil.copytree(ROOT / "Themes", work / "Themes")
        print(f"{count} Markdown pages ({args.pages} generated + the sample site), {args.runs} runs each")
        signpost = timed([args.signpost, "build", "--content", str(content), "--output", str(work / "Output")], args.runs)
        report("signpost build", signpost, count)
        checks = timed([args.signpost, "check", "--content", str(content), "--format", "json"], args.runs)
        report("signpost check", checks, count)
        if shutil.which("hugo"):
            hugo_site = work / "hugo"
            make_hugo_site(hugo_site, content)
            hugo = timed(["hugo", "--quiet", "--source", str(hugo_site), "--destination", str(work / "hugo-out")], args.runs)
            report("hugo", hugo, count)
            print(f"Signpost takes {statistics.median(signpost) / statistics.median(hugo):.2f}× Hugo's time.")
        else:
            print("hugo is not installed (apt-get install hugo) — no comparison.")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
