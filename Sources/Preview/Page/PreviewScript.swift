/// The script added to every page while serving, and only then: live reload keeping the scroll position, the error
/// overlay, and the findings marked on the page with their panel. Served at `/__signpost/preview.js`.
enum PreviewScript {
    static let text = #"""
(function () {
  "use strict";
  var dataElement = document.getElementById("signpost-preview");
  var data = dataElement ? JSON.parse(dataElement.textContent) : { site: 0, findings: [] };
  var scrollKey = "signpost-preview-scroll:" + location.pathname;
  var shownKey = "signpost-preview-findings-shown";
  var foldedKey = "signpost-preview-findings-folded";

  function element(name, attributes, text) {
    var made = document.createElement(name);
    Object.keys(attributes || {}).forEach(function (key) { made.setAttribute(key, attributes[key]); });
    if (text !== undefined) made.textContent = text;
    return made;
  }

  // Live reload: the scroll position is kept for the same address across the reload.
  function reload() {
    try { sessionStorage.setItem(scrollKey, JSON.stringify({ x: window.scrollX, y: window.scrollY })); } catch (e) {}
    location.reload();
  }

  function restoreScroll() {
    var saved = null;
    try { saved = sessionStorage.getItem(scrollKey); sessionStorage.removeItem(scrollKey); } catch (e) {}
    if (!saved) return;
    var place = JSON.parse(saved);
    if ("scrollRestoration" in history) history.scrollRestoration = "manual";
    window.scrollTo(place.x, place.y);
  }

  // The error overlay: every error that stopped the build, in the words the terminal printed.
  // While it shows, the rest of the page is inert, so Tab stays in it; when it goes, the focus goes back to where it
  // was (or to the page's main part), never left on nothing.
  var focusBeforeErrors = null;

  function setPageInert(inert, except) {
    Array.prototype.forEach.call(document.body.children, function (child) {
      if (child === except || child.tagName === "SCRIPT") return;
      if (inert) child.setAttribute("inert", ""); else child.removeAttribute("inert");
    });
  }

  function hideErrors() {
    var old = document.getElementById("signpost-errors");
    if (!old) return;
    var hadFocus = old.contains(document.activeElement);
    old.remove();
    setPageInert(false);
    if (!hadFocus) return;
    var back = focusBeforeErrors && document.contains(focusBeforeErrors) && focusBeforeErrors !== document.body
      ? focusBeforeErrors : document.querySelector("main") || document.body;
    if (back !== document.body && !back.hasAttribute("tabindex") && back.tabIndex < 0) back.setAttribute("tabindex", "-1");
    back.focus();
  }

  function showErrors(errors) {
    var open = document.getElementById("signpost-errors");
    if (!open) focusBeforeErrors = document.activeElement;
    else open.remove();
    var box = element("div", { id: "signpost-errors", class: "sp-overlay", role: "alertdialog", "aria-modal": "true",
                               "aria-labelledby": "signpost-errors-title", "aria-describedby": "signpost-errors-intro" });
    box.appendChild(element("h2", { id: "signpost-errors-title" }, "The site could not be built"));
    box.appendChild(element("p", { id: "signpost-errors-intro" },
      "You are seeing the page as it was before. Fix " + (errors.length === 1 ? "this problem" : "these problems") +
      " and save again."));
    var list = element("ol", { class: "sp-error-list" });
    errors.forEach(function (error) {
      // The line the terminal printed, with its file, line and column in bold.
      var item = element("li", { class: "sp-error-text" });
      var place = error.file ? error.file + ":" + error.line + ":" + error.column : "";
      if (place && error.text.indexOf(place) === 0) {
        item.appendChild(element("strong", { class: "sp-error-place" }, place));
        item.appendChild(document.createTextNode(error.text.slice(place.length)));
      } else {
        item.textContent = error.text;
      }
      list.appendChild(item);
    });
    box.appendChild(list);
    var dismiss = element("button", { type: "button", class: "sp-button" }, "Dismiss");
    dismiss.addEventListener("click", hideErrors);
    box.addEventListener("keydown", function (event) {
      if (event.key === "Escape") { hideErrors(); return; }
      if (event.key !== "Tab") return;
      // Tab and Shift+Tab go round the overlay's own controls, never out of it to the browser or the page.
      var controls = box.querySelectorAll("button, a[href], [tabindex]:not([tabindex='-1'])");
      var first = controls[0], last = controls[controls.length - 1];
      if (event.shiftKey ? document.activeElement === first : document.activeElement === last) {
        event.preventDefault();
        (event.shiftKey ? last : first).focus();
      }
    });
    box.appendChild(dismiss);
    document.body.appendChild(box);
    setPageInert(true, box);
    dismiss.focus();
  }

  function listen() {
    if (!window.EventSource) return;
    var events = new EventSource("/__signpost/events");
    events.addEventListener("build", function (event) {
      var news = JSON.parse(event.data);
      if (!news.ok) { showErrors(news.errors); return; }
      hideErrors();
      if (news.site !== data.site) reload();
    });
  }

  // Findings in the page: the words each is about are marked with an outline and a numbered marker.
  function textPieces(root) {
    var map = [];
    var text = "";
    var walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
      acceptNode: function (node) {
        return node.parentElement && node.parentElement.closest(".sp-marker, script, style")
          ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT;
      }
    });
    var lastSpace = true;
    for (var node = walker.nextNode(); node; node = walker.nextNode()) {
      for (var offset = 0; offset < node.data.length; offset++) {
        var character = node.data[offset];
        if (/\s/.test(character)) {
          if (lastSpace) continue;
          character = " ";
          lastSpace = true;
        } else {
          lastSpace = false;
        }
        text += character;
        map.push({ node: node, offset: offset });
      }
    }
    return { text: normalise(text), map: map };
  }

