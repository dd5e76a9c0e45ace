"""Generated content for the build benchmarks: plain-English pages about short breaks, each with its easy-read twin,
pictures, site.yml and glossary.yml, in Signpost's formats, and the same Markdown as a Hugo site.

Everything comes from a seeded random generator, so the same arguments give the same files. The content does not
depend on Content/ (the sample site).
"""
import datetime
import pathlib
import random
import shutil

from benchlib import ROOT

TODAY = datetime.date.today()

PLACES = ["Leicester", "Oakham", "Loughborough", "Hinckley", "Melton Mowbray", "Market Harborough", "Coalville",
          "Wigston", "Lutterworth", "Uppingham", "Oadby", "Syston", "Shepshed", "Ashby"]

# (title words, the kind in a sentence, easy-read words, picture)
KINDS = [
    ("Overnight stays", "an overnight stay in a short break home", "You stay the night in a short break home", "bed"),
    ("Sitting services", "a sitting service at home", "A helper comes to your home", "house"),
    ("Days out", "a day out with a support worker", "You go out for the day with a helper", "bus"),
    ("Weekend clubs", "a weekend club", "You go to a club at the weekend", "people"),
    ("Holidays", "a holiday with trained staff", "You go on holiday with staff who know you", "sun"),
    ("Shared Lives stays", "a stay with a Shared Lives carer", "You stay with a Shared Lives carer in their home", "house"),
    ("After-school clubs", "an after-school club", "You go to a club after school", "people"),
    ("Emergency breaks", "an emergency short break", "You can get help fast if your carer is ill", "phone"),
    ("Direct payments", "a short break paid for with a direct payment", "The council can give you money for your break", "money"),
    ("Evening activities", "an evening activity group", "You go to a group in the evening", "calendar"),
]

GROUPS = [("for children", "children"), ("for young people", "young people"), ("for adults", "adults"),
          ("for older carers", "older carers and the people they look after"),
          ("for young carers", "young carers"), ("for families", "families")]

ACTIVITIES = ["swimming", "cooking", "music", "art", "football", "gardening", "bowling", "a trip to the cinema",
              "a walk in the park", "drama", "dancing", "a trip to the sea", "film nights", "board games"]

WHO = ["your social worker", "the council's short breaks team", "your family doctor", "a carers' support worker",
       "the school", "our advice line"]

DURATIONS = ["a few hours", "an afternoon", "a whole day", "one night", "a weekend", "a week"]

DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

STANDARD_SENTENCES = [
    "A short break gives a family carer time to rest, and gives the person they care for time to do something different.",
    "In {place}, {kind} usually lasts {duration}, and some families use it every month.",
    "You can ask {who} about {kind} at any time.",
    "Many families tell us that {kind} helps them keep going when caring gets hard.",
    "Staff get to know the person first, so that the break feels safe and familiar.",
    "The person you care for can try {activity}, {activity2} or something new that they choose.",
    "If the person has health needs, such as epilepsy or tube feeding, tell the staff before the first visit.",
    "Most breaks in {place} start on a {day}, but you can ask for another day.",
    "You do not have to say why you need a break.",
    "Some carers use the time to sleep, see friends, go to work or look after their own health.",
    "A break can be planned weeks ahead, or arranged at short notice when something changes.",
    "We write down what the person likes, what they do not like and how they tell you they are unhappy.",
    "You can visit first, more than once, before anyone stays.",
    "The council checks every service it pays for, and you can read the latest report.",
    "If something goes wrong during a break, staff will phone you straight away.",
    "Brothers and sisters can sometimes join in, which many families find helps.",
    "Transport can often be arranged, so you do not have to drive to {place}.",
    "Tell us if the person needs a quiet room, a hoist or a bathroom with more space.",
    "The staff speak several languages, and an interpreter can be booked for meetings.",
    "It is fine to start small, with {duration}, and build up when everyone feels ready.",
    "If you are not happy with a break, tell {who} and they will look at it again.",
    "You can stop a break at any time, and it will not affect other help you get.",
    "The person you care for has a say in where they go and who supports them.",
    "Some services have a waiting list, so it is worth asking early.",
    "Carers who work can ask for breaks in the evening or at the weekend.",
    "A carer's assessment looks at what you need, as well as what the person you care for needs.",
]

