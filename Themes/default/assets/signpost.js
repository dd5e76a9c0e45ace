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

  Search.normalise = function (text) {
    return String(text).toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/['\u2019]/g, '');
  };

  Search.words = function (text) {
    return Search.normalise(text).split(/[^a-z0-9]+/).filter(Boolean);
  };

  // How many letters may be wrong: none for short words, 1 for 4 to 7 letters, 2 for longer.
  Search.allowedEdits = function (word) {
    return word.length >= 8 ? 2 : word.length >= 4 ? 1 : 0;
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

  // How well one query word matches one word of a service: 1 exact, 0.8 the start of a word, 0.6 a near miss.
  Search.matchWord = function (query, word, typing) {
    if (query === word) return 1;
    if (typing && query.length >= 2 && word.indexOf(query) === 0) return 0.8;
    var edits = Search.allowedEdits(query);
    if (edits > 0 && Search.withinEdits(query, word, edits)) return 0.6;
    if (typing && edits > 0 && word.length > query.length && Search.withinEdits(query, word.slice(0, query.length), 1)) return 0.5;
    return 0;
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
        if (phrase.length && phrase.every(function (w, k) { return words[i + k] === w; })) found = phrases[p];
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

  // The index turned round once, on first use: each distinct word, with the services and fields it is in.
  // A search then looks at every distinct word once, not at every word of every service.
  Search.prepare = function (index) {
    if (index._vocabulary) return;
    var postings = new Map();
    index.services.forEach(function (service, s) {
      service.words.forEach(function (fieldWords, f) {
        fieldWords.forEach(function (word) {
          var list = postings.get(word);
          if (!list) { list = []; postings.set(word, list); }
          list.push(s, f);
        });
      });
    });
    index._postings = postings;
    index._vocabulary = Array.from(postings.keys());
  };

  // For one query word: each service's best weighted match, over all its fields.
  Search.wordScores = function (index, query, typing) {
    var best = new Float64Array(index.services.length);
    var weights = index.weights, vocabulary = index._vocabulary;
    for (var v = 0; v < vocabulary.length; v++) {
      var m = Search.matchWord(query, vocabulary[v], typing);
      if (!m) continue;
      var list = index._postings.get(vocabulary[v]);
      for (var p = 0; p < list.length; p += 2) {
        var score = m * weights[list[p + 1]];
        if (score > best[list[p]]) best[list[p]] = score;
      }
    }
    return best;
  };

  // Every service's score for the query: for each group, the best of its alternatives, where an alternative
  // scores the mean of its words' matches and needs them all. 0 means the service does not match.
  Search.scores = function (index, groups, typingLast) {
    Search.prepare(index);
    var count = index.services.length, total = new Float64Array(count), cache = {};
    for (var g = 0; g < groups.length; g++) {
      var typing = typingLast && g === groups.length - 1;
      var groupBest = new Float64Array(count);
      groups[g].forEach(function (alternative) {
        var sum = new Float64Array(count), alive = new Uint8Array(count).fill(1);
        alternative.forEach(function (word, a) {
          var key = word + (typing && a === alternative.length - 1 ? '\u0001' : '');
          var scores = cache[key] || (cache[key] = Search.wordScores(index, word, typing && a === alternative.length - 1));
          for (var s = 0; s < count; s++) {
            if (scores[s] === 0) alive[s] = 0; else sum[s] += scores[s];
          }
        });
        for (var s = 0; s < count; s++) {
          var mean = alive[s] ? sum[s] / alternative.length : 0;
          if (mean > groupBest[s]) groupBest[s] = mean;
        }
      });
      for (var s = 0; s < count; s++) total[s] = groupBest[s] === 0 || (g > 0 && total[s] === 0) ? 0 : total[s] + groupBest[s];
    }
    return total;
  };

  // Services that match the query and the filters, best first: OR inside a filter group, AND across groups.
  Search.run = function (index, query, filters, typing) {
    var groups = Search.expand(query, index.synonyms);
    var types = (filters && filters.type) || [], areas = (filters && filters.area) || [];
    var scores = groups.length ? Search.scores(index, groups, typing) : null;
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

  function update(typing) {
    var query = input.value, filters = { type: checked('type'), area: checked('area') };
    var results = Search.run(index, query, filters, typing);
    list.textContent = '';
    results.forEach(function (service) { list.appendChild(card(service)); });
    var searching = query.trim() || filters.type.length || filters.area.length;
    heading.textContent = searching ? 'Results' : 'All services';
    count.textContent = results.length === 0 ? 'No services found. Try other words, or fewer filters.'
      : results.length + (results.length === 1 ? ' service' : ' services') + (searching ? ' found' : '');
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