  function normalise(text) {
    return text.toLowerCase().replace(/[\u2018\u2019]/g, "'").replace(/[\u201c\u201d]/g, '"')
      .replace(/[\u2013\u2014]/g, "-").replace(/\s+/g, " ");
  }

  // Where `wanted` is in `text` from `start`; a single word must be a whole word, not part of a longer one.
  function search(text, wanted, start, wholeWord) {
    var letter = /[\p{L}\p{N}]/u;
    for (var at = text.indexOf(wanted, start); at >= 0; at = text.indexOf(wanted, at + 1)) {
      if (!wholeWord) return at;
      var before = at > 0 ? text[at - 1] : " ";
      var after = at + wanted.length < text.length ? text[at + wanted.length] : " ";
      if (!letter.test(before) && !letter.test(after)) return at;
    }
    return -1;
  }

  // A message with `words in backticks`, with those words shown as code.
  function withCode(name, className, text) {
    var made = element(name, { class: className });
    text.split("`").forEach(function (part, index) {
      made.appendChild(index % 2 ? element("code", {}, part) : document.createTextNode(part));
    });
    return made;
  }

  function wrap(pieces, finding) {
    var first = null;
    pieces.forEach(function (piece, index) {
      var node = piece.node;
      if (piece.to < node.data.length) node.splitText(piece.to);
      if (piece.from > 0) node = node.splitText(piece.from);
      var mark = element("mark", { class: "sp-finding sp-level-" + finding.level });
      node.parentNode.insertBefore(mark, node);
      mark.appendChild(node);
      if (index === 0) first = mark; else mark.classList.add("sp-finding-more");
    });
    return first;
  }

  function markText(root, finding, from) {
    var found = textPieces(root);
    var wanted = normalise(finding.text).trim();
    if (!wanted) return null;
    var at = search(found.text, wanted, from.at, finding.word);
    if (at < 0) at = search(found.text, wanted, 0, finding.word);
    if (at < 0) return null;
    from.at = at + 1;
    var pieces = [];
    for (var index = at; index < at + wanted.length; index++) {
      var place = found.map[index];
      var last = pieces[pieces.length - 1];
      if (last && last.node === place.node) last.to = place.offset + 1;
      else pieces.push({ node: place.node, from: place.offset, to: place.offset + 1 });
    }
    // Later pieces first, so splitting one text node does not move the places of those before it.
    var marks = pieces.slice().reverse().map(function (piece) { return wrap([piece], finding); });
    marks.slice(0, -1).forEach(function (mark) { mark.classList.add("sp-finding-more"); });
    return marks[marks.length - 1];
  }

  function markPicture(root, finding) {
    var pictures = root.querySelectorAll("img");
    for (var index = 0; index < pictures.length; index++) {
      var picture = pictures[index];
      var name = (picture.getAttribute("src") || "").split("/").pop();
      if (name === finding.picture && !picture.closest(".sp-finding")) {
        var mark = element("mark", { class: "sp-finding sp-finding-picture sp-level-" + finding.level });
        picture.parentNode.insertBefore(mark, picture);
        mark.appendChild(picture);
        return mark;
      }
    }
    return null;
  }

  function markFindings() {
    var root = document.querySelector("main .prose") || document.querySelector("main") || document.body;
    var from = { at: 0 };
    data.findings.forEach(function (finding) {
      var mark = finding.picture ? markPicture(root, finding) : finding.text ? markText(root, finding, from) : null;
      if (!mark) return;
      mark.id = "sp-finding-" + finding.number;
      mark.setAttribute("tabindex", "-1");
      var marker = element("span", { class: "sp-marker" });
      marker.appendChild(element("span", { class: "sp-hidden" }, "Finding "));
      marker.appendChild(document.createTextNode(String(finding.number)));
      mark.insertBefore(marker, mark.firstChild);
      finding.mark = mark;
    });
  }

  function setShown(shown, button) {
    document.documentElement.classList.toggle("sp-findings-off", !shown);
    button.setAttribute("aria-pressed", shown ? "true" : "false");
    try { localStorage.setItem(shownKey, shown ? "1" : "0"); } catch (e) {}
  }

