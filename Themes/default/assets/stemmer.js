/* Signpost: the Snowball English stemmer ("Porter 2"), so that a search for "nursing" finds "nurse".
 * The search index holds the stem of each word, made by EnglishStemming.swift when the site was built; this is the
 * same algorithm, step for step, for the words people type. Both follow english.sbl as Snowball 3.1.1 compiles it,
 * and both are tested word for word against the `snowballstemmer` package (Tests/Browser/test_stemmer.py).
 * It works on the word's code points, as the reference does, so letters beyond a to z (and emoji, which take two
 * UTF-16 units) count as consonants exactly as there. Plain ES5, no dependencies: sets window.SignpostStem. */
(function () {
  'use strict';

  var APOSTROPHE = 39, LOWER_Y = 121, UPPER_Y = 89;

  function isVowel(c) { return c === 97 || c === 101 || c === 105 || c === 111 || c === 117 || c === 121; }
  function isVowelWXY(c) { return c === 89 || c === 119 || c === 120 || isVowel(c); }
  function isValidLI(c) {
    return c === 99 || c === 100 || c === 101 || c === 103 || c === 104 || c === 107 || c === 109 || c === 110 ||
      c === 114 || c === 116;
  }
  function isAEO(c) { return c === 97 || c === 101 || c === 111; }

  function codes(text) {
    var out = [];
    for (var i = 0; i < text.length; i++) out.push(text.charCodeAt(i));
    return out;
  }

  // An "among": [suffix as character codes, result], looked up by longest match.
  function among(list) { return list.map(function (entry) { return [codes(entry[0]), entry[1]]; }); }

  var EXCEPTIONS = among([['andes', -1], ['atlas', -1], ['bias', -1], ['cosmos', -1], ['early', 6], ['gently', 4],
    ['howe', -1], ['idly', 3], ['news', -1], ['only', 7], ['singly', 8], ['skies', 2], ['skis', 1], ['sky', -1],
    ['ugly', 5]]);
  var EXCEPTION_STEMS = ['ski', 'sky', 'idl', 'gentl', 'ugli', 'earli', 'onli', 'singl'];
  var PREFIXES = among([['arsen', -1], ['commun', -1], ['emerg', -1], ['gener', -1], ['inter', -1], ['later', -1],
    ['organ', -1], ['past', -1], ['univers', -1]]);
  var APOSTROPHES = among([["'", 1], ["'s'", 1], ["'s", 1]]);
  var STEP_1A = among([['ied', 2], ['s', 3], ['ies', 2], ['sses', 1], ['ss', -1], ['us', -1]]);
  var STEP_1B = among([['', -1], ['ed', 2], ['eed', 1], ['ing', 3], ['edly', 2], ['eedly', 1], ['ingly', 2]]);
  var EED_EXCEPTIONS = among([['succ', 1], ['proc', 1], ['exc', 1]]);
  var ING_EXCEPTIONS = among([['even', 2], ['cann', 2], ['inn', 2], ['earr', 2], ['herr', 2], ['out', 2], ['y', 1]]);
  var STEP_1B_ENDINGS = among([['', 3], ['bb', 2], ['dd', 2], ['ff', 2], ['gg', 2], ['bl', 1], ['mm', 2], ['nn', 2],
    ['pp', 2], ['rr', 2], ['at', 1], ['tt', 2], ['iz', 1]]);
  var STEP_2 = among([['anci', 3], ['enci', 2], ['ogi', 14], ['li', 16], ['bli', 12], ['abli', 4], ['alli', 8],
    ['fulli', 9], ['lessli', 15], ['ousli', 10], ['entli', 5], ['aliti', 8], ['biliti', 12], ['iviti', 11],
    ['tional', 1], ['ational', 7], ['alism', 8], ['ation', 7], ['ization', 6], ['izer', 6], ['ator', 7],
    ['iveness', 11], ['fulness', 9], ['ousness', 10], ['ogist', 13]]);
  var STEP_2_REPLACEMENTS = [null, 'tion', 'ence', 'ance', 'able', 'ent', 'ize', 'ate', 'al', 'ful', 'ous', 'ive',
    'ble', 'og', null, 'less'];
  var STEP_3 = among([['icate', 4], ['ative', 6], ['alize', 3], ['iciti', 4], ['ical', 4], ['tional', 1],
    ['ational', 2], ['ful', 5], ['ness', 5]]);
  var STEP_3_REPLACEMENTS = [null, 'tion', 'ate', 'al', 'ic'];
  var STEP_4 = among([['ic', 1], ['ance', 1], ['ence', 1], ['able', 1], ['ible', 1], ['ate', 1], ['ive', 1],
    ['ize', 1], ['iti', 1], ['al', 1], ['ism', 1], ['ion', 2], ['er', 1], ['ous', 1], ['ant', 1], ['ent', 1],
    ['ment', 1], ['ement', 1]]);
  var STEP_5 = among([['e', 1], ['l', 2]]);

  // One run over one word: Snowball's cursor, limits and slice marks (bra, ket), as in EnglishStemming.swift.
  function Run(word) {
    this.current = word;
    this.cursor = 0;
    this.limit = word.length;
    this.limitBackward = 0;
    this.bra = 0;
    this.ket = word.length;
    this.foundY = false;
    this.p1 = 0;
    this.p2 = 0;
  }

  var R = Run.prototype;

  R.inGroupingB = function (group) {
    if (this.cursor <= this.limitBackward || !group(this.current[this.cursor - 1])) return false;
    this.cursor -= 1;
    return true;
  };
  R.outGroupingB = function (group) {
    if (this.cursor <= this.limitBackward || group(this.current[this.cursor - 1])) return false;
    this.cursor -= 1;
    return true;
  };
  R.goOutGrouping = function (group) {
    while (this.cursor < this.limit) {
      if (group(this.current[this.cursor])) return true;
      this.cursor += 1;
    }
    return false;
  };
  R.goInGrouping = function (group) {
    while (this.cursor < this.limit) {
      if (!group(this.current[this.cursor])) return true;
      this.cursor += 1;
    }
    return false;
  };
  R.goOutGroupingB = function (group) {
    while (this.cursor > this.limitBackward) {
      if (group(this.current[this.cursor - 1])) return true;
      this.cursor -= 1;
    }
    return false;
  };
  R.eqB = function (letter) {
    if (this.cursor <= this.limitBackward || this.current[this.cursor - 1] !== letter.charCodeAt(0)) return false;
    this.cursor -= 1;
    return true;
  };
  R.endsAtCursor = function (suffix) {
    var start = this.cursor - suffix.length;
    if (start < this.limitBackward) return false;
    for (var i = 0; i < suffix.length; i++) if (this.current[start + i] !== suffix[i]) return false;
    return true;
  };
  // The longest entry ending at the cursor: its result, the cursor left before it; 0 when none.
  R.findAmongB = function (list) {
    var best = -1;
    for (var i = 0; i < list.length; i++) {
      if ((best < 0 || list[i][0].length > list[best][0].length) && this.endsAtCursor(list[i][0])) best = i;
    }
    if (best < 0) return 0;
    this.cursor -= list[best][0].length;
    return list[best][1];
  };
  // The longest entry starting at the cursor.
  R.findAmong = function (list) {
    var best = -1;
    for (var i = 0; i < list.length; i++) {
      var entry = list[i][0];
      if (best >= 0 && entry.length <= list[best][0].length) continue;
      if (this.cursor + entry.length > this.limit) continue;
      var matches = true;
      for (var k = 0; k < entry.length && matches; k++) matches = this.current[this.cursor + k] === entry[k];
      if (matches) best = i;
    }
    if (best < 0) return 0;
    this.cursor += list[best][0].length;
    return list[best][1];
  };
  R.sliceFrom = function (text) {
    var replacement = codes(text), adjustment = replacement.length - (this.ket - this.bra);
    this.current = this.current.slice(0, this.bra).concat(replacement, this.current.slice(this.ket));
    this.limit += adjustment;
    if (this.cursor >= this.ket) this.cursor += adjustment;
    else if (this.cursor > this.bra) this.cursor = this.bra;
    this.ket = this.bra + replacement.length;
  };
  R.inR1 = function () { return this.p1 <= this.cursor; };
  R.inR2 = function () { return this.p2 <= this.cursor; };

  R.exception1 = function () {
    this.bra = this.cursor;
    var found = this.findAmong(EXCEPTIONS);
    if (found === 0) return false;
    this.ket = this.cursor;
    if (this.cursor < this.limit) return false;
    if (found > 0) this.sliceFrom(EXCEPTION_STEMS[found - 1]);
    return true;
  };

  R.prelude = function () {
    this.foundY = false;
    if (this.cursor < this.limit && this.current[this.cursor] === APOSTROPHE) {
      this.bra = this.cursor;
      this.ket = this.cursor + 1;
      this.sliceFrom('');
    }
    if (this.cursor < this.limit && this.current[this.cursor] === LOWER_Y) {
      this.current[this.cursor] = UPPER_Y;
      this.foundY = true;
    }
    for (var i = this.cursor; i + 1 < this.limit; i++) {
      if (isVowel(this.current[i]) && this.current[i + 1] === LOWER_Y) {
        this.current[i + 1] = UPPER_Y;
        this.foundY = true;
      }
    }
  };

  R.markRegions = function () {
    this.p1 = this.limit;
    this.p2 = this.limit;
    var start = this.cursor;
    this.markRegionsFrom(start);
    this.cursor = start;
  };
  R.markRegionsFrom = function (start) {
    if (this.findAmong(PREFIXES) === 0) {
      this.cursor = start;
      if (!this.goOutGrouping(isVowel)) return;
      this.cursor += 1;
      if (!this.goInGrouping(isVowel)) return;
      this.cursor += 1;
    }
    this.p1 = this.cursor;
    if (!this.goOutGrouping(isVowel)) return;
    this.cursor += 1;
    if (!this.goInGrouping(isVowel)) return;
    this.cursor += 1;
    this.p2 = this.cursor;
  };

  R.shortSyllable = function () {
    var saved = this.limit - this.cursor;
    if (this.outGroupingB(isVowelWXY) && this.inGroupingB(isVowel) && this.outGroupingB(isVowel)) return true;
    this.cursor = this.limit - saved;
    if (this.outGroupingB(isVowel) && this.inGroupingB(isVowel) && this.cursor <= this.limitBackward) return true;
    this.cursor = this.limit - saved;
    if (!this.endsAtCursor(PAST)) return false;
    this.cursor -= PAST.length;
    return true;
  };
  var PAST = codes('past');

  R.step1a = function () {
    var saved = this.limit - this.cursor;
    this.ket = this.cursor;
    if (this.findAmongB(APOSTROPHES) === 0) {
      this.cursor = this.limit - saved;
    } else {
      this.bra = this.cursor;
      this.sliceFrom('');
    }
    this.ket = this.cursor;
    var found = this.findAmongB(STEP_1A);
    if (found === 0) return;
    this.bra = this.cursor;
    if (found === 1) {
      this.sliceFrom('ss');
    } else if (found === 2) {
      if (this.cursor - 2 >= this.limitBackward) {
        this.cursor -= 2;
        this.sliceFrom('i');
      } else {
        this.sliceFrom('ie');
      }
    } else if (found === 3) {
      if (this.cursor <= this.limitBackward) return;
      this.cursor -= 1;
      if (!this.goOutGroupingB(isVowel)) return;
      this.cursor -= 1;
      this.sliceFrom('');
    }
  };

  // Step 1b's first part: true when the suffix is dealt with there (or there is none).
  R.step1bKeeps = function (found) {
    if (found === 1) {
      var saved = this.limit - this.cursor;
      if (this.inR1()) {
        var beforeSuffix = this.limit - this.cursor;
        if (!(this.findAmongB(EED_EXCEPTIONS) !== 0 && this.cursor <= this.limitBackward)) {
          this.cursor = this.limit - beforeSuffix;
          this.sliceFrom('ee');
        }
      }
      this.cursor = this.limit - saved;
      return true;
    }
    if (found === 2) return false;
    if (found === 3) {
      var exception = this.findAmongB(ING_EXCEPTIONS);
      if (exception === 0) return false;
      if (exception === 1) {
        var beforeY = this.limit - this.cursor;
        if (!this.outGroupingB(isVowel) || this.cursor > this.limitBackward) return false;
        this.cursor = this.limit - beforeY;
        this.bra = this.cursor;
        this.sliceFrom('ie');
        return true;
      }
      return this.cursor <= this.limitBackward;
    }
    return true;
  };

  R.step1b = function () {
    this.ket = this.cursor;
    var found = this.findAmongB(STEP_1B);
    this.bra = this.cursor;
    var saved = this.limit - this.cursor;
    if (this.step1bKeeps(found)) return;
    this.cursor = this.limit - saved;
    var beforeSuffix = this.limit - this.cursor;
    if (!this.goOutGroupingB(isVowel)) return;
    this.cursor = this.limit - beforeSuffix;
    this.sliceFrom('');
    this.ket = this.cursor;
    this.bra = this.cursor;
    var atEnd = this.limit - this.cursor;
    found = this.findAmongB(STEP_1B_ENDINGS);
    if (found === 1) {
      this.sliceFrom('e');
      return;
    } else if (found === 2) {
      var beforeDouble = this.limit - this.cursor;
      if (this.inGroupingB(isAEO) && this.cursor <= this.limitBackward) return;
      this.cursor = this.limit - beforeDouble;
    } else {
      if (this.cursor !== this.p1) return;
      var beforeEnd = this.limit - this.cursor;
      if (!this.shortSyllable()) return;
      this.cursor = this.limit - beforeEnd;
      this.sliceFrom('e');
      return;
    }
    this.cursor = this.limit - atEnd;
    this.ket = this.cursor;
    if (this.cursor <= this.limitBackward) return;
    this.cursor -= 1;
    this.bra = this.cursor;
    this.sliceFrom('');
  };

  R.step1c = function () {
    this.ket = this.cursor;
    if (!this.eqB('y') && !this.eqB('Y')) return;
    this.bra = this.cursor;
    if (!this.outGroupingB(isVowel) || this.cursor <= this.limitBackward) return;
    this.sliceFrom('i');
  };

  R.step2 = function () {
    this.ket = this.cursor;
    var found = this.findAmongB(STEP_2);
    if (found === 0) return;
    this.bra = this.cursor;
    if (!this.inR1()) return;
    if (found === 14) {
      if (this.eqB('l')) this.sliceFrom('og');
    } else if (found === 16) {
      if (this.inGroupingB(isValidLI)) this.sliceFrom('');
    } else {
      this.sliceFrom(STEP_2_REPLACEMENTS[found]);
    }
  };

  R.step3 = function () {
    this.ket = this.cursor;
    var found = this.findAmongB(STEP_3);
    if (found === 0) return;
    this.bra = this.cursor;
    if (!this.inR1()) return;
    if (found <= 4) this.sliceFrom(STEP_3_REPLACEMENTS[found]);
    else if (found === 5) this.sliceFrom('');
    else if (this.inR2()) this.sliceFrom('');
  };

  R.step4 = function () {
    this.ket = this.cursor;
    var found = this.findAmongB(STEP_4);
    if (found === 0) return;
    this.bra = this.cursor;
    if (!this.inR2()) return;
    if (found === 2 && !this.eqB('s') && !this.eqB('t')) return;
    this.sliceFrom('');
  };

  R.step5 = function () {
    this.ket = this.cursor;
    var found = this.findAmongB(STEP_5);
    if (found === 0) return;
    this.bra = this.cursor;
    if (found === 1) {
      if (!this.inR2()) {
        if (!this.inR1()) return;
        var saved = this.limit - this.cursor;
        if (this.shortSyllable()) return;
        this.cursor = this.limit - saved;
      }
      this.sliceFrom('');
    } else {
      if (!this.inR2() || !this.eqB('l')) return;
      this.sliceFrom('');
    }
  };

  R.postlude = function () {
    if (!this.foundY) return;
    for (var i = 0; i < this.limit; i++) if (this.current[i] === UPPER_Y) this.current[i] = LOWER_Y;
  };

  R.run = function () {
    if (this.exception1()) return;
    this.cursor = 0;
    if (this.limit < 3) return;
    this.prelude();
    this.markRegions();
    this.limitBackward = this.cursor;
    this.cursor = this.limit;
    var steps = [this.step1a, this.step1b, this.step1c, this.step2, this.step3, this.step4, this.step5];
    for (var s = 0; s < steps.length; s++) {
      var saved = this.limit - this.cursor;
      steps[s].call(this);
      this.cursor = this.limit - saved;
    }
    this.cursor = this.limitBackward;
    this.postlude();
  };

  // The code points of a word, a pair of UTF-16 surrogates counting as one, as Python counts them.
  function codePoints(word) {
    var out = [];
    for (var i = 0; i < word.length; i++) {
      var c = word.charCodeAt(i);
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < word.length) {
        var low = word.charCodeAt(i + 1);
        if (low >= 0xdc00 && low <= 0xdfff) {
          out.push((c - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000);
          i += 1;
          continue;
        }
      }
      out.push(c);
    }
    return out;
  }

  function fromCodePoints(points) {
    var text = '';
    for (var i = 0; i < points.length; i++) {
      var c = points[i];
      if (c >= 0x10000) {
        c -= 0x10000;
        text += String.fromCharCode(0xd800 + (c >> 10), 0xdc00 + (c & 0x3ff));
      } else {
        text += String.fromCharCode(c);
      }
    }
    return text;
  }

  // The stem of one lowercase word. Words of fewer than three letters are left as they are.
  function stem(word) {
    word = String(word);
    if (word.length < 3) return word;
    var run = new Run(codePoints(word));
    run.run();
    return fromCodePoints(run.current.slice(0, run.limit));
  }

  window.SignpostStem = stem;
})();
