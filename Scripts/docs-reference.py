#!/usr/bin/env python3
"""Writes the parts of the documentation (Docs/) that must agree with the code, so they cannot drift:

- the rules table on Docs/pages/rules.md and each rule page's defaults (Docs/pages/rules/<id>.md), from
  `signpost check --list-rules --format json` (RuleID and CheckSettings.defaults);
- the command reference on Docs/pages/commands.md, from `signpost --experimental-dump-help` (the command-line
  definitions in Sources/signpost);
- the key tables of Docs/pages/settings.md (site.yml) and Docs/pages/writing-a-page.md (front matter), from the
  `CodingKeys` of SiteConfig and PageFrontMatter. The descriptions are written by hand in the pages and kept; a key
  the code has and the page does not gets a row that says so, and the check fails until someone describes it.

Each generated part sits between `<!-- signpost-docs:NAME -->` and `<!-- signpost-docs:end -->`.

    python3 Scripts/docs-reference.py                 # rewrite the generated parts (make docs-reference)
    python3 Scripts/docs-reference.py --check         # exit 1, with a diff, when a page differs from what it would write

Only the standard library.
"""
import argparse
import difflib
import json
import pathlib
import re
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parents[1]
DOCS = ROOT / "Docs"
UNDESCRIBED = "**Not described yet.** Describe it here."
REGION = re.compile(r"(<!-- signpost-docs:(?P<name>[^>]+?) -->\n)(?P<body>.*?)(<!-- signpost-docs:end -->)", re.S)


def run_json(signpost, *arguments):
    result = subprocess.run([str(signpost), *arguments], capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"`signpost {' '.join(arguments)}` exited {result.returncode}:\n{result.stderr}")
    return json.loads(result.stdout)


def cell(text):
    return text.replace("\n", " ")


CODE_LIKE = re.compile(r"(?<![`\w])(--[a-z][a-z-]*|[\w.{}<>-]*[=/][\w.{}<>=/:-]*\w[/]?|\d{4}-\d{2}-\d{2}|[\w-]+\.(?:yml|md|json))"
                       r"(?=[\s,.;:)]|$)")


def prose(text):
    """A help text as a sentence of the page: options, paths, file names, dates and KEY=VALUE in code, as the
    terminal would show them, so the checker reads the words and not the code."""
    return CODE_LIKE.sub(lambda m: f"`{m.group(1)}`", text)


# Rules

def summary(rule):
    """A rule's summary, with the Latin short forms it is about (`e.g.`, `i.e.`, `etc.`) as code."""
    return cell(re.sub(r"(?<![`\w])(e\.g\.|i\.e\.|etc\.)", r"`\1`", rule["summary"]))

def describe(default):
    """`off`, `error`, or `warning over 15, error over 25`: as RuleList.describe in Swift, with a comma in 1,000."""
    if not default["enabled"]:
        return "off"
    limits = [f"{name} over {default[name]:,}" for name in ("suggestion", "warning", "error") if name in default]
    return ", ".join(limits) if limits else default["level"]


def rules_table(rules):
    """The list of every rule. (Signpost's Markdown, cmark, has no tables, so the reference is written as lists.)"""
    lines = []
    for rule in rules:
        lines.append(f"- [`{rule['id']}`](rules/{rule['id']}.md): {summary(rule)}. "
                     f"Standard pages: {describe(rule['formats']['standard'])}. "
                     f"Easy-read pages: {describe(rule['formats']['easy-read'])}.")
    return "\n".join(lines) + "\n"


def rule_facts(rule):
    return (f"- Rule id: `{rule['id']}`\n- What it finds: {summary(rule)}\n"
            f"- On standard pages: {describe(rule['formats']['standard'])}\n"
            f"- On easy-read pages: {describe(rule['formats']['easy-read'])}\n")


# Commands

def visible(arguments):
    shown = [a for a in arguments or [] if a.get("shouldDisplay", True)
             and a.get("preferredName", {}).get("name") not in ("help", "version")]
    # An inverted flag (`--drafts` and `--no-drafts`) comes as two flags with one help text: show it as one row.
    merged = []
    for argument in shown:
        last = merged[-1] if merged else None
        if last and argument["kind"] == last["kind"] == "flag" and argument.get("abstract") == last.get("abstract"):
            merged[-1] = dict(last, names=last["names"] + argument["names"])
        else:
            merged.append(argument)
    return merged


def argument_name(argument):
    if argument["kind"] == "positional":
        return f"`<{argument['valueName']}>`" + (" …" if argument.get("isRepeating") else "")
    names = [("--" if n["kind"] == "long" else "-") + n["name"] for n in argument.get("names", [])]
    value = f" <{argument['valueName']}>" if argument["kind"] == "option" else ""
    return ", ".join(f"`{n}{value}`" for n in names)


