// Site search without a server: reads the static index that sitegen writes to
// <search page>/suchindex/ (see Sources/SiteGen/Render/Formats/SearchIndex.swift).
// Query words are folded and stemmed exactly as the index was (SearchText.swift):
// lowercase, ä→a, ö→o, ü→u, ß→ss, accents dropped, stop words removed, then by the index's
// language (its manifest says "language": "en"; without it German): ae/oe/ue read as umlauts and
// Snowball's German stemmer, or Snowball's English stemmer.
// All words must match; the last one also matches as a prefix (search while typing), and so
// does an abbreviation ("Kleppingstr.").
// Each result shown loads its text (x<name>.json, named in its row) when it comes near the window: an excerpt around
// the best hit with the words marked, and a link to the heading above it. Words in quotes must
// stand together in the text; "Neueste zuerst" sorts by the days in neueste.json.
// No inline script, no eval, no third party: works under `script-src 'self'`.
(function () {
  "use strict";
  var box = document.getElementById("suche");
  if (!box) return;
  var form = box.querySelector("form");
  var input = document.getElementById("suche-begriff");
  var fieldSelect = document.getElementById("suche-feld");
  var kindSelect = document.getElementById("suche-art");
  var sortSelect = document.getElementById("suche-sortierung");
  var status = document.getElementById("suche-status");
  var list = document.getElementById("suche-treffer");
  var more = box.querySelector(".search-more");
  var unavailable = box.querySelector(".search-unavailable");
  // Results a page shows: each loads its text (about 2–3 KB gzipped) for the excerpt.
  var PAGE = 10;

  function unavailableNow(error) {
    if (error && window.console) console.error("Suche:", error);
    if (unavailable) unavailable.hidden = false;
    if (form) form.hidden = true;
    status.textContent = "";
  }
  if (!form || !input || !window.fetch || !window.URL || !window.Map || !window.Promise) { unavailableNow(); return; }

  // ---- text: the same folding, words and stemming as SearchText.swift ----
  var FOLD = {};
  [["àáâãäåāăą", "a"], ["çćĉċč", "c"], ["ďđ", "d"], ["èéêëēĕėęě", "e"], ["ĝğġģ", "g"], ["ĥħ", "h"],
   ["ìíîïĩīĭįı", "i"], ["ĵ", "j"], ["ķ", "k"], ["ĺļľŀł", "l"], ["ñńņňŉ", "n"], ["òóôõöøōŏő", "o"],
   ["ŕŗř", "r"], ["śŝşš", "s"], ["ţťŧ", "t"], ["ùúûüũūŭůűų", "u"], ["ŵ", "w"], ["ýÿŷ", "y"],
   ["źżž", "z"], ["ß", "ss"], ["æ", "ae"], ["œ", "oe"], ["þ", "th"],
   ["⁰₀", "0"], ["¹₁", "1"], ["²₂", "2"], ["³₃", "3"], ["⁴₄", "4"], ["⁵₅", "5"], ["⁶₆", "6"], ["⁷₇", "7"], ["⁸₈", "8"], ["⁹₉", "9"]].forEach(function (g) {
    Array.from(g[0]).forEach(function (ch) { FOLD[ch] = g[1]; });
  });
  var WORD = /[\p{L}\p{N}]+/gu;

  function fold(text) {
    var out = "";
    for (var ch of text.toLowerCase()) {
      var c = ch.codePointAt(0);
      if (c >= 0x300 && c <= 0x36f) continue;
      out += c < 0xb2 ? ch : (FOLD[ch] !== undefined ? FOLD[ch] : ch);  // ² (U+00B2) is the table's first
    }
    return out;
  }

  function words(text) { return fold(text).match(WORD) || []; }

  // Snowball's German stemmer (german.sbl, Snowball 3.1), as GermanStemmer.swift: folded words.
  function isVowel(c) { return "aeiouy".indexOf(c) >= 0; }
  function prelude(s) {  // u, y between vowels → U, Y; ae, oe, ue → a, o, u (not after q, not a marked Ue)
    for (var i = 0; i + 2 < s.length; i++) {
      if (isVowel(s[i]) && (s[i + 1] === "u" || s[i + 1] === "y") && isVowel(s[i + 2])) s[i + 1] = s[i + 1].toUpperCase();
    }
    var out = [];
    for (var k = 0; k < s.length;) {
      if (s[k] === "q" && s[k + 1] === "u") { out.push("q", "u"); k += 2; }
      else if (s[k + 1] === "e" && "aou".indexOf(s[k]) >= 0) { out.push(s[k]); k += 2; }
      else { out.push(s[k]); k += 1; }
    }
    return out;
  }
  function unmark(s) { return s.join("").replace(/U/g, "u").replace(/Y/g, "y"); }
  function ascii(word) { return /^[\x00-\x7f]+$/.test(word); }
  function readDigraphs(word) { return ascii(word) ? unmark(prelude(Array.from(word))) : word; }
  function regions(s) {
    function after(start) {
      var i = start;
      while (i < s.length && !isVowel(s[i])) i++;
      while (i < s.length && isVowel(s[i])) i++;
      return i < s.length ? i + 1 : -1;
    }
    if (s.length < 3) return [s.length, s.length];
    var r1 = after(0);
    if (r1 < 0) return [s.length, s.length];
    var r2 = after(r1);
    return [Math.max(r1, 3), r2 < 0 ? s.length : r2];
  }
  function ends(s, x, end) {
    if (end === undefined) end = s.length;
    return end >= x.length && s.slice(end - x.length, end).join("") === x;
  }
  function longest(s, list) {
    var best = null;
    list.forEach(function (x) { if (ends(s, x) && (!best || x.length > best.length)) best = x; });
    return best;
  }
  function step1(s, p1) {
    var x = longest(s, ["e", "em", "en", "erinnen", "erin", "ln", "ern", "er", "s", "es", "lns"]);
    if (!x || s.length - x.length < p1) return;
    var start = s.length - x.length;
    if (x === "em") { if (!ends(s, "syst", start)) s.length -= 2; }
    else if (x === "erinnen" || x === "erin" || x === "ern" || x === "er") s.length -= x.length;
    else if (x === "e" || x === "en" || x === "es") { s.length -= x.length; if (ends(s, "niss")) s.length -= 1; }
    else if (x === "s") { if (start > 0 && "bdfghklmnrt".indexOf(s[start - 1]) >= 0) s.length -= 1; }
    else s.length -= x.length - 1;  // ln, lns → l
  }
  function step2(s, p1) {
    var x = longest(s, ["en", "er", "et", "st", "est"]);
    if (!x || s.length - x.length < p1) return;
    var start = s.length - x.length;
    if (x === "st") { if (start >= 4 && "bdfghklmnt".indexOf(s[start - 1]) >= 0) s.length -= 2; }
    else if (x === "et") {
      var keeps = ["tick", "plan", "geordn", "intern", "tr"].some(function (k) { return ends(s, k, start); });
      if (start > 0 && "Udfgklmnrstza".indexOf(s[start - 1]) >= 0 && !keeps) s.length -= 2;
    } else s.length -= x.length;
  }
  function step3(s, p1, p2) {
    var x = longest(s, ["end", "ig", "ung", "lich", "isch", "ik", "heit", "keit"]);
    if (!x || s.length - x.length < p2) return;
    var start = s.length - x.length;
    if (x === "end" || x === "ung") {
      s.length -= x.length;
      if (ends(s, "ig") && !ends(s, "eig") && s.length - 2 >= p2) s.length -= 2;
    } else if (x === "ig" || x === "ik" || x === "isch") {
      if (!(start > 0 && s[start - 1] === "e")) s.length -= x.length;
    } else if (x === "lich" || x === "heit") {
      s.length -= 4;
      if ((ends(s, "er") || ends(s, "en")) && s.length - 2 >= p1) s.length -= 2;
    } else {
      s.length -= 4;
      var more = longest(s, ["lich", "ig"]);
      if (more && s.length - more.length >= p2) s.length -= more.length;
    }
  }
  function stem(word) {
    if (!word || !ascii(word)) return word;
    var s = prelude(Array.from(word));
    var p = regions(s);
    step1(s, p[0]);
    step2(s, p[0]);
    step3(s, p[0], p[1]);
    return unmark(s);
  }
  // Snowball's English stemmer (english.sbl, Snowball 3.1), as EnglishStemmer.swift: folded words.
  var EN_EXCEPTIONS = { skis: "ski", skies: "sky", idly: "idl", gently: "gentl", ugly: "ugli", early: "earli",
    only: "onli", singly: "singl", sky: "sky", news: "news", howe: "howe", atlas: "atlas", cosmos: "cosmos",
    bias: "bias", andes: "andes" };
  var EN_STEP2 = { tional: "tion", enci: "ence", anci: "ance", abli: "able", entli: "ent", izer: "ize",
    ization: "ize", ational: "ate", ation: "ate", ator: "ate", alism: "al", aliti: "al", alli: "al",
    fulness: "ful", fulli: "ful", ousli: "ous", ousness: "ous", iveness: "ive", iviti: "ive", biliti: "ble",
    bli: "ble", ogist: "og", lessli: "less", ogi: "og", li: "" };
  var EN_STEP3 = { tional: "tion", ational: "ate", alize: "al", icate: "ic", iciti: "ic", ical: "ic",
    ful: "", ness: "", ative: "" };
  var EN_STEP4 = ["al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment", "ent", "ism", "ate",
    "iti", "ous", "ive", "ize", "ion"];
  function enReplace(s, length, by) { s.length -= length; Array.prototype.push.apply(s, Array.from(by)); }
  function enRegions(s) {
    function after(start) {
      var i = start;
      while (i < s.length && !isVowel(s[i])) i++;
      if (i >= s.length) return -1;
      while (i < s.length && isVowel(s[i])) i++;
      return i < s.length ? i + 1 : -1;
    }
    var word = s.join(""), p1 = -1;
    ["arsen", "commun", "emerg", "gener", "inter", "later", "organ", "past", "univers"].forEach(function (x) {
      if (word.indexOf(x) === 0 && x.length > p1) p1 = x.length;
    });
    if (p1 < 0) p1 = after(0);
    if (p1 < 0) return [s.length, s.length];
    var p2 = after(p1);
    return [p1, p2 < 0 ? s.length : p2];
  }
  function enShort(s, end) {  // a short syllable ends at index end
    if (end >= 3 && "aeiouywxY".indexOf(s[end - 1]) < 0 && isVowel(s[end - 2]) && !isVowel(s[end - 3])) return true;
    if (end === 2 && !isVowel(s[1]) && isVowel(s[0])) return true;
    return ends(s, "past", end);
  }
  function enStep1a(s) {
    var x = longest(s, ["'", "'s'", "'s"]);
    if (x) s.length -= x.length;
    x = longest(s, ["ied", "s", "ies", "sses", "ss", "us"]);
    var before = x ? s.length - x.length : 0;
    if (x === "sses") enReplace(s, 4, "ss");
    else if (x === "ied" || x === "ies") enReplace(s, 3, before > 1 ? "i" : "ie");
    else if (x === "s" && before >= 1 && s.slice(0, before - 1).some(isVowel)) s.length -= 1;
  }
  function enStep1b(s, p1) {
    var x = longest(s, ["ed", "eed", "ing", "edly", "eedly", "ingly"]);
    if (!x) return;
    var stem = s.slice(0, s.length - x.length), word = stem.join("");
    if (x === "eed" || x === "eedly") {
      if (stem.length >= p1 && ["succ", "proc", "exc"].indexOf(word) < 0) enReplace(s, x.length, "ee");
      return;
    }
    if (x === "ing") {
      if (stem.length === 2 && stem[1] === "y" && !isVowel(stem[0])) { s.length = 0; s.push(stem[0], "i", "e"); return; }
      if (["even", "cann", "inn", "earr", "herr", "out"].indexOf(word) >= 0) return;
    }
    if (!stem.some(isVowel)) return;
    s.length = stem.length;
    if (longest(s, ["at", "bl", "iz"])) s.push("e");
    else if (longest(s, ["bb", "dd", "ff", "gg", "mm", "nn", "pp", "rr", "tt"])) {
      if (!(s.length === 3 && "aeo".indexOf(s[0]) >= 0)) s.length -= 1;
    } else if (s.length === p1 && enShort(s, s.length)) s.push("e");
  }
  function enStep2(s, p1) {
    var x = longest(s, Object.keys(EN_STEP2));
    if (!x || s.length - x.length < p1) return;
    var start = s.length - x.length;
    if (x === "ogi") { if (start > 0 && s[start - 1] === "l") enReplace(s, 3, "og"); }
    else if (x === "li") { if (start > 0 && "cdeghkmnrt".indexOf(s[start - 1]) >= 0) s.length -= 2; }
    else enReplace(s, x.length, EN_STEP2[x]);
  }
  function enStep3(s, p1, p2) {
    var x = longest(s, Object.keys(EN_STEP3));
    if (!x) return;
    var start = s.length - x.length;
    if (start >= p1 && (x !== "ative" || start >= p2)) enReplace(s, x.length, EN_STEP3[x]);
  }
  function enStep4(s, p2) {
    var x = longest(s, EN_STEP4);
    if (!x) return;
    var start = s.length - x.length;
    if (start < p2) return;
    if (x === "ion" && !(start > 0 && (s[start - 1] === "s" || s[start - 1] === "t"))) return;
    s.length -= x.length;
  }
  function enStep5(s, p1, p2) {
    var start = s.length - 1;
    if (s[start] === "e") {
      if (start >= p2 || (start >= p1 && !enShort(s, start))) s.length -= 1;
    } else if (s[start] === "l" && start >= p2 && start > 0 && s[start - 1] === "l") s.length -= 1;
  }
  function stemEnglish(word) {
    if (EN_EXCEPTIONS.hasOwnProperty(word)) return EN_EXCEPTIONS[word];
    if (!word || word.length < 3 || !/^[a-z']+$/.test(word)) return word;
    var s = Array.from(word), foundY = false;
    if (s[0] === "'") s.shift();
    if (s[0] === "y") { s[0] = "Y"; foundY = true; }
    for (var i = 0; i + 1 < s.length; i++) if (isVowel(s[i]) && s[i + 1] === "y") { s[i + 1] = "Y"; foundY = true; }
    var p = enRegions(s);
    enStep1a(s);
    enStep1b(s, p[0]);
    if (s.length > 2 && (s[s.length - 1] === "y" || s[s.length - 1] === "Y") && !isVowel(s[s.length - 2])) s[s.length - 1] = "i";
    enStep2(s, p[0]);
    enStep3(s, p[0], p[1]);
    enStep4(s, p[1]);
    enStep5(s, p[0], p[1]);
    return s.join("").replace(/Y/g, foundY ? "y" : "Y");
  }
  // The index's language decides the stemmer; German reads typed ae/oe/ue as umlauts, English does not.
  var language = "de";
  function stemOf(w) { return language === "en" ? stemEnglish(w) : stem(w); }
  function plain(w) { return language === "en" ? w : readDigraphs(w); }
  function isIgnored(w) { return Array.from(w).length < 2 || stop.has(w) || stop.has(plain(w)); }

  // Query words with the words as typed (shown in "Ohne Treffer: …"). Prefixes are the last word
  // while it is being typed and an abbreviation, a word with a period after it ("Kleppingstr.",
  // "Sept."): no index term is "kleppingstr", and its longest indexed start would be "klepping" at
  // best. Words in quotes are no prefixes, nor words of fewer than 3 letters.
  function queryTerms(q) {
    var raw = [];
    q.split(/["„“”]/).forEach(function (part, n) {
      var word = /([\p{L}\p{M}\p{N}]+)(\.?)/gu, m;
      while ((m = word.exec(part))) raw.push({ typed: m[1], quoted: n % 2 === 1, abbreviated: m[2] === "." });
    });
    var endsInWord = /[\p{L}\p{M}\p{N}]$/u.test(q);
    var seen = new Set();
    var terms = [];
    raw.forEach(function (r, i) {
      words(r.typed).forEach(function (w) {
        if (isIgnored(w)) return;
        var t = stemOf(w);
        var typing = endsInWord && i === raw.length - 1;
        var prefix = (typing || r.abbreviated) && !r.quoted && Array.from(t).length >= 3;
        var key = t + (prefix ? "*" : "");
        if (!seen.has(key)) { seen.add(key); terms.push({ term: t, prefix: prefix, word: w, typed: r.typed }); }
      });
    });
    return terms;
  }

  // Code-point order, as the index sorts its terms.
  function cmp(a, b) {
    var i = 0, j = 0;
    while (i < a.length && j < b.length) {
      var x = a.codePointAt(i), y = b.codePointAt(j);
      if (x !== y) return x < y ? -1 : 1;
      i += x > 0xffff ? 2 : 1;
      j += y > 0xffff ? 2 : 1;
    }
    return (i < a.length ? 1 : 0) - (j < b.length ? 1 : 0);
  }

  // ---- excerpts, phrases, sorting: pure functions on a document's text (x<name>.json) ----
  var EXCERPT = 200;  // characters an excerpt shows
  var BEFORE = 50;    // of them, before the hit

  // Words of a text as typed, with where they are (combining marks stay in their word, as in fold).
  function textWords(text) {
    var out = [], re = /[\p{L}\p{M}\p{N}]+/gu, m;
    while ((m = re.exec(text)) !== null) out.push({ start: m.index, end: m.index + m[0].length, word: m[0] });
    return out;
  }

  // A word as a phrase compares it: stemmed like the index, a stop word only folded.
  function wordKey(w) {
    var f = fold(w);
    return isIgnored(f) ? plain(f) : stemOf(f);
  }

  // The query terms a typed word matches (index into terms), or -1.
  function matchIndex(word, terms) {
    var t = stemOf(fold(word));
    for (var i = 0; i < terms.length; i++) {
      var q = terms[i];
      // A compound ending in a query word of 4+ letters counts too (Umweltsensoren for Sensoren);
      // a word found only by its longest indexed prefix (Brückenprüfung → brück) by that prefix.
      if ((q.prefix ? t.indexOf(q.term) === 0 : t === q.term) || (q.term.length >= 4 && t.endsWith(q.term)) ||
          (q.known && t.indexOf(q.known) === 0)) return i;
    }
    return -1;
  }

  // Where each phrase (a list of word keys) starts in ws: indexes of its first word.
  function phraseStarts(ws, keys, phrase) {
    var found = [];
    for (var i = 0; i + phrase.length <= ws.length; i++) {
      var k = 0;
      while (k < phrase.length && keys[i + k] === phrase[k]) k++;
      if (k === phrase.length) found.push(i);
    }
    return found;
  }

  // Whether a text holds every phrase, its words adjacent and in order.
  function hasPhrases(text, phrases) {
    var ws = textWords(text || "");
    var keys = ws.map(function (w) { return wordKey(w.word); });
    return phrases.every(function (p) { return phraseStarts(ws, keys, p).length > 0; });
  }

  // The query's hits in a text, sorted: [start, end, key]; a phrase is one hit, its words no others.
  function hitsIn(text, query) {
    var ws = textWords(text || ""), hits = [], taken = new Set();
    if (query.phrases.length) {
      var keys = ws.map(function (w) { return wordKey(w.word); });
      query.phrases.forEach(function (p, n) {
        phraseStarts(ws, keys, p).forEach(function (i) {
          hits.push([ws[i].start, ws[i + p.length - 1].end, "p" + n]);
          for (var k = 0; k < p.length; k++) taken.add(i + k);
        });
      });
    }
    ws.forEach(function (w, i) {
      var k = taken.has(i) ? -1 : matchIndex(w.word, query.terms);
      if (k >= 0) hits.push([w.start, w.end, "t" + k]);
    });
    return hits.sort(function (a, b) { return a[0] - b[0]; });
  }

  // The hit whose excerpt would show the most different query words (a phrase counts most); the first of equals.
  function bestHit(hits) {
    var best = 0, bestScore = -1;
    for (var i = 0; i < hits.length; i++) {
      var seen = new Set(), score = 0;
      for (var j = i; j < hits.length && hits[j][1] <= hits[i][0] + EXCERPT - BEFORE; j++) {
        if (seen.has(hits[j][2])) continue;
        seen.add(hits[j][2]);
        score += hits[j][2].charAt(0) === "p" ? 10 : 1;
      }
      if (score > bestScore) { best = i; bestScore = score; }
    }
    return hits[best];
  }

  // An excerpt of doc.text around the best hit: { text, marks: [[start, end]] in that text,
  // heading: the nearest heading at or above the hit ([offset, length, id]) or null }; null without a hit.
  function excerptOf(doc, query) {
    var text = doc.text || "";
    var hits = hitsIn(text, query);
    if (!hits.length) return null;
    var hit = bestHit(hits);
    var from = Math.max(0, hit[0] - BEFORE);
    if (from > 0) { var space = text.indexOf(" ", from - 1); from = space >= 0 && space < hit[0] ? space + 1 : hit[0]; }
    var to = Math.min(text.length, from + EXCERPT);
    if (to < text.length) { var back = text.lastIndexOf(" ", to); to = back > hit[1] ? back : Math.max(to, hit[1]); }
    var lead = from > 0 ? "… " : "";
    var marks = hits.filter(function (h) { return h[0] >= from && h[1] <= to; })
      .map(function (h) { return [h[0] - from + lead.length, h[1] - from + lead.length]; });
    var heading = null;
    (doc.headings || []).forEach(function (h) { if (h[0] <= hit[0]) heading = h; });
    return { text: lead + text.slice(from, to) + (to < text.length ? " …" : ""), marks: marks, heading: heading };
  }

  // Ids (best first) with the newest first: by day (dates[id], 0 = undated, last), equal days in the order given.
  function newestFirst(ids, dates) {
    var rank = new Map();
    ids.forEach(function (id, i) { rank.set(id, i); });
    return ids.slice().sort(function (a, b) { return (dates[b] || 0) - (dates[a] || 0) || rank.get(a) - rank.get(b); });
  }

  // The query's phrases: quoted parts ("…" or „…“) of two words or more, as lists of word keys.
  function phrasesOf(q) {
    var parts = q.split(/["„“”]/);
    var phrases = [];
    for (var i = 1; i < parts.length; i += 2) {
      var keys = (parts[i].match(/[\p{L}\p{M}\p{N}]+/gu) || []).map(wordKey);
      if (keys.length >= 2) phrases.push(keys);
    }
    return phrases;
  }

  // ---- index loading ----
  var indexURL = new URL(box.getAttribute("data-index"), document.baseURI);
  var manifest = null;
  var cache = new Map();
  var stop = new Set();
  var fieldDocs = new Map();

  function load(name) {
    var url = new URL(name + "?v=" + manifest.v, indexURL).href;
    if (!cache.has(url)) {
      cache.set(url, fetch(url).then(function (r) {
        if (!r.ok) throw new Error(url + ": " + r.status);
        return r.json();
      }));
    }
    return cache.get(url);
  }

  function shardFor(term) {  // last shard whose first term <= term, or -1
    var lo = 0, hi = manifest.shards.length - 1, found = -1;
    while (lo <= hi) {
      var mid = (lo + hi) >> 1;
      if (cmp(manifest.shards[mid], term) <= 0) { found = mid; lo = mid + 1; } else { hi = mid - 1; }
    }
    return found;
  }

  function decode(list, into, factor) {
    var doc = 0;
    for (var k = 0; k < list.length; k += 2) {
      doc += list[k];
      var w = list[k + 1] * factor;
      if (!(into.get(doc) >= w)) into.set(doc, w);
    }
  }

  // Documents (id → weight) for one query term; a prefix term also matches longer terms.
  function lookup(term, prefix) {
    var first = shardFor(term);
    var shards = [];
    if (first >= 0) shards.push(first);
    if (prefix) {
      for (var j = first + 1; j < manifest.shards.length && manifest.shards[j].indexOf(term) === 0; j++) shards.push(j);
    }
    return Promise.all(shards.map(function (i) { return load("t" + i + ".json"); })).then(function (loaded) {
      var hits = new Map();
      loaded.forEach(function (shard) {
        if (shard[term]) decode(shard[term], hits, 1);
        if (prefix) {
          Object.keys(shard).forEach(function (key) {
            if (key !== term && key.indexOf(term) === 0) decode(shard[key], hits, 0.5);
          });
        }
      });
      return hits;
    });
  }

  function docsOfField(slug) {
    if (!fieldDocs.has(slug)) {
      var set = new Set();
      manifest.fields.forEach(function (f) {
        if (f.slug !== slug) return;
        var id = 0;
        f.docs.forEach(function (d) { id += d; set.add(id); });
      });
      fieldDocs.set(slug, set);
    }
    return fieldDocs.get(slug);
  }

  // ---- searching ----
  // The longest indexed term of at least 4 letters that begins `term` (Brückenprüfung → brück), or null.
  function knownPrefix(term) {
    var chars = Array.from(term);
    function tryLength(n) {
      if (n < 4) return Promise.resolve(null);
      var p = chars.slice(0, n).join("");
      var i = shardFor(p);
      if (i < 0) return Promise.resolve(null);
      return load("t" + i + ".json").then(function (shard) { return shard[p] ? p : tryLength(n - 1); });
    }
    return tryLength(chars.length - 1);
  }

  // A term's documents. A term found nowhere falls back to an indexed term one typo away
  // (Stadtlabr → stadtlabor), else to its longest indexed prefix (Brückenprüfung → brück): a
  // prefix of a misspelt word is often a common word that finds half the site (stadt). What it
  // fell back to is kept on the term (`known`), so excerpts mark the words it found.
  function lookupTerm(t) {
    return lookup(t.term, t.prefix).then(function (hits) {
      if (hits.size) return hits;
      return oneTypoAway(t.term).then(function (close) {
        if (close) {
          t.known = close;
          return lookup(close, false);
        }
        return knownPrefix(t.term).then(function (p) {
          if (!p) return hits;
          t.known = p;
          return lookup(p, true);
        });
      });
    });
  }

  // The indexed term one edit from `term` with the same first letter that most pages have, for
  // terms of 5 letters or more (shorter ones have too many neighbours: Rad, Rat, Bad); or null.
  function oneTypoAway(term) {
    if (Array.from(term).length < 5) return Promise.resolve(null);
    return closest(term, 1, true).then(function (c) { return c && c.term; });
  }

  // sort: "" (best first) or "neu" (newest first, neueste.json loaded for it).
  function search(q, field, kind, sort) {
    var terms = queryTerms(q);
    var phrases = phrasesOf(q);
    if (!terms.length) return Promise.resolve({ terms: terms, phrases: phrases, ids: [], missing: [], unknown: [], counts: null });
    return Promise.all(terms.map(lookupTerm)).then(function (all) {
      // Words found nowhere leave the AND query (and are named), unless no word is found at all.
      var maps = all.filter(function (m) { return m.size; });
      var missing = maps.length ? terms.filter(function (_, i) { return !all[i].size; }).map(function (t) { return t.typed; }) : [];
      if (!maps.length) maps = all;
      var scores = new Map();
      var smallest = maps.reduce(function (a, b) { return a.size <= b.size ? a : b; });
      var fieldSet = field ? docsOfField(field) : null;
      // Counts for the filters: each filter's options count under the other filter, not their own.
      var counts = { kind: {}, field: {} };
      smallest.forEach(function (_, doc) {
        var score = 0;
        for (var i = 0; i < maps.length; i++) {
          var w = maps[i].get(doc);
          if (w === undefined) return;
          score += w * Math.log(1 + manifest.docs / maps[i].size);
        }
        var k = manifest.kinds.charAt(doc);
        var inField = !fieldSet || fieldSet.has(doc);
        if (inField) counts.kind[k] = (counts.kind[k] || 0) + 1;
        if (!kind || k === kind) {
          manifest.fields.forEach(function (f) {
            if (docsOfField(f.slug).has(doc)) counts.field[f.slug] = (counts.field[f.slug] || 0) + 1;
          });
        }
        if ((kind && k !== kind) || !inField) return;
        scores.set(doc, score);
      });
      var ids = Array.from(scores.keys()).sort(function (a, b) { return scores.get(b) - scores.get(a) || a - b; });
      var unknown = terms.filter(function (_, i) { return !all[i].size; });
      var result = { terms: terms, phrases: phrases, ids: ids, missing: Array.from(new Set(missing)), unknown: unknown, counts: counts };
      if (sort !== "neu" || !ids.length) return result;
      return load("neueste.json").then(function (dates) {
        result.ids = newestFirst(ids, dates);
        return result;
      });
    });
  }

  // ---- "Meinten Sie …?": the closest indexed term (edit distance 1–2) in shards near the word's ----
  function distance(a, b, limit) {
    a = Array.from(a); b = Array.from(b);
    if (Math.abs(a.length - b.length) > limit) return limit + 1;
    var prev = [], cur;
    for (var j = 0; j <= b.length; j++) prev.push(j);
    for (var i = 1; i <= a.length; i++) {
      cur = [i];
      for (var k = 1; k <= b.length; k++) {
        cur.push(Math.min(prev[k] + 1, cur[k - 1] + 1, prev[k - 1] + (a[i - 1] === b[k - 1] ? 0 : 1)));
      }
      prev = cur;
    }
    return prev[b.length];
  }

  // The indexed term 1 to `limit` edits from `term`, nearer first, then the one most pages have
  // ({term, postings}), or null. It is looked for in the term's own shard and the nearest others
  // of its first letter, at most 4 (a big site has dozens: all of them cost 200 KB at 10,000
  // items); `sameFirst` leaves out terms that begin with another letter.
  function closest(term, limit, sameFirst) {
    var first = Array.from(term)[0];
    var own = Math.max(shardFor(term), 0);
    var shards = manifest.shards.map(function (start, i) { return i; }).filter(function (i) {
      return i === own || manifest.shards[i].indexOf(first) === 0;
    }).sort(function (a, b) { return Math.abs(a - own) - Math.abs(b - own) || a - b; }).slice(0, 4);
    return Promise.all(shards.map(function (i) { return load("t" + i + ".json"); })).then(function (loaded) {
      var best = null, bestScore = 0;
      loaded.forEach(function (shard) {
        Object.keys(shard).forEach(function (key) {
          if (sameFirst && key.indexOf(first) !== 0) return;
          var d = distance(term, key, limit);
          var score = d >= 1 && d <= limit ? (limit + 1 - d) * 1000 + shard[key].length : 0;
          if (score > bestScore) { best = { term: key, postings: shard[key] }; bestScore = score; }
        });
      });
      return best;
    });
  }

  // For the longest query word found nowhere (`unknown`); null when every word is found.
  function suggestion(terms, unknown) {
    if (!unknown.length) return Promise.resolve(null);
    var t = unknown.reduce(function (a, b) { return Array.from(b.term).length > Array.from(a.term).length ? b : a; });
    return closest(t.term, Array.from(t.term).length > 5 ? 2 : 1, false).then(function (best) {
      if (!best) return null;
      // The query with that word replaced: by a word as a page writes it, not the term.
      return surfaceWord(best.term, best.postings).then(function (word) {
        return terms.map(function (x) { return x === t ? word : x.typed; }).join(" ");
      });
    });
  }

  // The term is a stem ("sensor", "universiti"), which a visitor would not type: the first word of
  // the first page that has it whose stem it is ("Sensoren"), read from that page's text; the
  // term itself when the text has none (the title has it) or cannot be loaded.
  function surfaceWord(term, postings) {
    return loadRows([postings[0]]).then(function (rows) { return loadText(rows[0]); }).then(function (doc) {
      var found = textWords(doc.text).find(function (w) {
        var f = fold(w.word);
        return !isIgnored(f) && stemOf(f) === term;
      });
      return found ? found.word : term;
    }, function () { return term; });
  }

  // "Meinten Sie „…“?" after the status text, the suggestion a link that searches it.
  function showSuggestion(q) {
    var parts = (box.getAttribute("data-text-suggest") || "{2}").split("{2}");
    var a = document.createElement("a");
    a.href = "?q=" + encodeURIComponent(q);
    a.textContent = q;
    status.appendChild(document.createTextNode(" " + parts[0]));
    status.appendChild(a);
    status.appendChild(document.createTextNode(parts.slice(1).join("")));
  }

  // ---- showing results ----
  // { query: { terms, phrases }, ids, shown, accepted, checked, q, missing (the "Ohne Treffer" text) }
  var current = null;
  var KIND = {};
  Array.from(kindSelect ? kindSelect.options : []).forEach(function (o) { if (o.value) KIND[o.value] = o.textContent; });

  // Text with marks ([start, end] ranges) as DOM nodes: text nodes and <mark>, never HTML.
  function markedText(parent, text, marks) {
    var last = 0;
    marks.forEach(function (m) {
      if (m[0] < last) return;
      if (m[0] > last) parent.appendChild(document.createTextNode(text.slice(last, m[0])));
      var mark = document.createElement("mark");
      mark.textContent = text.slice(m[0], m[1]);
      parent.appendChild(mark);
      last = m[1];
    });
    if (last < text.length) parent.appendChild(document.createTextNode(text.slice(last)));
  }

  function highlighted(parent, text, query) {
    markedText(parent, text, hitsIn(text, query));
  }

  function resultItem(row, query) {
    // row: [url, title, kind, [field numbers], excerpt, date, text file name], a post with tags: [[name, url], …] as row[7]
    var li = document.createElement("li");
    var h = document.createElement("h2");
    var a = document.createElement("a");
    a.href = row[0];
    highlighted(a, row[1], query);
    h.appendChild(a);
    li.appendChild(h);
    var meta = document.createElement("p");
    meta.className = "card-meta";
    meta.textContent = [KIND[row[2]], row[5]].filter(Boolean).join(" · ");
    li.appendChild(meta);
    // The description until the text is loaded (then the excerpt around the hit, see showExcerpt).
    var p = document.createElement("p");
    highlighted(p, row[4] || "", query);
    li.appendChild(p);
    // A post's tags, linked to their pages as on the post's own page.
    if (row[7] && row[7].length) {
      var tags = document.createElement("p");
      tags.className = "search-tags";
      tags.appendChild(document.createTextNode((box.getAttribute("data-text-tags") || "") + ": "));
      row[7].forEach(function (tag, i) {
        if (i) tags.appendChild(document.createTextNode(", "));
        var link = document.createElement("a");
        link.href = tag[1];
        link.rel = "tag";
        highlighted(link, tag[0], query);
        tags.appendChild(link);
      });
      li.appendChild(tags);
    }
    // Field badges: copies of the theme's badges, rendered into <template id="suche-badges"> in field order.
    var badges = document.getElementById("suche-badges");
    if (row[3].length && badges && badges.content) {
      var ul = document.createElement("ul");
      ul.className = "badges";
      ul.setAttribute("aria-label", box.getAttribute("data-text-badges") || "");
      row[3].forEach(function (n) {
        var badge = badges.content.children[n];
        if (badge) ul.appendChild(badge.cloneNode(true));
      });
      li.appendChild(ul);
    }
    return li;
  }

  // The result's text: an excerpt around the hit in place of the description, and the title
  // linked to the heading above the hit, named after the excerpt.
  function showExcerpt(li, row, doc, query) {
    var ex = excerptOf(doc, query);
    if (!ex) return;
    var p = li.querySelector("p:not([class])");
    p.textContent = "";
    markedText(p, ex.text, ex.marks);
    if (!ex.heading) return;
    li.querySelector("h2 a").href = row[0] + "#" + ex.heading[2];
    var section = document.createElement("p");
    section.className = "search-section";
    section.textContent = say(box.getAttribute("data-text-section"), 0, doc.text.substr(ex.heading[0], ex.heading[1]));
    p.after(section);
  }

  // A document's text file, named in its row (by its page and bytes, so it changes with them).
  function loadText(row) { return load("x" + row[6] + ".json"); }

  // Runs `go` once `el` comes into the window (a text is loaded for a result that is seen: a
  // phone shows three or four of a page's ten, and a cold query stays under 45 KB at 1,000
  // items); at once without IntersectionObserver.
  var waiting = new Map();
  var observer = window.IntersectionObserver ? new IntersectionObserver(function (entries) {
    entries.forEach(function (e) {
      if (!e.isIntersecting || !waiting.has(e.target)) return;
      observer.unobserve(e.target);
      var go = waiting.get(e.target);
      waiting.delete(e.target);
      go();
    });
  }, { rootMargin: "0px" }) : null;
  function whenNear(el, go) {
    if (!observer) return go();
    waiting.set(el, go);
    observer.observe(el);
  }
  function forgetWaiting() {
    if (observer) waiting.forEach(function (_, el) { observer.unobserve(el); });
    waiting.clear();
  }

  function loadRows(ids) {
    var chunks = Array.from(new Set(ids.map(function (id) { return Math.floor(id / manifest.docsPerChunk); })));
    return Promise.all(chunks.map(function (c) { return load("d" + c + ".json"); })).then(function (loaded) {
      var byChunk = new Map();
      chunks.forEach(function (c, i) { byChunk.set(c, loaded[i]); });
      return ids.map(function (id) { return byChunk.get(Math.floor(id / manifest.docsPerChunk))[id % manifest.docsPerChunk]; });
    });
  }

  // The ids of the next page. With a phrase, the candidates are checked in order, a page at a
  // time, on their texts, title and description, until a page is full, none are left or CHECK
  // more were checked (a phrase found nowhere would load every candidate's text: 2.5 MB at 1,000 items).
  var CHECK = 20;
  function nextPage(state, limit) {
    var phrases = state.query.phrases;
    if (!phrases.length) return Promise.resolve(state.ids.slice(state.shown, state.shown + PAGE));
    if (limit === undefined) limit = state.checked + CHECK;
    if (state.accepted.length >= state.shown + PAGE || state.checked >= Math.min(state.ids.length, limit)) {
      return Promise.resolve(state.accepted.slice(state.shown, state.shown + PAGE));
    }
    var batch = state.ids.slice(state.checked, state.checked + PAGE);
    return loadRows(batch).then(function (rows) {
      return Promise.all(rows.map(loadText)).then(function (texts) { return [rows, texts]; });
    }).then(function (loaded) {
      batch.forEach(function (id, i) {
        var row = loaded[0][i];
        if (hasPhrases(loaded[1][i].text, phrases) || hasPhrases(row[1], phrases) || hasPhrases(row[4], phrases)) state.accepted.push(id);
      });
      state.checked += batch.length;
      return nextPage(state, limit);
    });
  }

  // Results found so far, and whether that is all of them (a phrase's candidates may be unchecked).
  function found(state) {
    if (!state.query.phrases.length) return { n: state.ids.length, all: true };
    return { n: state.accepted.length, all: state.checked >= state.ids.length };
  }

  function showMore(focusFirst) {
    var state = current;
    return nextPage(state).then(function (ids) {
      return loadRows(ids).then(function (rows) {
        if (state !== current) return;
        var firstNew = null;
        ids.forEach(function (id, i) {
          var li = resultItem(rows[i], state.query);
          if (!firstNew) firstNew = li;
          list.appendChild(li);
          whenNear(li, function () {
            loadText(rows[i]).then(function (doc) { if (state === current) showExcerpt(li, rows[i], doc, state.query); })
              .catch(function (error) { if (window.console) console.error("Suche:", error); });
          });
        });
        state.shown += ids.length;
        var f = found(state);
        more.hidden = f.all && state.shown >= f.n;
        if (focusFirst && firstNew) firstNew.querySelector("a").focus();
      });
    });
  }

  // "Projekte (8)" in the filters after a search; the plain names without one.
  function showCounts(counts) {
    [[kindSelect, "kind"], [fieldSelect, "field"]].forEach(function (pair) {
      if (!pair[0]) return;
      Array.from(pair[0].options).forEach(function (o) {
        if (!o.value) return;
        if (!o.hasAttribute("data-label")) o.setAttribute("data-label", o.textContent);
        var n = counts ? counts[pair[1]][o.value] || 0 : null;
        o.textContent = o.getAttribute("data-label") + (n === null ? "" : " (" + n.toLocaleString("de-DE") + ")");
      });
    });
  }

  function say(template, n, q) {
    return (template || "").replace("{1}", String(n)).replace("{2}", q);
  }

  // The status line for n results ("at least n" while a phrase's candidates are not all checked).
  // A phrase not found among the candidates checked so far says how many were checked.
  function countText(f, q, checked) {
    var n = f.n;
    return !f.all && n === 0 ? say(box.getAttribute("data-text-phrase-none"), checked, q)
      : !f.all ? say(box.getAttribute("data-text-at-least"), n.toLocaleString("de-DE"), q)
      : n === 0 ? say(box.getAttribute("data-text-none"), n, q)
      : n === 1 ? say(box.getAttribute("data-text-one"), n, q)
      : say(box.getAttribute("data-text-results"), n.toLocaleString("de-DE"), q);
  }

  var pending = 0;
  function run(updateURL) {
    var q = input.value.trim();
    var field = fieldSelect ? fieldSelect.value : "";
    var kind = kindSelect ? kindSelect.value : "";
    var sort = sortSelect ? sortSelect.value : "";
    if (updateURL && window.history && history.replaceState) {
      var params = new URLSearchParams();
      if (q) params.set("q", q);
      if (field) params.set("feld", field);
      if (kind) params.set("art", kind);
      if (sort) params.set("sortierung", sort);
      var s = params.toString();
      history.replaceState(null, "", location.pathname + (s ? "?" + s : "") + location.hash);
    }
    var ticket = ++pending;
    return search(q, field, kind, sort).then(function (result) {
      if (ticket !== pending) return;
      var state = { query: { terms: result.terms, phrases: result.phrases }, ids: result.ids, shown: 0, accepted: [], checked: 0,
                   q: q, missing: "" };
      current = state;
      forgetWaiting();
      list.textContent = "";
      more.hidden = true;
      showCounts(q && result.terms.length ? result.counts : null);
      if (!q) { status.textContent = ""; return; }
      var n = result.ids.length;
      // While fewer than 3 letters are typed, "no results" is no news worth announcing.
      if (n === 0 && Array.from(q.replace(/[^\p{L}\p{N}]/gu, "")).length < 3) { status.textContent = ""; return; }
      // Only words too common to search ("Was ist das?", "Wann?"): said like any query without
      // results, not an empty status that leaves a screen reader user without an answer.
      if (!result.terms.length) { status.textContent = countText({ n: 0, all: true }, q); return; }
      var missing = result.missing.length ? " " + say(box.getAttribute("data-text-missing"), 0, result.missing.join(", ")) : "";
      state.missing = missing;
      if (n === 0) {
        return suggestion(result.terms, result.unknown).then(function (s) {
          if (ticket !== pending) return;
          status.textContent = countText({ n: 0, all: true }, q) + missing;
          if (s) showSuggestion(s);
        });
      }
      list.setAttribute("aria-busy", "true");
      return showMore(false).then(function () {
        if (state !== current) return;
        list.removeAttribute("aria-busy");
        status.textContent = countText(found(state), q, state.checked) + missing;
      });
    }).catch(unavailableNow);
  }

  var timer = null;
  function later() {
    clearTimeout(timer);
    timer = setTimeout(function () { run(true); }, 350);
  }

  // ---- start ----
  var params = new URLSearchParams(location.search);
  input.value = params.get("q") || "";
  if (fieldSelect && params.get("feld")) fieldSelect.value = params.get("feld");
  if (kindSelect && params.get("art")) kindSelect.value = params.get("art");
  if (sortSelect && params.get("sortierung")) sortSelect.value = params.get("sortierung");
  if (input.value) status.textContent = box.getAttribute("data-text-loading") || "";

  fetch(indexURL.href, { cache: "no-cache" }).then(function (r) {
    if (!r.ok) throw new Error(String(r.status));
    return r.json();
  }).then(function (m) {
    manifest = m;
    language = m.language || "de";
    m.stopWords.forEach(function (w) { stop.add(w); });
    box.setAttribute("data-ready", "true");
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      clearTimeout(timer);
      run(true);
    });
    input.addEventListener("input", later);
    [fieldSelect, kindSelect, sortSelect].forEach(function (select) {
      if (select) select.addEventListener("change", function () { run(true); });
    });
    more.addEventListener("click", function () {
      var state = current;
      showMore(true).then(function () {
        // A phrase's count grows as more candidates are checked.
        if (state === current && state.query.phrases.length) status.textContent = countText(found(state), state.q, state.checked) + state.missing;
      }).catch(unavailableNow);
    });
    if (input.value) return run(false);
  }).catch(unavailableNow);
})();
