#!/usr/bin/env python3
"""The service directory's build at scale: cold builds of sites with 1,000, 10,000 and 100,000 generated services.

Services are made from a handful of templates (a short break home, Shared Lives, sitting at home, a club, emergency
cover, holidays, direct-payment support) with varied names, areas, ages, costs, languages, opening hours and
descriptions from a seeded random generator, in the format of Content/services/*.md. Phone numbers are in the
0116 496 0xxx range and addresses at example.org. Content and output are on a tmpfs (/dev/shm); before each run the
output folder and the folders Signpost keeps beside it are deleted. Prints the time, the peak memory (max RSS, from
os.wait4), Signpost's own step times, and a Markdown table. Prints figures; asserts nothing.

    python3 Benchmarks/directory_build.py                       # 1,000, 10,000 and 100,000 services
    python3 Benchmarks/directory_build.py --sizes 1000 10000 --runs 3
"""
import argparse
import datetime
import pathlib
import random
import re
import shutil
import sys
import time

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from benchlib import (ROOT, clear_output, folder_bytes, median_steps, run, signpost_cold_flags, steps, summary,  # noqa: E402
                      thousands, work_folder)
import sitegen  # noqa: E402

TODAY = datetime.date.today()

TOWNS = [("Leicester", "LE1"), ("Leicester", "LE2"), ("Leicester", "LE3"), ("Leicester", "LE4"), ("Leicester", "LE5"),
         ("Loughborough", "LE11"), ("Hinckley", "LE10"), ("Melton Mowbray", "LE13"), ("Oakham", "LE15"),
         ("Market Harborough", "LE16"), ("Coalville", "LE67"), ("Wigston", "LE18"), ("Lutterworth", "LE17"),
         ("Uppingham", "LE15"), ("Oadby", "LE2"), ("Syston", "LE7")]
AREAS = ["Leicester", "Leicestershire", "Rutland"]
NAME_WORDS = ["Maple", "Oakfield", "Willow", "Harbour", "Riverside", "Brook", "Meadow", "Beacon", "Cedar", "Hazel",
              "Kingfisher", "Lark", "Orchard", "Primrose", "Rowan", "Sunrise", "Thornton", "Valley", "Wren", "Ash",
              "Bluebell", "Charnwood", "Elm", "Foxton", "Greenway", "Heather", "Juniper", "Linden", "Millbrook", "Poplar"]
STREETS = ["Example Road", "Example Street", "Example Lane", "Example Close", "Example Gardens", "Example Avenue"]
LANGUAGES = [["en"], ["en"], ["en"], ["en", "pa"], ["en", "gu"], ["en", "gu", "hi"], ["en", "ur"], ["en", "pl"],
             ["en", "gu", "pa", "ur"], ["en", "so"]]
HEALTH = ["epilepsy", "autism", "diabetes", "peg-feeding", "behaviour-support", "oxygen"]
CULTURE = ["halal-food", "vegetarian-food", "same-gender-carers"]
ACCESS = ["step-free", "hoist", "accessible-bathroom", "sensory-room", "quiet-room"]
WEEKDAYS = "[mo, tu, we, th, fr]"
EVERY_DAY = "[mo, tu, we, th, fr, sa, su]"

