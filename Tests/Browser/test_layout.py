"""Pages fit a 320 pixel wide screen, and text at 200% size is never cut off or on top of other text."""
from conftest import set_width, url_path

# clientWidth, not innerWidth: with a phone's viewport a page wider than the screen widens innerWidth with it.
NO_SIDEWAYS_SCROLL = "return [document.documentElement.scrollWidth, document.documentElement.clientWidth]"

# Elements whose own text is cut off by their box, or whose text boxes overlap another's.
TEXT_PROBLEMS = """
const blocks = [...document.querySelectorAll('body *')].filter(el => {
  const style = getComputedStyle(el);
  if (style.display === 'none' || style.visibility === 'hidden' || el.closest('.visually-hidden, .skip-link')) return false;
  return [...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim());
});
const problems = [];
for (const el of blocks) {
  const style = getComputedStyle(el);
  const clips = /(hidden|clip)/.test(style.overflowX + style.overflowY);
  if (clips && (el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1)) {
    problems.push('cut off: ' + el.tagName + ' ' + el.textContent.trim().slice(0, 40));
  }
}
function textRects(el) {
  const range = document.createRange();
  const rects = [];
  for (const n of el.childNodes) {
    if (n.nodeType !== 3 || !n.textContent.trim()) continue;
    range.selectNodeContents(n);
    for (const r of range.getClientRects()) if (r.width > 1 && r.height > 1) rects.push(r);
  }
  return rects;
}
const boxes = blocks.map(el => [el, textRects(el)]);
for (let i = 0; i < boxes.length; i++) {
  for (let j = i + 1; j < boxes.length; j++) {
    const [a, ra] = boxes[i], [b, rb] = boxes[j];
    if (a.contains(b) || b.contains(a)) continue;
    for (const p of ra) for (const q of rb) {
      const w = Math.min(p.right, q.right) - Math.max(p.left, q.left);
      const h = Math.min(p.bottom, q.bottom) - Math.max(p.top, q.top);
      if (w > 2 && h > 2) problems.push('overlap: "' + a.textContent.trim().slice(0, 30) + '" and "' + b.textContent.trim().slice(0, 30) + '"');
    }
  }
}
return [...new Set(problems)].slice(0, 10);
"""


def test_no_sideways_scrolling_at_320_pixels(browser, server, page):
    set_width(browser, 320, 640)
    browser.get(server.base + url_path(page))
    scroll_width, inner_width = browser.execute_script(NO_SIDEWAYS_SCROLL)
    assert scroll_width <= inner_width, f"{page} is {scroll_width}px wide in a {inner_width}px window"


def test_no_sideways_scrolling_at_320_pixels_with_a_classic_scroll_bar(browser, server, page):
    # WCAG 1.4.10 is tested on a desktop browser zoomed to 400%: 320 CSS pixels, of which a classic scroll bar takes
    # 15, and no phone viewport rules. The browser here hides scroll bars, so the page gets the 305 pixels left.
    browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                            {"width": 305, "height": 640, "deviceScaleFactor": 1, "mobile": False})
    browser.get(server.base + url_path(page))
    scroll_width, inner_width = browser.execute_script(NO_SIDEWAYS_SCROLL)
    assert inner_width == 305
    assert scroll_width <= inner_width, f"{page} is {scroll_width}px wide in the {inner_width}px a scroll bar leaves"


def test_text_at_200_percent_is_not_cut_off_or_overlapping(browser, server, page):
    set_width(browser, 1280, 900)
    browser.get(server.base + url_path(page))
    # Text-only zoom, as a browser's "make text bigger" setting does: the theme sizes everything in rem.
    browser.execute_script("document.documentElement.style.fontSize = '200%'")
    problems = browser.execute_script(TEXT_PROBLEMS)
    assert problems == [], f"{page}: {problems}"
    scroll_width, inner_width = browser.execute_script(NO_SIDEWAYS_SCROLL)
    assert scroll_width <= inner_width, f"{page} scrolls sideways at 200% text"


# WCAG 1.4.12's text spacing, as the W3C's bookmarklet sets it: every element, overriding the theme.
TEXT_SPACING = """
const style = document.createElement('style');
style.id = 'text-spacing';
style.textContent = '* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }'
  + ' p { margin-bottom: 2em !important; }';
document.head.appendChild(style);
"""


def test_a_phone_with_text_at_200_percent_or_wide_text_spacing_does_not_scroll_sideways(browser, server, page):
    # A phone 390 pixels wide whose owner has made text twice as big, then a 320 pixel screen with text spacing.
    set_width(browser, 390, 844)
    browser.get(server.base + url_path(page))
    browser.execute_script("document.documentElement.style.fontSize = '200%'")
    scroll_width, inner_width = browser.execute_script(NO_SIDEWAYS_SCROLL)
    assert scroll_width <= inner_width, f"{page} is {scroll_width}px wide at 200% text in a {inner_width}px phone"
    set_width(browser, 320, 640)
    browser.execute_script("document.documentElement.style.fontSize = ''")
    browser.execute_script(TEXT_SPACING)
    scroll_width, inner_width = browser.execute_script(NO_SIDEWAYS_SCROLL)
    assert scroll_width <= inner_width, f"{page} is {scroll_width}px wide with text spacing at {inner_width}px"
    problems = browser.execute_script(TEXT_PROBLEMS)
    assert problems == [], f"{page} with text spacing: {problems}"


def test_arrows_drawn_beside_links_are_not_read_aloud(browser, server):
    """An arrow the theme draws beside a link is for the eye: a screen reader reads the link's words alone, not
    "right arrow Easy read version"."""
    from conftest import accessible
    set_width(browser, 1280, 900)
    checked = 0
    for path, selector in (("/short-breaks/", ".twin-link a"), ("/guides/can-i-get-a-short-break/", "a.guide-start"),
                           ("/guides/can-i-get-a-short-break/carer-effects--2-3.html", ".guide-answer")):
        browser.get(server.base + path)
        if not browser.find_elements("css selector", selector):
            continue
        name = accessible(browser, selector)["name"]
        assert name and "\u2192" not in name and "arrow" not in name.lower(), f"{path} {selector}: {name!r}"
        checked += 1
    assert checked == 3, "a page or link this test reads has gone: update its list"
