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

  // Maps keyed by what someone typed have no prototype, so a word such as "constructor" is a word like any other.
  Search.wordMap = function () { return Object.create(null); };
  Search.stopWords = Search.wordMap();
  ['a', 'an', 'and', 'the', 'of', 'in', 'for', 'to', 'with', 'or', 'my', 'me', 'near'].forEach(function (w) {
    Search.stopWords[w] = 1;
  });

  // BM25's constants: how fast a second mention stops counting, and how much a long field is discounted.
  Search.k1 = 1.2;
  Search.b = 0.75;

  // Scoring reads a "source" of postings, so the same code ranks a whole index in memory (`Search.run`) and the
  // index in shards (`Search.Shards`): {count, weights, average (each field's average length), matches(word, prefix)
  // → [[term, how well]], postings(term) → {services: how many have it, entries: [service, field, length, …]}}.

  // A whole index in memory (every service with its words), turned round once, on first use.
  Search.prepare = function (index) {
    if (index._source) return;
    var postings = new Map(), fieldCount = index.weights.length, totals = new Float64Array(fieldCount);
    index.services.forEach(function (service, s) {
      service.words.forEach(function (fieldWords, f) {
        totals[f] += fieldWords.length;
        fieldWords.forEach(function (word) {
          var list = postings.get(word);
          if (!list) { list = { entries: [], services: 0, last: -1 }; postings.set(word, list); }
          list.entries.push(s, f, fieldWords.length);
          if (list.last !== s) { list.services += 1; list.last = s; }
        });
      });
    });
    var vocabulary = Array.from(postings.keys());
    index._source = {
      count: index.services.length,
      weights: index.weights,
      average: Search.averages(totals, index.services.length),
      postings: function (term) { return postings.get(term); },
      matches: function (query, prefix) {
        return Search.matchesIn(query, prefix, function (stem) { return postings.has(stem); }, vocabulary,
          function () { return vocabulary; });
      }
    };
  };

  // Each field's average length in words, at least 1.
  Search.averages = function (totals, count) {
    return Array.prototype.map.call(totals, function (t) { return Math.max(1, t / Math.max(1, count)); });
  };

  // How rare a word is: BM25's inverse document frequency. A word in every service counts for little.
  Search.rarity = function (count, services) {
    return Math.log(1 + (count - services + 0.5) / (services + 0.5));
  };

  // The stems of the index a query word matches, with how well: 1 the word's own stem ("sitters" is "sitter"); for
  // the last word of the query, which may be unfinished, 0.8 for a stem the word as typed starts ("holid" →
  // "holiday") or the stem of the word finished ("nursi" → "nursing" → "nurs"); and only when nothing matches so,
  // 0.5 for a near miss of the stem, allowing as many wrong letters as the word as typed is long enough for.
  // `has(stem)` says whether a stem is in the index, `words` are the stems that might start with the word, and
  // `nearWords()` gives the stems that might be a near miss (asked for only when needed).
  Search.matchesIn = function (query, prefix, has, words, nearWords) {
    var found = [], stem = Search.stem(query), seen = Search.wordMap(), v;
    var add = function (word, weight) {
      if (!seen[word]) { seen[word] = 1; found.push([word, weight]); }
    };
    if (has(stem)) add(stem, 1);
    if (prefix && query.length >= 2) {
      for (v = 0; v < words.length; v++) {
        if (words[v].lastIndexOf(query, 0) === 0) add(words[v], 0.8);
      }
      Search.finishings(query).forEach(function (finished) { if (has(finished)) add(finished, 0.8); });
    }
    var edits = Search.allowedEdits(query);
    if (found.length || edits === 0) return found;
    var near = nearWords();
    for (v = 0; v < near.length; v++) {
      if (Search.withinEdits(stem, near[v], edits)) add(near[v], 0.5);
    }
    return found;
  };

  // For one query word: each service's best score, over the words it matches and the fields they are in.
  Search.wordScores = function (source, query, prefix) {
    var best = new Float64Array(source.count);
    var weights = source.weights, average = source.average, k1 = Search.k1, b = Search.b;
    source.matches(query, prefix).forEach(function (match) {
      var list = source.postings(match[0]), rarity = Search.rarity(source.count, list.services) * match[1];
      var entries = list.entries;
      for (var p = 0; p < entries.length; p += 3) {
        var s = entries[p], f = entries[p + 1];
        var norm = (k1 + 1) / (1 + k1 * (1 - b + b * entries[p + 2] / average[f]));
        var score = rarity * weights[f] * norm;
        if (score > best[s]) best[s] = score;
      }
    });
    return best;
  };

  // Every word of the query, once, with whether it matches the start of words: the last word of each alternative in
  // the last group.
  Search.queryWords = function (groups) {
    var words = [], seen = Search.wordMap();
    groups.forEach(function (group, g) {
      group.forEach(function (alternative) {
        alternative.forEach(function (word, a) {
          var prefix = g === groups.length - 1 && a === alternative.length - 1;
          var key = word + (prefix ? '\u0001' : '');
          if (!seen[key]) { seen[key] = true; words.push({ word: word, prefix: prefix, key: key }); }
        });
      });
    });
    return words;
  };

  // Every service's score for the query: for each group, the best of its alternatives, where an alternative needs
  // all its words and scores their sum. Every group must match. 0 means the service does not match.
  Search.scores = function (source, groups) {
    var count = source.count, total = new Float64Array(count), cache = Search.wordMap();
    for (var g = 0; g < groups.length; g++) {
      var last = g === groups.length - 1;
      var groupBest = new Float64Array(count);
      groups[g].forEach(function (alternative) {
        var sum = new Float64Array(count), alive = new Uint8Array(count).fill(1);
        alternative.forEach(function (word, a) {
          var prefix = last && a === alternative.length - 1;
          var key = word + (prefix ? '\u0001' : '');
          var scores = cache[key] || (cache[key] = Search.wordScores(source, word, prefix));
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

  // The numbers of the services that match, best first; equal scores keep the index's order (by name).
  Search.ranked = function (count, scores, keep) {
    var results = [];
    for (var s = 0; s < count; s++) {
      if ((!keep || keep(s)) && (!scores || scores[s] > 0)) results.push(s);
    }
    if (scores) results.sort(function (a, b) { return scores[b] - scores[a] || a - b; });
    return results;
  };

  // Services of a whole index in memory that match the query and the filters, best first: OR inside a filter group,
  // AND across groups. The last word always matches the start of words, so typing, Enter, a filter and a shared
  // address agree.
  Search.run = function (index, query, filters) {
    Search.prepare(index);
    var groups = Search.expand(query, index.synonyms);
    var types = (filters && filters.type) || [], areas = (filters && filters.area) || [];
    var scores = groups.length ? Search.scores(index._source, groups) : null;
    var services = index.services;
    return Search.ranked(services.length, scores, function (s) {
      var service = services[s];
      if (types.length && !types.some(function (t) { return service.types.indexOf(t) >= 0; })) return false;
      return !(areas.length && !areas.some(function (a) { return service.areas.indexOf(a) >= 0; }));
    }).map(function (s) { return services[s]; });
  };

  // The index in shards (written by SearchShards.swift): the root, `window.SIGNPOST_SEARCH`, says what there is, and
  // each search loads only the files it needs from `base` (the `search/` folder beside the root), each once, as
  // scripts, so search works from disk too. Each file calls `SignpostSearch.receive(name, data)`.
  Search.Shards = function (root, base) {
    this.root = root;
    this.base = base;
    this.firsts = root.shards.map(function (shard) { return shard[0]; });
    this.loaded = [];
    this.decoded = new Map();
    this.average = Search.averages(root.lengths, root.count);
  };

  Search.files = {};

  Search.receive = function (name, data) {
    var file = Search.files[name];
    if (file) file.resolve(data);
  };

  // A file of the index, loaded once: a promise of its data.
  Search.Shards.prototype.load = function (name) {
    var file = Search.files[name];
    if (file) return file.promise;
    file = Search.files[name] = {};
    var base = this.base;
    file.promise = new Promise(function (resolve, reject) {
      file.resolve = resolve;
      var script = document.createElement('script');
      script.src = base + name + '.js';
      script.onerror = function () { delete Search.files[name]; reject(new Error('Search could not load ' + name)); };
      document.head.appendChild(script);
    });
    return file.promise;
  };

  // The shard a term is in: the last whose first term is not after it (-1 for a term before them all).
  Search.Shards.prototype.shardOf = function (term) {
    var low = 0, high = this.firsts.length - 1, found = -1;
    while (low <= high) {
      var middle = (low + high) >> 1;
      if (this.firsts[middle] <= term) { found = middle; low = middle + 1; } else high = middle - 1;
    }
    return found;
  };

  // The shards that hold the term and, for a prefix, every term that starts with it.
  Search.Shards.prototype.shardsFor = function (term, prefix) {
    var first = this.shardOf(term), shards = first >= 0 ? [first] : [];
    if (prefix) {
      for (var k = first + 1; k < this.firsts.length && this.firsts[k].lastIndexOf(term, 0) === 0; k++) shards.push(k);
    }
    return shards;
  };

  Search.Shards.prototype.loadShards = function (numbers) {
    var self = this;
    return Promise.all(numbers.map(function (k) {
      return self.load(self.root.shards[k][1]).then(function (data) { self.loaded[k] = data; });
    }));
  };

  Search.Shards.prototype.has = function (term) {
    var shard = this.loaded[this.shardOf(term)];
    return !!shard && Object.prototype.hasOwnProperty.call(shard, term);
  };

  // A term's postings, from the shard's `[services, [gap, field length × 8 + field, …]]`, decoded once.
  Search.Shards.prototype.postings = function (term) {
    var list = this.decoded.get(term);
    if (list) return list;
    var raw = this.loaded[this.shardOf(term)][term], codes = raw[1];
    var entries = new Int32Array(codes.length / 2 * 3), s = 0;
    for (var p = 0, e = 0; p < codes.length; p += 2, e += 3) {
      s += codes[p];
      entries[e] = s;
      entries[e + 1] = codes[p + 1] & 7;
      entries[e + 2] = codes[p + 1] >> 3;
    }
    list = { services: raw[0], entries: entries };
    this.decoded.set(term, list);
    return list;
  };

  // The words one query word matches (as `Search.matchesIn`), loading the shards it needs, and for a near miss the
  // words of 3 letters or more that start with its first letter, then the shards of those it is near.
  Search.Shards.prototype.matches = function (word, prefix) {
    var self = this, scan = prefix && word.length >= 2, stem = Search.stem(word);
    var shards = this.shardsFor(word, scan), needed = {};
    shards.forEach(function (k) { needed[k] = true; });
    [stem].concat(scan ? Search.finishings(word) : []).forEach(function (term) {
      var k = self.shardOf(term);
      if (k >= 0) needed[k] = true;
    });
    var has = function (term) { return self.has(term); };
    return this.loadShards(Object.keys(needed).map(Number)).then(function () {
      var words = [];
      if (scan) shards.forEach(function (k) { words = words.concat(Object.keys(self.loaded[k])); });
      var found = Search.matchesIn(word, prefix, has, words, function () { return []; });
      if (found.length || Search.allowedEdits(word) === 0 || !stem) return found;
      var letter = String.fromCodePoint(stem.codePointAt(0));
      var typos = self.root.typos.filter(function (t) { return t[0] === letter; })[0];
      if (!typos) return found;
      return self.load(typos[1]).then(function (near) {
        found = Search.matchesIn(word, false, function () { return false; }, [], function () { return near; });
        var nearShards = {};
        found.forEach(function (match) { nearShards[self.shardOf(match[0])] = true; });
        return self.loadShards(Object.keys(nearShards).map(Number)).then(function () { return found; });
      });
    });
  };

  // The numbers of the services of the ticked filters: null for no filter, else a mask, OR inside a group and AND
  // across groups.
  Search.Shards.prototype.filterMask = function (filters) {
    var self = this, count = this.root.count, groups = [];
    [['type', (filters && filters.type) || []], ['area', (filters && filters.area) || []]].forEach(function (pair) {
      if (!pair[1].length) return;
      var files = self.root.facets[pair[0]].filter(function (facet) { return pair[1].indexOf(facet[0]) >= 0; });
      groups.push(Promise.all(files.map(function (facet) { return self.load(facet[1]); })).then(function (lists) {
        var mask = new Uint8Array(count);
        lists.forEach(function (gaps) {
          for (var i = 0, s = 0; i < gaps.length; i++) { s += gaps[i]; mask[s] = 1; }
        });
        return mask;
      }));
    });
    if (!groups.length) return Promise.resolve(null);
    return Promise.all(groups).then(function (masks) {
      return function (s) { return masks.every(function (mask) { return mask[s] === 1; }); };
    });
  };

  // The numbers of the services that match the query and the filters, best first (as `Search.run`).
  // `options.synonyms` searches with other synonyms than the site's.
  Search.Shards.prototype.find = function (query, filters, options) {
    var self = this, root = this.root;
    var groups = Search.expand(query, (options && options.synonyms) || root.synonyms);
    var found = Search.wordMap();
    var matching = Promise.all(Search.queryWords(groups).map(function (w) {
      return self.matches(w.word, w.prefix).then(function (matches) { found[w.key] = matches; });
    }));
    return Promise.all([matching, this.filterMask(filters)]).then(function (done) {
      var source = {
        count: root.count, weights: root.weights, average: self.average,
        postings: function (term) { return self.postings(term); },
        matches: function (word, prefix) { return found[word + (prefix ? '\u0001' : '')]; }
      };
      return Search.ranked(root.count, groups.length ? Search.scores(source, groups) : null, done[1]);
    });
  };

  // The cards of these services, in that order, loading their files.
  Search.Shards.prototype.cards = function (numbers) {
    var self = this, size = this.root.cards.size, labels = {};
    this.root.types.forEach(function (type) { labels[type[0]] = type[1]; });
    var chunks = {};
    numbers.forEach(function (s) { chunks[Math.floor(s / size)] = true; });
    return Promise.all(Object.keys(chunks).map(function (chunk) {
      return self.load('cards-' + chunk + '.' + self.root.cards.version).then(function (cards) { chunks[chunk] = cards; });
    })).then(function () {
      return numbers.map(function (s) {
        var card = chunks[Math.floor(s / size)][s % size];
        if (!card.typeLabels) card.typeLabels = card.types.map(function (t) { return labels[t] || t; });
        return card;
      });
    });
  };

  // The cards of every service that matches, best first: for tests and benchmarks.
  Search.Shards.prototype.search = function (query, filters, options) {
    var self = this;
    return this.find(query, filters, options).then(function (numbers) { return self.cards(numbers); });
  };

  window.SignpostSearch = Search;

  var rootScript = document.querySelector('script[src$="search-index.js"]');
  if (window.SIGNPOST_SEARCH && rootScript) {
    Search.site = new Search.Shards(window.SIGNPOST_SEARCH, new URL('search/', rootScript.src).href);
  }

  var root = document.querySelector('[data-directory]');
  if (!Search.site || !root) return;
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
  // A large directory's page has only its first cards (ListingPage.swift) and a line sending people to the browse
  // lists. With search working, the empty search shows the same first cards with "Show more" instead.
  var partial = root.querySelector('[data-partial-note]');
  if (partial) partial.hidden = true;

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

  // Results are shown 50 at a time, so 10,000 matching services do not freeze a phone. Only the cards shown are
  // loaded, and the next 50 straight after, so "Show more" adds them at once.
  Search.pageSize = 50;
  var site = Search.site;
  var more = element('button', 'button button--secondary', 'Show more');
  more.type = 'button';
  more.hidden = true;
  more.setAttribute('data-show-more', '');
  list.parentNode.insertBefore(more, list.nextSibling);
  var shown = [], shownCount = 0, announceTimer = null, searches = 0;

  // The next page of results: a promise of the first new result's item.
  function showNext(search) {
    var next = shown.slice(shownCount, shownCount + Search.pageSize);
    return site.cards(next).then(function (cards) {
      if (search !== searches) return null;
      var first = null;
      cards.forEach(function (service) {
        var item = card(service);
        if (!first) first = item;
        list.appendChild(item);
      });
      shownCount = Math.min(shown.length, shownCount + Search.pageSize);
      more.hidden = shownCount >= shown.length;
      more.textContent = 'Show more (' + (shown.length - shownCount) + ' more)';
      site.cards(shown.slice(shownCount, shownCount + Search.pageSize)).catch(function () { /* shown when asked for */ });
      return first;
    });
  }

  more.addEventListener('click', function () {
    showNext(searches).then(function (first) {
      // Keyboard and screen-reader users go on from the first new result.
      var link = first && first.querySelector('a');
      if (link) link.focus();
    });
  });

  // The count is announced (role="status") once typing pauses for half a second, not after every key.
  function announce(text, wait) {
    clearTimeout(announceTimer);
    if (!wait) { count.textContent = text; return; }
    announceTimer = setTimeout(function () { count.textContent = text; }, 500);
  }

  // Searches load parts of the index, so they finish in their own time: only the latest one is shown, and the
  // results are marked busy until it is.
  function update(typing) {
    var query = input.value, filters = { type: checked('type'), area: checked('area') };
    var search = ++searches;
    list.setAttribute('aria-busy', 'true');
    site.find(query, filters).then(function (numbers) {
      if (search !== searches) return null;
      shown = numbers;
      shownCount = 0;
      list.textContent = '';
      return showNext(search).then(function () {
        if (search !== searches) return;
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
        list.removeAttribute('aria-busy');
      });
    }).catch(function () {
      if (search !== searches) return;
      // A part of the index did not load (offline, say): the list stays as it was and says so.
      list.removeAttribute('aria-busy');
      announce('Search is not working just now. You can still browse the services below.', false);
    });
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

  // The filters are open on a wide screen, and whenever some are chosen; on a phone they fold under their button.
  var filters = form.querySelector('[data-filters]');
  if (filters && (window.matchMedia('(min-width: 40em)').matches || form.querySelector('[data-filters] input:checked'))) {
    filters.open = true;
  }

  var timer = null;
  input.addEventListener('input', function () { clearTimeout(timer); timer = setTimeout(function () { update(true); }, 120); });
  form.addEventListener('change', function (event) { if (event.target !== input) update(false); });
  form.addEventListener('submit', function (event) { event.preventDefault(); update(false); });
  form.addEventListener('reset', function () { setTimeout(function () { update(false); }, 0); });
  if (start.toString() || partial) update(false);
})();