# (name ending, break types, overnight, emergency, ages, summary, eligibility, how to get it, costs, hours, picture,
#  easy-read summary, description sentences)
TEMPLATES = [
    ("Lodge", "[building-based]", True, False, "{ min: 6, max: 17 }",
     "Overnight short breaks in a short break home for children with complex needs.",
     "Children aged 6 to 17 with a learning disability who live in {area}.",
     "The children with disabilities team arranges stays.",
     [("Per night", 0, "Free to families. The council pays.")], [(EVERY_DAY, "00:00", "23:59")], "bed",
     "Children stay the night. Staff help with everything.",
     ["Nurses and care staff work together.", "Children go to school from {name} as usual.",
      "Each child has their own bedroom.", "There is a garden and a sensory room."]),
    ("Shared Lives", "[shared-lives]", True, False, "{ min: 18 }",
     "Stay with a Shared Lives carer and their family for a night or a weekend.",
     "Adults with a learning disability who live with a family carer in {area}.",
     "Ask your social worker for an assessment. Or phone us.",
     [("Per night", 40.71, "The council may ask you to pay part of this.")], [(WEEKDAYS, "09:00", "17:00")],
     "house", "You stay with another family. They look after you.",
     ["Every carer is checked and trained.", "You can meet the carer more than once before you stay.",
      "Many people stay with the same family for years."]),
    ("Sitting", "[home-based]", True, False, "{ min: 5 }",
     "A support worker stays in your home, so you can go out or sleep.",
     "Families in {area} caring for someone who needs help at home.",
     "Ask your social worker, or use a direct payment to book us.",
     [("Per hour", 22.5, None), ("Per night", 145, None)], [(EVERY_DAY, "08:00", "23:00")], "house",
     "A helper comes to your home. Your carer can go out.",
     ["Our workers can give medicines and help with personal care.", "We try to send the same worker each time."]),
    ("Club", "[community]", False, False, "{ min: 11, max: 25 }",
     "Evening and weekend activities for young people, with support workers.",
     "Young people with a learning disability or autism in {area}.",
     "Phone us to book a free taster session.",
     [("Per session", 12, None)], [("[tu, th]", "18:00", "21:00"), ("[sa]", "10:00", "16:00")], "people",
     "You go to a club. You do fun things with friends.",
     ["We go swimming, bowling and to the cinema.", "Parents can stay for the first session.",
      "Transport can be arranged."]),
    ("Emergency Carers", "[emergency, home-based]", True, True, None,
     "Support at short notice when a family carer suddenly cannot care.",
     "Anyone in {area} who is looked after by a family carer.",
     "Phone us at any time, day or night.",
     [("First 72 hours", 0, "Free.")], [(EVERY_DAY, "00:00", "23:59")], "phone",
     "If your carer gets ill, we come fast.",
     ["Register your emergency plan with us before you need it.", "We can stay until other help is arranged."]),
    ("Holidays", "[holiday, community]", True, False, "{ min: 18 }",
     "Supported holidays in the UK for adults with a learning disability.",
     "Adults in {area} who can travel with support.",
     "Book on our website or phone us.",
     [("Per week", 690, "Includes travel, rooms and staff.")], [(WEEKDAYS, "09:30", "16:30")], "sun",
     "You go on holiday. Staff go with you.",
     ["Holidays last from 3 nights to a week.", "We go to the seaside, the countryside and big cities."]),
    ("Direct Payments Support", "[direct-payment]", False, False, None,
     "Help to use a direct payment for short breaks: finding and paying staff.",
     "Anyone in {area} with a direct payment, or thinking about one.",
     "Phone us or ask your social worker.",
     [("Advice", 0, None)], [(WEEKDAYS, "09:00", "17:00")], "money",
     "We help you use money from the council for your breaks.",
     ["We can run the payroll for your personal assistant.", "We help you write a job advert."]),
]


def yaml_list(values):
    return "[" + ", ".join(values) + "]"


def service(i, rng):
    t = TEMPLATES[i % len(TEMPLATES)]
    word = rng.choice(NAME_WORDS)
    town, district = rng.choice(TOWNS)
    name = f"{word} {t[0]}" + (f" {town}" if rng.random() < 0.5 else "")
    sid = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-") + f"-{i}"
    area = rng.choice(AREAS)
    areas = sorted({area, *rng.sample(AREAS, rng.randint(0, 2))})
    costs = "".join(f'  - {{ option: "{o}", amount: {a}, currency: GBP'
                    + (f', description: "{d}"' if d else "") + " }\n" for o, a, d in t[8])
    hours = "".join(f'  - {{ days: {d}, opens: "{o}", closes: "{c}" }}\n' for d, o, c in t[9])
    health = rng.sample(HEALTH, rng.randint(0, 3))
    culture = rng.sample(CULTURE, rng.randint(0, 2))
    status = rng.choices(["active", "temporarily-closed", "inactive"], [96, 3, 1])[0]
    description = " ".join(s.format(name=name) for s in rng.sample(t[12], rng.randint(1, len(t[12]))))
    lines = [
        "---", f"id: {sid}", f'name: "{name}"', f'summary: "{t[5]}"',
        *([f"status: {status}"] if status != "active" else []),
        f'organization: {{ name: "{word} Care", website: https://example.org/{word.lower()}-care }}',
        f"break_types: {t[1]}", f"overnight: {str(t[2]).lower()}", f"emergency: {str(t[3]).lower()}",
        *([f"ages: {t[4]}"] if t[4] else []), f"areas: {yaml_list(areas)}",
        f'eligibility: "{t[6].format(area=area)}"', f'how_to_get_it: "{t[7]}"', "costs:", costs.rstrip("\n"),
        *([f"health_support: {yaml_list(health)}"] if health else []),
        *([f"culture: {yaml_list(culture)}"] if culture else []),
        f"languages: {yaml_list(rng.choice(LANGUAGES))}",
        f"accessibility: {yaml_list(rng.sample(ACCESS, rng.randint(1, 3)))}",
        f'contact: {{ phone: "0116 496 0{i % 1000:03d}", email: {sid}@example.org, website: https://example.org/{sid} }}',
        f'location: {{ name: "{name}", address: {{ street: "{rng.randint(1, 99)} {rng.choice(STREETS)}", '
        f'city: "{town}", postcode: {district} 0{chr(65 + rng.randint(0, 25))}{chr(65 + rng.randint(0, 25))} }} }}',
        "hours:", hours.rstrip("\n"), f"checked: {(TODAY - datetime.timedelta(days=rng.randint(0, 300))).isoformat()}",
        f"picture: ../pictures/{t[10]}.svg", f'easy_read_summary: "{t[11]}"', "---", description, "",
    ]
    return sid, "\n".join(lines)