ITEMS = ["people who live in {place} or nearby", "{group} who need support with daily life",
         "carers who look after someone for many hours a week", "people with a learning disability",
         "people who need help at night", "families who have not had a break for a long time",
         "carers who are unwell themselves", "people who are moving from school to college"]

STEPS = ["Phone {who} and say you would like a short break.", "Someone will talk with you about what you need.",
         "You will be told what is on offer in {place}.", "Visit the service with the person you care for.",
         "Agree the dates, and write down anything the staff should know.",
         "After the first break, tell us how it went."]

COST_SENTENCES = [
    "Some short breaks are free, and some cost money.",
    "A day out usually costs between £{low} and £{high}, and the council may pay part of it.",
    "An overnight stay costs about £{night} a night when the council does not pay.",
    "If you get a direct payment, you can use it to pay for {kind}.",
    "Nobody will ask you to pay before you have agreed the cost in writing.",
]

EASY_ROWS = [
    ("calendar", "A calendar", "A short break can be {duration_e}."),
    ("people", "People together", "You can meet new people. You can make friends."),
    ("house", "A house", "Staff get to know you first. You can visit before you stay."),
    ("tick", "A tick", "You choose what you want to do."),
    ("question", "A question mark", "You can ask questions at any time."),
    ("bed", "A bed", "Some breaks are at night. You have your own bedroom."),
    ("sun", "A sun", "Your carer gets time to rest."),
    ("bus", "A bus", "You can get a lift to the break."),
    ("phone", "A phone", "If something goes wrong, staff phone your family."),
    ("money", "Some money", "Some breaks are free. Some cost money."),
    ("people", "People together", "You can try {activity}."),
    ("tick", "A tick", "You can say no. You can stop at any time."),
    ("house", "A house", "Tell staff what you like to eat."),
    ("calendar", "A calendar", "Breaks can be on a {day}."),
    ("question", "A question mark", "Tell staff if you feel worried."),
    ("people", "People together", "You can bring a friend to {activity}."),
    ("sun", "A sun", "Your family can do things they like. You do things you like."),
    ("bed", "A bed", "You can bring things from home. You can bring your own bed covers."),
    ("phone", "A phone", "You can phone your family each day."),
    ("tick", "A tick", "Staff help you take your medicine."),
    ("bus", "A bus", "You can go to {place} on the bus with staff."),
    ("calendar", "A calendar", "You can go again. Some people go every month."),
    ("money", "Some money", "The council can help pay for your break."),
    ("house", "A house", "The rooms are clean and safe."),
    ("question", "A question mark", "You can tell staff what you want to try."),
]

