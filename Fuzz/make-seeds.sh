#!/usr/bin/env bash
# Makes Fuzz/seeds/<target>/ again from the sample site, the theme and the checker's test fixtures, plus small
# hostile inputs. The seeds are committed, so CI never runs this; run it after the sample content changes a lot,
# then commit what changed.
set -euo pipefail
cd "$(dirname "$0")/.."
seeds=Fuzz/seeds
rm -rf "$seeds"
mkdir -p "$seeds"/{fuzz-front-matter,fuzz-yaml-files,fuzz-checker,fuzz-service,fuzz-template,fuzz-openreferral-feed,fuzz-review-answers}

# copy TARGET FILE...: each file under a name made from its path, so two index.md files do not clash.
copy() {
    local target=$1; shift
    for file in "$@"; do cp "$file" "$seeds/$target/$(echo "$file" | tr '/' '_')"; done
}
# hostile TARGET NAME: the hostile input on standard input.
hostile() { cat > "$seeds/$1/hostile-$2"; }
# repeat N TEXT: TEXT N times.
repeat() { local i; for ((i = 0; i < $1; i++)); do printf '%s' "$2"; done; }

copy fuzz-front-matter Content/index.md Content/pages/*.md Content/easy-read/*.md
copy fuzz-yaml-files Content/site.yml Content/glossary.yml
copy fuzz-checker Content/easy-read/*.md Content/pages/short-breaks.md Tests/SignpostTests/Fixtures/checker/*/*.md
copy fuzz-service Content/services/*.md
copy fuzz-template Themes/default/templates/*.mustache
# Open Referral UK: the profile's own examples and the import's test feeds (HSDS 3.0 UK and ORUK v1).
copy fuzz-openreferral-feed Tests/OpenReferral/examples/*.json Tests/SignpostTests/Fixtures/OpenReferral/*.json
# Review answers: the sample site's review files, and each of their sessions as the saved answers a review page
# downloads (the fuzz target's site has the sample site's easy-read page, so these answers match its version).
copy fuzz-review-answers Content/reviews/easy-read/*.yml
python3 - "$seeds/fuzz-review-answers" Content/reviews/easy-read/*.yml <<'PYTHON'
import json, re, sys, pathlib
out = pathlib.Path(sys.argv[1])
for name in sys.argv[2:]:
    page, sessions = None, []
    for line in pathlib.Path(name).read_text(encoding="utf-8").splitlines():
        match = re.match(r'^(\s*)(- )?([a-z_]+): (.*)$', line)
        if not match:
            continue
        indent, dash, key, value = len(match[1]), match[2], match[3], match[4]
        value = json.loads(value) if value.startswith('"') else int(value) if value.isdigit() else value
        if key == "page":
            page = value
        elif indent == 2 and dash:
            sessions.append({key: value, "points": []})
        elif indent == 4 and key != "points":
            sessions[-1][key] = value
        elif indent == 6 and dash:
            sessions[-1]["points"].append({key: value})
        elif indent == 8:
            sessions[-1]["points"][-1][key] = value
    for number, session in enumerate(sessions):
        session["page"] = page
        target = out / f"answers-{pathlib.Path(name).stem}-{number}.json"
        target.write_text(json.dumps(session, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        # The same answers from a later session, which the import adds rather than finds already there.
        later = dict(session, date="2026-12-01", outcome="changes-needed")
        (out / f"answers-{pathlib.Path(name).stem}-{number}-later.json").write_text(
            json.dumps(later, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
PYTHON

front='---
title: Hostile
summary: A small hostile page.
format: easy-read
---
'

# YAML: a small alias bomb (4 levels of 4: the fuzzer may grow it), deep flow nesting, tags, anchors on keys,
# NUL bytes, invalid UTF-8, a byte-order mark and Windows line endings.
yaml_bomb='a: &a ["x", "x", "x", "x"]
b: &b [*a, *a, *a, *a]
c: &c [*b, *b, *b, *b]
d: &d [*c, *c, *c, *c]
title: *d
'
for target in fuzz-front-matter fuzz-yaml-files; do
    if [ $target = fuzz-front-matter ]; then pre=$'---\n'; post=$'---\nBody.\n'; else pre=''; post=''; fi
    printf '%s%s%s' "$pre" "$yaml_bomb" "$post" | hostile $target alias-bomb.yml
    { printf '%stitle: ' "$pre"; repeat 200 '['; repeat 200 ']'; printf '\nsummary: {a: {b: {c: {d: [1, [2, [3]]]}}}}\n%s' "$post"; } \
        | hostile $target deep-flow.yml
    printf '%s!!binary title: !custom &k summary\n? [complex, key]\n: value\n*k : again\n%s' "$pre" "$post" \
        | hostile $target tags-anchors.yml
    printf '%stitle: "a\0b"\nsummary: c\0\n%s' "$pre" "$post" | hostile $target nul.yml
    printf '%stitle: \xff\xfe caf\xc3\n summary: \xed\xa0\x80\n%s' "$pre" "$post" | hostile $target invalid-utf8.yml
    printf '\xef\xbb\xbf%stitle: BOM\r\nsummary: Windows\r\nwords: [a, b]\r\n%s' "$pre" "$post" | hostile $target bom-crlf.yml
done
printf 'title: Site\nchecks:\n  easy-read:\n    sentence-length: { max: 3, level: error }\n    hard-word: off\n  standrad:\n    readabilty: 12\nsynonyms: [[a, b], [b, c], []]\nwords: ["", " ", "-"]\nnavigation: [{page: x.md}, {page: ""}]\nbase_path: "///"\n' \
    | hostile fuzz-yaml-files site-settings.yml

# Markdown: nesting deep enough to matter but not to crash today's code, links in links, long emphasis runs,
# tables, HTML, NUL bytes and invalid UTF-8 in the body, pictures with odd paths.
for target in fuzz-front-matter fuzz-checker; do
    { printf '%s' "$front"; repeat 300 '> '; printf 'Quote.\n'; } | hostile $target deep-quote.md
    { printf '%s' "$front"; for ((i = 0; i < 100; i++)); do repeat $i '  '; printf -- '- item\n'; done; } | hostile $target deep-list.md
    { printf '%s' "$front"; repeat 200 '['; printf 'x'; repeat 200 '](y)'; printf '\n'; } | hostile $target nested-links.md
    { printf '%s' "$front"; repeat 300 '*_'; printf 'x'; repeat 300 '_*'; printf '\n'; } | hostile $target emphasis.md
    printf '%s| a | b |\n|---|---|\n| ![x](/) | [y](.) |\n\n<script>x</script>\n\n[a](javascript:x) ![](..) ![b](../../c.svg)\n\n1. one\n2. two\n\n```\ncode\n```\n' "$front" \
        | hostile $target mixed.md
    printf '%sA \0 nul. Bad \xff\xfe bytes \xc3.\n\n![a\0](p\0.svg) Words.\n' "$front" | hostile $target nul-invalid-utf8.md
    printf '%s![a](a) ![b](/) ![c](.) ![d](#) ![e](%%) ![f](..) A point.\n\n[x](a.md) [y](/b.md#c) [z](%%zz)\n' "$front" \
        | hostile $target short-paths.md
done
printf '%s<!-- signpost-ignore: sentence-length -->\n\n![A sun](pictures/sun.svg) One two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty twenty-one. 50%% of £1,000.50 on 3/4/2026 is NHS OK?\n\n# Title\n\n#### Skip\n\n*italic* **BOLD WORDS HERE** respite and short break.\n' "$front" \
    | hostile fuzz-checker rules.md

# Services: bad values of every kind.
printf -- '---\nid: A/b\nname: X\nsummary: y\nbreak_types: [nope]\nages: {min: 99, max: -1}\ncosts: [{amount: -1, currency: gbp}, {amount: .nan}]\nhours: [{days: [], opens: "25:00", closes: "9"}]\ncontact: {email: "a@b", phone: "+", website: "ftp://x"}\nlanguages: [EN, e]\nchecked: 2999-02-30\nareas: ["", "-", "--"]\npicture: x\n---\nBody **with** [a link](x.md).\n' \
    | hostile fuzz-service bad-values.md
printf -- '---\nid: x\nname: "\0"\nsummary: \xff\n---\n' | hostile fuzz-service nul-invalid-utf8.md

# Templates: every tag kind, unbalanced sections, odd delimiters, deep sections, a partial that is missing.
printf '{{#site}}{{title}}{{^navigation}}none{{/navigation}}{{/site}}{{{page.body}}}{{&page.body}}{{! note }}{{=<%% %%>=}}<%%page.title%%><%%={{ }}=%%>{{> missing}}{{.}}{{page.title.x}}\n' \
    | hostile fuzz-template tags.mustache
printf '{{#a}}{{#b}}{{/a}}{{/b}}{{^}}{{/}}{{#}}{{= =}}{{{x}}{{x}}}' | hostile fuzz-template unbalanced.mustache
{ repeat 200 '{{#items}}'; printf 'x'; repeat 200 '{{/items}}'; } | hostile fuzz-template deep-sections.mustache
printf '{{#items}}{{> page-heading}}{{/items}}\0\xff{{page.\xc3}}' | hostile fuzz-template nul-invalid-utf8.mustache

# Open Referral feeds: numbers too large to count, two services with one id, ids that are not UUIDs, values the
# build refuses, and shapes that are not services at all.
u=ac148810-d857-441c-9679-408f346de14
printf '{"contents": [{"id": "%s0", "name": "A", "cost_options": [{"amount": 1e300}, {"amount": "inf"}, {"amount": "nan"}, {"amount": 9.3e16}, {"amount": 12345678901234567890123}, {"amount": -1}]}]}\n' $u \
    | hostile fuzz-openreferral-feed huge-costs.json
printf '{"contents": [{"id": "%s1", "name": "Maple Lodge"}, {"id": "%s1", "name": "Oak House"}]}\n' $u $u | hostile fuzz-openreferral-feed duplicate-ids.json
printf '[{"id": "1", "name": "Maple Lodge", "service_taxonomys": [{"taxonomy": {"name": "Respite"}}]}, {"id": 2, "name": "Oak"}]\n' \
    | hostile fuzz-openreferral-feed ids-not-uuids.json
printf '{"contents": [{"id": "%s2", "name": "B", "minimum_age": 65, "maximum_age": 18, "email": "x", "contacts": [{"phones": [{"number": "call"}]}], "schedules": [{"byday": "MO", "opens_at": "24:30", "closes_at": "9"}], "assured_date": "2999-01-01", "service_areas": [{"name": "-"}], "minimum_age": 1e300}]}\n' $u \
    | hostile fuzz-openreferral-feed values-the-build-refuses.json
printf '{"contents": {"id": 1}}' | hostile fuzz-openreferral-feed contents-not-a-list.json
printf '[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]' | hostile fuzz-openreferral-feed deep.json
# Review answers: points the page does not have, a count below zero, a point twice, and not answers at all.
printf '{"page": "easy-read/short-breaks.md", "hash": "%064d", "group": "Speak Up", "date": "2026-02-30", "outcome": "aproved", "points": [{"point": 9223372036854775807}, {"point": 0}, {"point": 1, "understand": -1}, {"point": 1}]}\n' 0 \
    | hostile fuzz-review-answers bad-points.json
printf '{"page": "../../etc/passwd", "hash": 1, "points": "x"}' | hostile fuzz-review-answers not-answers.json

find "$seeds" -type f | wc -l | xargs echo "seed files:"