def make_site(folder, count, seed):
    rng = random.Random(seed)
    (folder / "services").mkdir(parents=True)
    (folder / "pictures").mkdir()
    for name, body in sitegen.PICTURES.items():
        (folder / "pictures" / f"{name}.svg").write_text(
            f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100" width="100" height="100">{body}</svg>\n',
            encoding="utf-8")
    (folder / "site.yml").write_text(
        'title: Short Breaks Directory Benchmark\nurl: https://breaks.example.org\ncontact:\n  phone: "0116 496 0000"\n'
        "  email: shortbreaks@example.org\nnavigation:\n  - page: services/\n    label: Find a service\n"
        f"words: [{', '.join(sorted({t for t, _ in TOWNS}))}, Rutland, Leicestershire]\n", encoding="utf-8")
    (folder / "index.md").write_text(
        "---\ntitle: Short Breaks Directory Benchmark\nsummary: Find a short break near you.\n---\n"
        "Use **Find a service** at the top of the page to find a short break near you.\n", encoding="utf-8")
    size = 0
    for i in range(count):
        sid, text = service(i, rng)
        data = text.encode("utf-8")
        (folder / "services" / f"{sid}.md").write_bytes(data)
        size += len(data)
    return size


def search_index_ms(output):
    match = re.search(r"search index (\d+(?:\.\d+)?) ms", output)
    return float(match.group(1)) if match else None


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    parser.add_argument("--runs", type=int, default=3, help="cold builds per size up to 20,000 services")
    parser.add_argument("--large-runs", type=int, default=1, help="cold builds per size above 20,000 services")
    parser.add_argument("--signpost", default=str(ROOT / ".build/release/signpost"))
    parser.add_argument("--theme", default=str(ROOT / "Themes/default"))
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--workdir", help="where to write content and outputs (default /dev/shm, a tmpfs)")
    args = parser.parse_args()
    signpost = pathlib.Path(args.signpost).resolve()
    if not signpost.exists():
        raise SystemExit(f"{args.signpost} does not exist: swift build -c release --product signpost")
    cold_flags = signpost_cold_flags(signpost)
    started_all = time.perf_counter()
    rows = []
    for size in args.sizes:
        runs = args.runs if size <= 20000 else args.large_runs
        # Markdown (about 1.3 KB a service) and two output folders (a page, a JSON record and browse pages each).
        work = work_folder(f"signpost-dir-{size}-", size * 60_000, args.workdir)
        try:
            started = time.perf_counter()
            content_bytes = make_site(work / "Content", size, args.seed)
            print(f"\n{thousands(size)} services, {content_bytes / 2**20:.1f} MB of Markdown in {work}, written in "
                  f"{time.perf_counter() - started:.1f} s; {runs} cold build(s)", flush=True)
            output = work / "out" / "site"
            results = []
            for k in range(runs):
                clear_output(output)
                output.parent.mkdir(parents=True, exist_ok=True)
                seconds, mb, text = run([signpost, "build", "--content", work / "Content", "--theme", args.theme,
                                         "--output", output] + cold_flags, echo=f"  run {k + 1}/{runs} | ")
                found = steps(text)
                index = search_index_ms(text)
                if index is not None:
                    found["(search index)"] = index
                results.append((seconds, mb, found))
                print(f"  run {k + 1}/{runs}: {seconds:.2f} s, peak memory {mb:.0f} MB", flush=True)
            files = sum(1 for p in output.rglob("*") if p.is_file())
            rows.append({"size": size, "runs": runs, "time": summary([r[0] for r in results]),
                         "mb": summary([r[1] for r in results]), "steps": median_steps([r[2] for r in results]),
                         "files": files, "output_mb": folder_bytes(output) / 2**20,
                         "index_kb": (output / "services/search-index.js").stat().st_size / 1024})
        finally:
            shutil.rmtree(work, ignore_errors=True)
    print("\n| services | runs | cold build median (fastest–slowest) | peak memory | s per 1,000 services "
          "| MB per 1,000 services | files written | output | search index |")
    print("|---|---|---|---|---|---|---|---|---|")
    for r in rows:
        t, m = r["time"], r["mb"]
        print(f"| {thousands(r['size'])} | {r['runs']} | {t[0]:.2f} s ({t[1]:.2f}–{t[2]:.2f}) | {m[0]:.0f} MB | "
              f"{t[0] / r['size'] * 1000:.2f} | {m[0] / r['size'] * 1000:.1f} | {thousands(r['files'])} | "
              f"{r['output_mb']:.0f} MB | {r['index_kb']:,.0f} KB |")
    names = []
    for r in rows:
        names += [n for n in r["steps"] if n not in names]
    print("\nSignpost's steps, median ms:\n")
    print("| services | " + " | ".join(names) + " |")
    print("|---|" + "---|" * len(names))
    for r in rows:
        print(f"| {thousands(r['size'])} | " + " | ".join(
            f"{r['steps'][n]:.0f}" if n in r["steps"] else "–" for n in names) + " |")
    print(f"\n({time.perf_counter() - started_all:.0f} s in all)")


if __name__ == "__main__":
    main()