PICTURES = {
    "house": '<path d="M15 48 L50 18 L85 48" fill="none" stroke="#1d3f73" stroke-width="5" stroke-linejoin="round"/>'
             '<rect x="24" y="45" width="52" height="40" fill="#d6e4f5" stroke="#1d3f73" stroke-width="5"/>'
             '<rect x="43" y="60" width="14" height="25" fill="#f2b705" stroke="#1d3f73" stroke-width="5"/>',
    "bed": '<rect x="12" y="50" width="76" height="22" fill="#d6e4f5" stroke="#1d3f73" stroke-width="5"/>'
           '<rect x="16" y="38" width="22" height="12" rx="4" fill="#fff" stroke="#1d3f73" stroke-width="5"/>'
           '<path d="M12 72 V84 M88 72 V84" stroke="#1d3f73" stroke-width="5" stroke-linecap="round"/>',
    "sun": '<circle cx="50" cy="50" r="18" fill="#f2b705" stroke="#1d3f73" stroke-width="5"/>'
           '<path d="M50 10 V22 M50 78 V90 M10 50 H22 M78 50 H90 M22 22 L30 30 M70 70 L78 78 M78 22 L70 30 M30 70 L22 78"'
           ' stroke="#1d3f73" stroke-width="5" stroke-linecap="round"/>',
    "phone": '<rect x="32" y="12" width="36" height="76" rx="6" fill="#d6e4f5" stroke="#1d3f73" stroke-width="5"/>'
             '<circle cx="50" cy="76" r="4" fill="#1d3f73"/>',
    "people": '<circle cx="35" cy="32" r="11" fill="#f2b705" stroke="#1d3f73" stroke-width="5"/>'
              '<circle cx="65" cy="32" r="11" fill="#d6e4f5" stroke="#1d3f73" stroke-width="5"/>'
              '<path d="M18 84 C18 60 52 60 52 84 M48 84 C48 60 82 60 82 84" fill="none" stroke="#1d3f73" stroke-width="5"/>',
    "money": '<circle cx="50" cy="50" r="34" fill="#f2b705" stroke="#1d3f73" stroke-width="5"/>'
             '<path d="M58 36 C52 28 40 32 42 44 V66 H60 M36 54 H54" fill="none" stroke="#1d3f73" stroke-width="5"/>',
    "calendar": '<rect x="14" y="20" width="72" height="66" fill="#fff" stroke="#1d3f73" stroke-width="5"/>'
                '<path d="M14 38 H86 M32 12 V26 M68 12 V26" stroke="#1d3f73" stroke-width="5" stroke-linecap="round"/>'
                '<rect x="30" y="50" width="14" height="12" fill="#f2b705"/>',
    "bus": '<rect x="14" y="20" width="72" height="52" rx="8" fill="#d6e4f5" stroke="#1d3f73" stroke-width="5"/>'
           '<path d="M14 48 H86" stroke="#1d3f73" stroke-width="5"/><circle cx="32" cy="78" r="7" fill="#1d3f73"/>'
           '<circle cx="68" cy="78" r="7" fill="#1d3f73"/>',
    "tick": '<circle cx="50" cy="50" r="36" fill="#d6e4f5" stroke="#1d3f73" stroke-width="5"/>'
            '<path d="M32 52 L45 65 L70 36" fill="none" stroke="#1d3f73" stroke-width="7" stroke-linecap="round"/>',
    "question": '<circle cx="50" cy="50" r="36" fill="#f2b705" stroke="#1d3f73" stroke-width="5"/>'
                '<path d="M38 40 C38 26 62 26 62 40 C62 50 50 50 50 60" fill="none" stroke="#1d3f73" stroke-width="6"'
                ' stroke-linecap="round"/><circle cx="50" cy="72" r="4" fill="#1d3f73"/>',
}

GLOSSARY = """# Hard words and their easy meanings.
words:
  - word: carer
    forms: [carers, "carer's", "carers'"]
    meaning: Someone who looks after a family member or friend. They are not paid for it.
    picture: pictures/people.svg
  - word: short break
    forms: [short breaks]
    meaning: Time off from caring. The person being cared for does something different.
    picture: pictures/sun.svg
  - word: council
    forms: [councils, "council's"]
    meaning: The local group that runs services where you live.
  - word: direct payment
    forms: [direct payments]
    meaning: Money from the council. You use it to pay for your own support.
    picture: pictures/money.svg
  - word: assessment
    forms: [assessments]
    meaning: A meeting where someone finds out what help you need.
  - word: learning disability
    forms: [learning disabilities]
    meaning: A learning disability means you find some things harder to learn and do.
  - word: Shared Lives
    meaning: You stay with a trained carer in their family home.
    picture: pictures/house.svg
  - word: support worker
    forms: [support workers]
    meaning: A person who is paid to help you with things you want to do.
"""