  // On a small screen (a phone, or a desktop zoomed to 400%) the panel sits at the end of the page rather than over
  // it, so it can never cover what has the focus; on a larger one it is fixed in a corner, folds to one small
  // button, and the page keeps room under it so the focus is scrolled clear of it.
  var small = window.matchMedia ? window.matchMedia("(max-width: 40em), (max-height: 40em)") : { matches: false };

  function keepClearOf(panel) {
    var height = small.matches ? 0 : panel.getBoundingClientRect().height + 16;
    document.documentElement.style.scrollPaddingBottom = height ? height + "px" : "";
    document.body.style.paddingBottom = height ? height + "px" : "";
  }

  function setFolded(folded, panel, fold) {
    panel.classList.toggle("sp-panel-folded", folded);
    fold.setAttribute("aria-expanded", folded ? "false" : "true");
    document.getElementById("sp-findings-body").hidden = folded;
    try { localStorage.setItem(foldedKey, folded ? "1" : "0"); } catch (e) {}
    keepClearOf(panel);
  }

  function buildPanel() {
    var count = data.findings.length;
    var panel = element("aside", { id: "sp-findings", class: "sp-panel", "aria-labelledby": "sp-findings-title" });
    var head = element("h2", { class: "sp-panel-head" });
    var fold = element("button", { type: "button", id: "sp-findings-fold", class: "sp-fold", "aria-expanded": "true",
                                   "aria-controls": "sp-findings-body" });
    fold.appendChild(element("span", { id: "sp-findings-title" },
      count === 0 ? "No easy-read findings on this page" :
      count === 1 ? "1 easy-read finding on this page" : count + " easy-read findings on this page"));
    head.appendChild(fold);
    panel.appendChild(head);
    var body = element("div", { id: "sp-findings-body", class: "sp-panel-body" });
    var toggle = element("button", { type: "button", id: "sp-findings-switch", class: "sp-button",
                                      "aria-pressed": "true" }, "Mark findings on the page");
    body.appendChild(toggle);
    var list = element("ol", { id: "sp-findings-list", class: "sp-findings-list" });
    data.findings.forEach(function (finding) {
      var item = element("li");
      var choose = element("button", { type: "button", class: "sp-choice", "data-finding": String(finding.number) });
      choose.appendChild(element("span", { class: "sp-marker", "aria-hidden": "true" }, String(finding.number)));
      choose.appendChild(element("span", { class: "sp-rule" }, (finding.rule || "build") + " (" + finding.level + ")"));
      choose.appendChild(withCode("span", "sp-message", finding.message));
      if (finding.suggestion) choose.appendChild(withCode("span", "sp-suggestion", finding.suggestion));
      if (!finding.mark) {
        choose.appendChild(element("span", { class: "sp-where" },
          finding.text || finding.picture ? "Not found on the page: line " + finding.line + " of " + data.source + "."
                                          : "About the whole page."));
      }
      choose.addEventListener("click", function () {
        var target = finding.mark || document.querySelector("main h1") || document.querySelector("main");
        if (!target) return;
        if (!target.hasAttribute("tabindex")) target.setAttribute("tabindex", "-1");
        target.scrollIntoView({ block: "center" });
        target.focus({ preventScroll: true });
      });
      if (finding.mark) {
        finding.mark.addEventListener("keydown", function (event) {
          if (event.key === "Escape") { event.preventDefault(); choose.focus(); }
        });
      }
      item.appendChild(choose);
      list.appendChild(item);
    });
    body.appendChild(list);
    panel.appendChild(body);
    document.body.appendChild(panel);
    var stored = null, folded = null;
    try { stored = localStorage.getItem(shownKey); folded = localStorage.getItem(foldedKey); } catch (e) {}
    setShown(stored !== "0", toggle);
    setFolded(folded === null ? small.matches : folded === "1", panel, fold);
    toggle.addEventListener("click", function () {
      setShown(toggle.getAttribute("aria-pressed") !== "true", toggle);
    });
    fold.addEventListener("click", function () {
      setFolded(fold.getAttribute("aria-expanded") === "true", panel, fold);
    });
    if (small.addEventListener) small.addEventListener("change", function () { keepClearOf(panel); });
    window.addEventListener("resize", function () { keepClearOf(panel); });
    // A control the panel still covers when it gets the focus is scrolled up above the panel.
    document.addEventListener("focusin", function (event) {
      if (small.matches || panel.contains(event.target) || !event.target.getBoundingClientRect) return;
      var top = panel.getBoundingClientRect().top, box = event.target.getBoundingClientRect();
      if (box.bottom > top - 8 && box.top < window.innerHeight) window.scrollBy(0, box.bottom - top + 16);
    });
  }

  markFindings();
  buildPanel();
  restoreScroll();
  listen();
})();
"""#
}