def command_sections(command, path):
    lines = []
    subcommands = [c for c in command.get("subcommands", []) if c.get("shouldDisplay", True)
                   and c["commandName"] != "help"]
    title = " ".join(path)
    lines.append(f"### `{title}`\n")
    if command.get("abstract"):
        lines.append(cell(prose(command["abstract"])) + "\n")
    if command.get("discussion"):
        # Written for the terminal, so shown as `--help` prints it.
        lines.append("```text\n" + command["discussion"].strip() + "\n```\n")
    arguments = visible(command.get("arguments"))
    for argument in arguments:
        default = argument.get("defaultValue")
        text = prose(argument.get("abstract", "")).strip()
        if default not in (None, ""):
            text += f" Default: `{default}`."
        lines.append(f"- {argument_name(argument)}: {text}")
    if arguments:
        lines.append("")
    if subcommands:
        lines.append("Commands: " + ", ".join(f"`{title} {c['commandName']}`" for c in subcommands) + ".\n")
    for sub in subcommands:
        lines += command_sections(sub, path + [sub["commandName"]])
    return lines


def commands_reference(dump):
    return "\n".join(command_sections(dump["command"], ["signpost"]))


# Keys

def coding_keys(swift_file):
    """The keys of the first `enum CodingKeys` in a Swift file: `case a, b` and `case basePath = "base_path"`."""
    text = (ROOT / swift_file).read_text(encoding="utf-8")
    match = re.search(r"enum CodingKeys\b[^{]*\{(.*?)\n\s*\}", text, re.S)
    if not match:
        sys.exit(f"no CodingKeys in {swift_file}")
    keys = []
    for line in match.group(1).splitlines():
        line = line.split("//")[0].strip()
        if not line.startswith("case "):
            continue
        for part in line[5:].split(","):
            name, _, raw = part.partition("=")
            keys.append(raw.strip().strip('"') if raw else name.strip())
    return keys


def keys_table(old_body, keys):
    """The list of `keys`, one item a key as `- `key`: what it is`, keeping each key's words (and its place) as the
    page has them."""
    described = {}
    for line in old_body.splitlines():
        match = re.match(r"- `([^`]+)`(.*)$", line)
        if match:
            described[match.group(1)] = match.group(2)
    lines = []
    # The page's order for the keys it describes, then any new key; a key the code no longer has is dropped.
    for key in [k for k in described if k in keys] + [k for k in keys if k not in described]:
        lines.append(f"- `{key}`{described.get(key, ': ' + UNDESCRIBED)}")
    return "\n".join(lines) + "\n"


KEY_TABLES = {
    "site-keys": "Sources/SiteModel/Content/SiteConfig.swift",
    "front-matter-keys": "Sources/SiteModel/Content/PageFrontMatter.swift",
}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--signpost", default=str(ROOT / ".build/debug/signpost"))
    parser.add_argument("--check", action="store_true", help="change nothing; exit 1 when a page would change")
    args = parser.parse_args()

    rules = run_json(args.signpost, "check", "--list-rules", "--format", "json")["rules"]
    dump = run_json(args.signpost, "--experimental-dump-help")
    by_id = {rule["id"]: rule for rule in rules}
    problems = []

    rule_pages = {p.stem for p in (DOCS / "pages/rules").glob("*.md")}
    for missing in sorted(set(by_id) - rule_pages):
        problems.append(f"Docs/pages/rules/{missing}.md is missing: every rule has a page")
    for extra in sorted(rule_pages - set(by_id)):
        problems.append(f"Docs/pages/rules/{extra}.md is about a rule that does not exist")

    def generated(name, body):
        if name == "rules":
            return rules_table(rules)
        if name.startswith("rule "):
            rule_id = name[5:]
            if rule_id not in by_id:
                problems.append(f"no rule `{rule_id}`")
                return body
            return rule_facts(by_id[rule_id])
        if name == "commands":
            return commands_reference(dump)
        if name in KEY_TABLES:
            return keys_table(body, coding_keys(KEY_TABLES[name]))
        problems.append(f"unknown generated part `{name}`")
        return body

    changed = []
    seen = set()
    for page in sorted(DOCS.rglob("*.md")):
        text = page.read_text(encoding="utf-8")
        names = [m.group("name") for m in REGION.finditer(text)]
        seen.update(names)
        if page.parent.name == "rules" and f"rule {page.stem}" not in names:
            problems.append(f"{page.relative_to(ROOT)} has no `<!-- signpost-docs:rule {page.stem} -->` part")
        new = REGION.sub(lambda m: m.group(1) + generated(m.group("name"), m.group("body")) + m.group(4), text)
        for name in KEY_TABLES:
            if f"<!-- signpost-docs:{name} -->" in text and UNDESCRIBED in new:
                problems.append(f"{page.relative_to(ROOT)}: a key in {KEY_TABLES[name]} is not described")
        if new != text:
            changed.append((page, text, new))
    for name in ["rules", "commands", *KEY_TABLES]:
        if name not in seen:
            problems.append(f"no page has the generated part `{name}`")

    if args.check:
        for page, old, new in changed:
            sys.stdout.writelines(difflib.unified_diff(old.splitlines(True), new.splitlines(True),
                                                       str(page.relative_to(ROOT)), "generated"))
        if changed:
            problems.append("the documentation differs from the code: run `make docs-reference` "
                            f"({', '.join(str(p.relative_to(ROOT)) for p, _, _ in changed)})")
    else:
        for page, _, new in changed:
            page.write_text(new, encoding="utf-8")
            print(f"wrote {page.relative_to(ROOT)}")
    for problem in problems:
        print(f"docs-reference: {problem}", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