class Page:
    def __init__(self, index, rng):
        kind = KINDS[index % len(KINDS)]
        group = GROUPS[(index // len(KINDS)) % len(GROUPS)]
        place = PLACES[(index // (len(KINDS) * len(GROUPS))) % len(PLACES)]
        round_ = index // (len(KINDS) * len(GROUPS) * len(PLACES))
        self.index = index
        self.kind, self.group, self.place = kind, group, place
        self.title = f"{kind[0]} {group[0]} in {place}" + (f", part {round_ + 1}" if round_ else "")
        slug = "-".join(self.title.lower().replace(",", "").replace("-", " ").split())
        self.name = f"{slug}-{index:06d}" if round_ else slug
        self.picture = kind[3]
        self.seed = rng.random()


def fill(rng, template, page):
    activities = rng.sample(ACTIVITIES, 2)
    return template.format(place=page.place, kind=page.kind[1], group=page.group[1], duration=rng.choice(DURATIONS),
                           who=rng.choice(WHO), activity=activities[0], activity2=activities[1], day=rng.choice(DAYS),
                           low=rng.randint(5, 20), high=rng.randint(25, 60), night=rng.randint(90, 180),
                           duration_e=rng.choice(["a few hours", "a day", "a night", "a weekend"]))


def paragraph(rng, page, count):
    return " ".join(fill(rng, t, page) for t in rng.sample(STANDARD_SENTENCES, count))


def standard_page(page, pages, rng, target=4000):
    others = [pages[(page.index + d) % len(pages)] for d in (1, 2, rng.randint(3, max(3, len(pages) - 1)))]
    others = [o for o in others if o is not page] or [page]
    lines = [
        "---", f"title: {page.title}",
        f"summary: {page.kind[0]} {page.group[0]} in {page.place}. Who they are for, what they cost and how to ask.",
        f"picture: ../pictures/{page.picture}.svg", f"order: {page.index + 1}", f"updated: {TODAY.isoformat()}", "---",
        paragraph(rng, page, 4), "", paragraph(rng, page, 3), "",
        "## Who this is for", "", paragraph(rng, page, 2) + " It is usually for:", "",
        *[f"- {fill(rng, t, page)}" for t in rng.sample(ITEMS, rng.randint(3, 5))], "",
        "## What happens on a break", "", "### Before the first visit", "", paragraph(rng, page, 3), "",
        "### On the day", "", paragraph(rng, page, 3) + " People often choose:", "",
        *[f"- {a}" for a in rng.sample(ACTIVITIES, 4)], "",
        "## What it costs", "", " ".join(fill(rng, t, page) for t in rng.sample(COST_SENTENCES, 3))
        + f" Read about [{others[0].title}]({others[0].name}.md) to compare.", "",
        "## How to ask for a break", "",
        *[f"{n}. {fill(rng, t, page)}" for n, t in enumerate(STEPS, 1)], "",
        "## Related pages", "", *[f"- [{o.title}]({o.name}.md)" for o in others], "",
    ]
    text = "\n".join(lines) + "\n"
    more = [f"## More about {page.place}", ""]
    while len(text) + sum(len(m) + 1 for m in more) < target:
        more += [paragraph(rng, page, 3), ""]
    return text + "\n".join(more) + "\n"


def easy_read_row(rng, page, row=None):
    picture, alt, words = row or rng.choice(EASY_ROWS)
    return f"![{alt}](../pictures/{picture}.svg) {fill(rng, words, page)}"


def easy_read_page(page, pages, rng, target=3600):
    other = pages[(page.index + 1) % len(pages)]
    kind_words = page.kind[2]
    lines = [
        "---", f"title: {page.title}", f"summary: Easy read. {kind_words}.", "format: easy-read",
        f"easy_read_of: pages/{page.name}.md", f"picture: ../pictures/{page.picture}.svg", f"order: {page.index + 1}",
        f"updated: {TODAY.isoformat()}", "---",
        f"![A picture of the break](../pictures/{page.picture}.svg) {kind_words}. This is a short break.", "",
        f"![A house](../pictures/house.svg) This break is in {page.place}.", "",
        "## About this break", "", *[x for _ in range(5) for x in (easy_read_row(rng, page), "")],
        "## Who can go", "", "![People together](../pictures/people.svg) These people can go:", "",
        f"- {page.group[1].capitalize()}", f"- People who live in {page.place}", "- People who need help each day", "",
        "## What you can do", "", *[x for _ in range(5) for x in (easy_read_row(rng, page), "")],
        "## How to ask", "",
        "![A phone](../pictures/phone.svg) Phone the council. Say you want a short break.", "",
        "![A question mark](../pictures/question.svg) Someone will ask what you need.", "",
        f"![A tick](../pictures/tick.svg) You can read about [{other.title}]({other.name}.md) too.", "",
    ]
    text = "\n".join(lines) + "\n"
    more = ["## More to know", ""]
    rows = iter(rng.sample(EASY_ROWS, len(EASY_ROWS)) * 3)
    while len(text) + sum(len(m) + 1 for m in more) < target:
        more += [easy_read_row(rng, page, next(rows)), ""]
    return text + "\n".join(more) + "\n"


def site_yml(pages):
    nav = "".join(f"  - page: pages/{p.name}.md\n    label: {p.kind[0]} in {p.place}\n" for p in pages[:8])
    return ("title: Short Breaks Benchmark\nlanguage: en-GB\nurl: https://breaks.example.org\ncontact:\n"
            '  phone: "0116 496 0000"\n  email: shortbreaks@example.org\n  hours: Monday to Friday, 9am to 5pm\n'
            f"navigation:\n{nav}words: [{', '.join(PLACES)}, Signpost, NHS, Shared Lives, overnight]\n")


def home_pages(pages):
    links = "\n".join(f"- [{p.title}](pages/{p.name}.md)" for p in pages[:8])
    home = ("---\ntitle: Short Breaks Benchmark\nsummary: Clear information about short breaks for people with a learning "
            "disability and the families who care for them.\npicture: pictures/house.svg\norder: 0\n"
            f"updated: {TODAY.isoformat()}\n---\n"
            "Caring for someone you love can be tiring, even when you would not want it any other way. A short break "
            "gives you time to rest, and gives the person you care for time to do something they enjoy with someone "
            "else.\n\nThis site explains what short breaks there are, who can get one, what they cost and how to ask. "
            "Every page has an easy read version.\n\n## Start here\n\n" + links + "\n\nIf you cannot find what you need, "
            "phone us on 0116 496 0000 or email [shortbreaks@example.org](mailto:shortbreaks@example.org).\n")
    easy = ("---\ntitle: Short breaks\nsummary: Easy read information about short breaks.\nformat: easy-read\n"
            f"easy_read_of: index.md\npicture: ../pictures/house.svg\norder: 0\nupdated: {TODAY.isoformat()}\n---\n"
            "![People together](../pictures/people.svg) Some families look after a person with a learning "
            "disability. The family members are carers.\n\n![A sun](../pictures/sun.svg) Carers need time to rest. "
            "A short break gives them this time.\n\n![A phone](../pictures/phone.svg) You can phone us on "
            "0116 496 0000. We can help you.\n")
    return home, easy


def make_content(folder, standard_count, seed=1):
    """Writes a Signpost content folder with `standard_count` standard pages, each with an easy-read twin, and the home
    pair. Returns (pages written, bytes of Markdown, the standard pages)."""
    rng = random.Random(seed)
    folder = pathlib.Path(folder)
    for sub in ("pages", "easy-read", "pictures"):
        (folder / sub).mkdir(parents=True, exist_ok=True)
    for name, body in PICTURES.items():
        (folder / "pictures" / f"{name}.svg").write_text(
            f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100" width="100" height="100">{body}</svg>\n',
            encoding="utf-8")
    pages = [Page(i, rng) for i in range(standard_count)]
    size = 0
    for page in pages:
        for sub, text in (("pages", standard_page(page, pages, rng)), ("easy-read", easy_read_page(page, pages, rng))):
            data = text.encode("utf-8")
            (folder / sub / f"{page.name}.md").write_bytes(data)
            size += len(data)
    home, easy = home_pages(pages)
    (folder / "index.md").write_text(home, encoding="utf-8")
    (folder / "easy-read" / "index.md").write_text(easy, encoding="utf-8")
    (folder / "site.yml").write_text(site_yml(pages), encoding="utf-8")
    (folder / "glossary.yml").write_text(GLOSSARY, encoding="utf-8")
    return 2 * standard_count + 2, size + len(home) + len(easy), pages


HUGO_BASEOF = """<!DOCTYPE html>
<html lang="{{ .Site.LanguageCode }}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ .Title }} – {{ .Site.Title }}</title>
<meta name="description" content="{{ .Params.summary }}">
<link rel="stylesheet" href="{{ "site.css" | relURL }}">
</head>
<body{{ if eq .Params.format "easy-read" }} class="easy-read"{{ end }}>
<a class="skip-link" href="#main">Skip to main content</a>
{{ partial "header.html" . }}
<main id="main" class="wrapper" tabindex="-1">
{{ with .Params.easy_read_of }}<p class="twin-link"><a href="{{ printf "/%s/" (strings.TrimSuffix ".md" .) | relURL }}">Standard version</a></p>{{ end }}
<div class="page-heading">
{{ with .Params.picture }}<img class="page-heading__picture" src="{{ printf "/pictures/%s" (path.Base .) | relURL }}" alt="" width="96" height="96">{{ end }}
<h1>{{ .Title }}</h1>
</div>
<p class="lead">{{ .Params.summary }}</p>
{{ block "main" . }}{{ end }}
{{ with .Params.updated }}<p class="updated">Last updated <time datetime="{{ . }}">{{ . }}</time></p>{{ end }}
</main>
{{ partial "footer.html" . }}
</body>
</html>
"""

HUGO_MAIN = """{{ define "main" }}<div class="prose{{ if eq .Params.format "easy-read" }} prose--easy-read{{ end }}">
{{ .Content }}
</div>{{ end }}
"""

HUGO_HEADER = """<header class="site-header">
  <div class="wrapper"><a class="site-header__title" href="{{ "/" | relURL }}">{{ .Site.Title }}</a></div>
  {{ partial "nav.html" . }}
</header>
"""

HUGO_NAV = """{{ $current := . }}<nav class="site-nav" aria-label="Main">
  <ul class="wrapper site-nav__list">
    {{ range .Site.Menus.main }}<li><a href="{{ .URL | relURL }}"{{ if $current.IsMenuCurrent "main" . }} aria-current="page"{{ end }}>{{ .Name }}</a></li>
    {{ end }}
  </ul>
</nav>
"""

HUGO_FOOTER = """<footer class="site-footer">
  <div class="wrapper">
    <h2 class="site-footer__heading">Contact us</h2>
    <ul class="site-footer__contact">
      {{ with .Site.Params.contact }}<li>Phone: <a href="tel:{{ replace .phone " " "" }}">{{ .phone }}</a></li>
      <li>Email: <a href="mailto:{{ .email }}">{{ .email }}</a></li>
      <li>{{ .hours }}</li>{{ end }}
    </ul>
    <p class="site-footer__formats"><strong>Ask for this in another format.</strong> We can give you this information in easy read, large print, audio, Braille, British Sign Language or another language. Phone or email us.</p>
  </div>
</footer>
"""

# Links are written to Markdown files, as Signpost wants them; this hook turns them into page addresses.
HUGO_LINK = """{{- $d := .Destination -}}
{{- if strings.HasSuffix $d ".md" -}}{{- $d = printf "../%s/" (strings.TrimSuffix ".md" (path.Base $d)) -}}{{- end -}}
<a href="{{ $d | safeURL }}">{{ .Text | safeHTML }}</a>"""


def make_hugo_site(folder, content, pages):
    """The same Markdown as a Hugo site. `index.md` files become `_index.md` (Hugo's home and section pages; an
    `index.md` would make its folder one page with every other file as a resource)."""
    folder, content = pathlib.Path(folder), pathlib.Path(content)
    shutil.copytree(content / "pages", folder / "content/pages")
    shutil.copytree(content / "easy-read", folder / "content/easy-read")
    (folder / "content/easy-read/index.md").rename(folder / "content/easy-read/_index.md")
    shutil.copy(content / "index.md", folder / "content/_index.md")
    shutil.copytree(content / "pictures", folder / "static/pictures")
    shutil.copy(ROOT / "Themes/default/assets/site.css", folder / "static/site.css")
    layouts = folder / "layouts"
    for path, text in {"_default/baseof.html": HUGO_BASEOF, "_default/single.html": HUGO_MAIN,
                       "_default/list.html": HUGO_MAIN, "partials/header.html": HUGO_HEADER,
                       "partials/nav.html": HUGO_NAV, "partials/footer.html": HUGO_FOOTER,
                       "_default/_markup/render-link.html": HUGO_LINK}.items():
        (layouts / path).parent.mkdir(parents=True, exist_ok=True)
        (layouts / path).write_text(text, encoding="utf-8")
    menu = "".join(f'[[menu.main]]\nname = "{p.kind[0]} in {p.place}"\npageRef = "/pages/{p.name}"\nweight = {i}\n'
                   for i, p in enumerate(pages[:8]))
    (folder / "hugo.toml").write_text(
        'title = "Short Breaks Benchmark"\nbaseURL = "https://breaks.example.org/"\nlanguageCode = "en-GB"\n'
        'disableKinds = ["taxonomy", "term", "RSS"]\n[params.contact]\nphone = "0116 496 0000"\n'
        'email = "shortbreaks@example.org"\nhours = "Monday to Friday, 9am to 5pm"\n' + menu, encoding="utf-8")
