"""Easy-read pages follow the UK conventions in the browser: large, plain, left-aligned text, picture before words."""
import os
import pathlib
import re

import yaml

from conftest import ROOT, pages, set_width, url_path

TEXT_STYLES = """
return [...document.querySelectorAll('main p, main li, main h2, main h3')].filter(el => el.textContent.trim())
  .map(el => { const s = getComputedStyle(el);
    return {text: el.textContent.trim().slice(0, 40), size: parseFloat(s.fontSize), style: s.fontStyle,
            align: s.textAlign, hyphens: s.hyphens || s.webkitHyphens}; });
"""

PICTURE_ORDER = """
return [...document.querySelectorAll('.picture-row')].map(row => {
  const picture = row.querySelector('.picture-row__picture'), words = row.querySelector('.picture-row__words');
  if (!picture || !words) return 'missing part';
  const before = picture.compareDocumentPosition(words) & Node.DOCUMENT_POSITION_FOLLOWING;
  const p = picture.getBoundingClientRect(), w = words.getBoundingClientRect();
  return {before: !!before, left: p.right <= w.left + 1, above: p.bottom <= w.top + 1};
});
"""


def test_every_easy_read_page_is_marked_as_one(site):
    """The tests below look only at pages marked easy read, so every easy-read source file must give one such page."""
    content = pathlib.Path(os.environ.get("CONTENT", ROOT / "Content"))
    sources = []
    for path in content.rglob("*.md"):
        parts = path.read_text(encoding="utf-8").split("---\n", 2)
        if len(parts) == 3 and (yaml.safe_load(parts[1]) or {}).get("format") == "easy-read":
            sources.append(path)
    # Easy-read question guides (`guides/*.yml`) are not .md files; test_guides.py covers their pages.
    marked = [p for p in pages(site) if "/guides/" not in "/" + p
              and re.search(r'<body[^>]*class="[^"]*\beasy-read\b', (site / p).read_text(encoding="utf-8"))]
    assert len(marked) == len(sources), f"{len(sources)} easy-read files in {content}, but pages marked easy read: {marked}"


def test_easy_read_text_is_large_plain_and_left_aligned(browser, server, page):
    browser.get(server.base + url_path(page))
    if not browser.execute_script("return document.body.classList.contains('easy-read')"):
        return
    styles = browser.execute_script(TEXT_STYLES)
    assert styles, f"{page}: an easy-read page with no text in main"
    for style in styles:
        assert style["size"] >= 21, f"{page}: {style['text']!r} is {style['size']}px"
        assert style["style"] != "italic", f"{page}: {style['text']!r} is italic"
        assert style["align"] not in ("justify", "center"), f"{page}: {style['text']!r} is {style['align']}"
        assert style["hyphens"] != "auto", f"{page}: {style['text']!r} is hyphenated"


def test_pictures_come_before_their_words(browser, server, page):
    set_width(browser, 1280, 900)
    browser.get(server.base + url_path(page))
    rows = browser.execute_script(PICTURE_ORDER)
    if browser.execute_script("return document.body.classList.contains('easy-read')"):
        assert rows, f"{page}: an easy-read page with no pictures beside its words"
    for row in rows:
        assert row != "missing part", f"{page}: a picture row is missing its picture or words"
        assert row["before"], f"{page}: a picture comes after its words in reading order"
        assert row["left"], f"{page}: a picture is not on the left of its words on a wide screen"
    set_width(browser, 320, 640)
    browser.get(server.base + url_path(page))
    for row in browser.execute_script(PICTURE_ORDER):
        assert row["above"], f"{page}: on a narrow screen a picture is not above its words"
