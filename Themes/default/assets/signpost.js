/* Signpost: small extras for browsers with JavaScript. Every page works without it.
 * 1. Opened from disk (file://), links to folders go to their index.html.
 * 2. On the services listing: search as you type, filters, a live count, and the state kept in the address. */
(function () {
  'use strict';

  // 1. Links from disk.
  if (window.location.protocol === 'file:') {
    document.addEventListener('click', function (event) {
      var link = event.target.closest ? event.target.closest('a[href]') : null;
      if (!link || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey) return;
      var href = link.getAttribute('href');
      if (!href || /^[a-z]+:/i.test(href) || href.charAt(0) === '#') return;
      var parts = href.split('#');
      if (parts[0] === '' || !/\/$/.test(parts[0]) && parts[0] !== '.' && parts[0] !== '..') return;
      event.preventDefault();
      var target = parts[0].replace(/\/?$/, '/') + 'index.html' + (parts[1] ? '#' + parts[1] : '');
      window.location.href = new URL(target, window.location.href).href;
    });
  }

  // 2. Search.
  var Search = {};

  // The tokeniser, the same rules as SearchTokens.swift, which made the index (tested with one table on both sides):
  // lowercase; accents off Latin letters; ß → ss; apostrophes join their word; a word is a run of letters, marks and
  // digits in any script, so Urdu, Gurmukhi and Gujarati words stay whole.
  Search.normalise = function (text) {
    return String(text).toLowerCase().normalize('NFD').replace(/[\u0300-\u036f'\u2019]/g, '')
      .replace(/\u00df/g, 'ss').normalize('NFC');
  };

  Search.words = function (text) {
    return Search.normalise(text).match(/[\p{L}\p{M}\p{N}]+/gu) || [];
  };

  // A word's stem (assets/stemmer.js, the Snowball English stemmer, as EnglishStemming.swift made the index's words):
  // "nursing" and "nurse" are both "nurs". Each word is stemmed once. A theme without stemmer.js searches unstemmed.
  Search.stems = new Map();
  Search.stem = function (word) {
    var stem = Search.stems.get(word);
    if (stem === undefined) {
      stem = window.SignpostStem ? window.SignpostStem(word) : word;
      Search.stems.set(word, stem);
    }
    return stem;
  };

  // Endings a word being typed may be on its way to: "nursi" may become "nursing", whose stem "nurs" is in the index
  // though "nursi" starts no stem. Each ending a word could be part way through is finished and stemmed.
  Search.endings = ['ing', 'ings', 'ed', 'er', 'ers', 'es', 'ly', 'ness', 'ment', 'ments', 'ation', 'ations', 'ies'];
  Search.finishings = function (word) {
    var found = [];
    Search.endings.forEach(function (ending) {
      for (var k = 1; k < ending.length; k++) {
        var part = ending.slice(0, k);
        if (word.length > part.length + 1 && word.slice(-part.length) === part) {
          var stem = Search.stem(word + ending.slice(k));
          if (found.indexOf(stem) < 0) found.push(stem);
        }
      }
    });
    return found;
  };

  // How many letters may be wrong: none for words of 4 letters or fewer, 1 for 5 to 7 letters, 2 for longer.
  Search.allowedEdits = function (word) {
    return word.length >= 8 ? 2 : word.length >= 5 ? 1 : 0;
  };

  // Levenshtein distance, giving up once it is over `max`.
  Search.withinEdits = function (a, b, max) {
    if (Math.abs(a.length - b.length) > max) return false;
    var previous = [], current = [], i, j;
    for (j = 0; j <= b.length; j++) previous[j] = j;
    for (i = 1; i <= a.length; i++) {
      current = [i];
      var best = i;
      for (j = 1; j <= b.length; j++) {
        var cost = a.charAt(i - 1) === b.charAt(j - 1) ? 0 : 1;
        current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
        if (current[j] < best) best = current[j];
      }
      if (best > max) return false;
      previous = current;
    }
    return previous[b.length] <= max;
  };

  // The query as groups of alternatives: each alternative is a list of words that must all match.
  // "respite in rutland" → [[["respite"], ["short", "break"], ["short", "breaks"]], [["in"]], [["rutland"]]].
  Search.expand = function (query, synonyms) {
    var words = Search.words(query);
    var phrases = [];
    (synonyms || []).forEach(function (group) {
      var tokens = group.map(Search.words).filter(function (t) { return t.length; });
      tokens.forEach(function (t) { phrases.push({ words: t, group: tokens }); });
    });
    phrases.sort(function (a, b) { return b.words.length - a.words.length; });
    var groups = [], i = 0;
    while (i < words.length) {
      var found = null;
      for (var p = 0; p < phrases.length && !found; p++) {
        var phrase = phrases[p].words;
        if (phrase.length && phrase.every(function (w, k) {
          return i + k < words.length && Search.stem(words[i + k]) === Search.stem(w);
        })) found = phrases[p];
      }
      if (found) {
        groups.push(found.group);
        i += found.words.length;
      } else {
        groups.push([[words[i]]]);
        i += 1;
      }
    }
    return groups.filter(function (g) { return !Search.stopWords[g[0].join(' ')] || groups.length === 1; });
  };

  Search.stopWords = { a: 1, an: 1, and: 1, the: 1, of: 1, in: 1, for: 1, to: 1, with: 1, or: 1, my: 1, me: 1, near: 1 };

  // BM25's constants: how fast a second mention stops counting, and how much a long field is discounted.
  Search.k1 = 1.2;
  Search.b = 0.75;

  // The index turned round once, on first use: each distinct word, with the services and fields it is in, how many
  // services have it (for its rarity) and each field's length (for BM25's length discount).
  Search.prepare = function (index) {
    if (index._vocabulary) return;
    var postings = new Map(), fieldCount = index.weights.length;
    var lengths = [], totals = new Float64Array(fieldCount);
    index.services.forEach(function (service, s) {
      var serviceLengths = new Uint16Array(fieldCount);
      service.words.forEach(function (fieldWords, f) {
        serviceLengths[f] = fieldWords.length;
        totals[f] += fieldWords.length;
        fieldWords.forEach(function (word) {
          var list = postings.get(word);
          if (!list) { list = { entries: [], services: 0, last: -1 }; postings.set(word, list); }
          list.entries.push(s, f);
          if (list.last !== s) { list.services += 1; list.last = s; }
        });
      });
      lengths.push(serviceLengths);
    });
    var count = Math.max(1, index.services.length);
    index._average = Array.prototype.map.call(totals, function (t) { return Math.max(1, t / count); });
    index._lengths = lengths;
    index._postings = postings;
    index._vocabulary = Array.from(postings.keys());
  };

  // How rare a word is: BM25's inverse document frequency. A word in every service counts for little.
  Search.rarity = function (index, list) {
    var n = index.services.length;
    return Math.log(1 + (n - list.services + 0.5) / (list.services + 0.5));
  };

  // The stems of the index a query word matches, with how well: 1 the word's own stem ("sitters" is "sitter"); for
  // the last word of the query, which may be unfinished, 0.8 for a stem the word as typed starts ("holid" →
  // "holiday") or the stem of the word finished ("nursi" → "nursing" → "nurs"); and only when nothing matches so,
  // 0.5 for a near miss of the stem, allowing as many wrong letters as the word as typed is long enough for.
  Search.matches = function (index, query, prefix) {
    var found = [], vocabulary = index._vocabulary, postings = index._postings, v;
    var stem = Search.stem(query), seen = Object.create(null);
    var add = function (word, weight) {
      if (!seen[word]) { seen[word] = 1; found.push([word, weight]); }
    };
    if (postings.has(stem)) add(stem, 1);
    if (prefix && query.length >= 2) {
      for (v = 0; v < vocabulary.length; v++) {
        if (vocabulary[v].lastIndexOf(query, 0) === 0) add(vocabulary[v], 0.8);
      }
      Search.finishings(query).forEach(function (finished) { if (postings.has(finished)) add(finished, 0.8); });
    }
    var edits = Search.allowedEdits(query);
    if (found.length || edits === 0) return found;
    for (v = 0; v < vocabulary.length; v++) {
      if (Search.withinEdits(stem, vocabulary[v], edits)) add(vocabulary[v], 0.5);
    }
    return found;
  };

  // For one query word: each service's best score, over the words it matches and the fields they are in.
  Search.wordScores = function (index, query, prefix) {
    var best = new Float64Array(index.services.length);
    var weights = index.weights, k1 = Search.k1, b = Search.b;
    Search.matches(index, query, prefix).forEach(function (match) {
      var list = index._postings.get(match[0]), rarity = Search.rarity(index, list) * match[1], entries = list.entries;
      for (var p = 0; p < entries.length; p += 2) {
        var s = entries[p], f = entries[p + 1];
        var norm = (k1 + 1) / (1 + k1 * (1 - b + b * index._lengths[s][f] / index._average[f]));
        var score = rarity * weights[f] * norm;
        if (score > best[s]) best[s] = score;
      }
    });
    return best;
  };

  // Every service's score for the query: for each group, the best of its alternatives, where an alternative needs
  // all its words and scores their sum. Every group must match. 0 means the service does not match.
  Search.scores = function (index, groups) {
    Search.prepare(index);
    var count = index.services.length, total = new Float64Array(count), cache = {};
    for (var g = 0; g < groups.length; g++) {
      var last = g === groups.length - 1;
      var groupBest = new Float64Array(count);
      groups[g].forEach(function (alternative) {
        var sum = new Float64Array(count), alive = new Uint8Array(count).fill(1);
        alternative.forEach(function (word, a) {
          var prefix = last && a === alternative.length - 1;
          var key = word + (prefix ? '\u0001' : '');
          var scores = cache[key] || (cache[key] = Search.wordScores(index, word, prefix));
          for (var s = 0; s < count; s++) {
            if (scores[s] === 0) alive[s] = 0; else sum[s] += scores[s];
          }
        });
        for (var s = 0; s < count; s++) {
          if (alive[s] && sum[s] > groupBest[s]) groupBest[s] = sum[s];
        }
      });
      for (var s = 0; s < count; s++) total[s] = groupBest[s] === 0 || (g > 0 && total[s] === 0) ? 0 : total[s] + groupBest[s];
    }
    return total;
  };

  // Services that match the query and the filters, best first: OR inside a filter group, AND across groups. The
  // last word always matches the start of words, so typing, Enter, a filter and a shared address agree.
  Search.run = function (index, query, filters) {
    var groups = Search.expand(query, index.synonyms);
    var types = (filters && filters.type) || [], areas = (filters && filters.area) || [];
    var scores = groups.length ? Search.scores(index, groups) : null;
    var results = [];
    index.services.forEach(function (service, s) {
      if (types.length && !types.some(function (t) { return service.types.indexOf(t) >= 0; })) return;
      if (areas.length && !areas.some(function (a) { return service.areas.indexOf(a) >= 0; })) return;
      var score = scores ? scores[s] : 1;
      if (score > 0) results.push({ service: service, score: score });
    });
    results.sort(function (a, b) { return b.score - a.score || a.service.name.localeCompare(b.service.name); });
    return results.map(function (r) { return r.service; });
  };

  window.SignpostSearch = Search;

  var index = window.SIGNPOST_SEARCH;
  var root = document.querySelector('[data-directory]');
  if (!index || !root) return;
  var form = root.querySelector('[data-search-form]');
  var input = form.querySelector('input[name="q"]');
  var list = root.querySelector('[data-results]');
  var count = root.querySelector('[data-count]');
  var heading = document.getElementById('results-heading');
  form.hidden = false;
  // With search working, the results come straight after the search box and the browse lists follow them (without
  // JavaScript there is no search box, and the browse lists come first).
  var browse = root.querySelector('.browse');
  if (browse) root.appendChild(browse);

  function checked(name) {
    return Array.prototype.slice.call(form.querySelectorAll('input[name="' + name + '"]:checked')).map(function (box) { return box.value; });
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function card(service) {
    var item = element('li', 'service-card');
    if (service.picture) {
      var picture = element('img', 'service-card__picture');
      picture.src = service.picture; picture.alt = ''; picture.width = 72; picture.height = 72;
      item.appendChild(picture);
    }
    var words = element('div', 'service-card__words');
    var title = element('h3', 'service-card__name');
    var link = element('a', '', service.name);
    link.href = service.href;
    title.appendChild(link);
    words.appendChild(title);
    words.appendChild(element('p', '', service.summary));
    var badges = element('p', 'service-card__badges');
    if (service.overnight) { badges.appendChild(element('span', 'badge', 'Overnight')); badges.appendChild(document.createTextNode(' ')); }
    if (service.emergency) badges.appendChild(element('span', 'badge badge--urgent', '24 hours'));
    words.appendChild(badges);
    var facts = element('dl', 'service-card__facts');
    [['Kind', service.typeLabels.join(', ')], ['Area', service.areas.join(', ')], ['Cost', service.cost]].forEach(function (pair) {
      var row = element('div');
      row.appendChild(element('dt', '', pair[0]));
      row.appendChild(element('dd', '', pair[1]));
      facts.appendChild(row);
    });
    words.appendChild(facts);
    item.appendChild(words);
    return item;
  }

  // Results are shown 50 at a time, so 10,000 matching services do not freeze a phone.
  Search.pageSize = 50;
  var more = element('button', 'button button--secondary', 'Show more');
  more.type = 'button';
  more.hidden = true;
  more.setAttribute('data-show-more', '');
  list.parentNode.insertBefore(more, list.nextSibling);
  var shown = [], shownCount = 0, announceTimer = null;

  function showNext() {
    var first = null;
    shown.slice(shownCount, shownCount + Search.pageSize).forEach(function (service) {
      var item = card(service);
      if (!first) first = item;
      list.appendChild(item);
    });
    shownCount = Math.min(shown.length, shownCount + Search.pageSize);
    more.hidden = shownCount >= shown.length;
    more.textContent = 'Show more (' + (shown.length - shownCount) + ' more)';
    return first;
  }

  more.addEventListener('click', function () {
    var first = showNext();
    // Keyboard and screen-reader users go on from the first new result.
    var link = first && first.querySelector('a');
    if (link) link.focus();
  });

  // The count is announced (role="status") once typing pauses for half a second, not after every key.
  function announce(text, wait) {
    clearTimeout(announceTimer);
    if (!wait) { count.textContent = text; return; }
    announceTimer = setTimeout(function () { count.textContent = text; }, 500);
  }

  function update(typing) {
    var query = input.value, filters = { type: checked('type'), area: checked('area') };
    shown = Search.run(index, query, filters);
    shownCount = 0;
    list.textContent = '';
    showNext();
    var searching = query.trim() || filters.type.length || filters.area.length;
    heading.textContent = searching ? 'Results' : 'All services';
    announce(shown.length === 0 ? 'No services found. Try other words, or fewer filters.'
      : shown.length + (shown.length === 1 ? ' service' : ' services') + (searching ? ' found' : ''), typing);
    var params = new URLSearchParams();
    if (query.trim()) params.set('q', query.trim());
    filters.type.forEach(function (t) { params.append('type', t); });
    filters.area.forEach(function (a) { params.append('area', a); });
    var address = window.location.pathname + (params.toString() ? '?' + params.toString() : '') + window.location.hash;
    try { window.history.replaceState(null, '', address); } catch (e) { /* some file:// pages refuse; the search still works */ }
  }

  // Start from the address, so a shared or reloaded link shows the same results.
  var start = new URLSearchParams(window.location.search);
  input.value = start.get('q') || '';
  start.getAll('type').forEach(function (t) { var box = form.querySelector('input[name="type"][value="' + CSS.escape(t) + '"]'); if (box) box.checked = true; });
  start.getAll('area').forEach(function (a) {
    Array.prototype.forEach.call(form.querySelectorAll('input[name="area"]'), function (box) {
      if (box.value.toLowerCase() === a.toLowerCase()) box.checked = true;
    });
  });

  var timer = null;
  input.addEventListener('input', function () { clearTimeout(timer); timer = setTimeout(function () { update(true); }, 120); });
  form.addEventListener('change', function (event) { if (event.target !== input) update(false); });
  form.addEventListener('submit', function (event) { event.preventDefault(); update(false); });
  form.addEventListener('reset', function () { setTimeout(function () { update(false); }, 0); });
  if (start.toString()) update(false);
})();
