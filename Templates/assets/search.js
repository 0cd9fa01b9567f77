// Site search without a server: reads the static index that sitegen writes to
// <search page>/suchindex/ (see Sources/SiteGen/Render/Formats/SearchIndex.swift).
// Query words are folded and stemmed exactly as the index was (SearchText.swift):
// lowercase, ä→a, ö→o, ü→u, ß→ss, accents dropped, stop words removed, ae/oe/ue read as
// umlauts, Snowball's German stemmer.
// All words must match; the last one also matches as a prefix (search while typing).
// No inline script, no eval, no third party: works under `script-src 'self'`.
(function () {
  "use strict";
  var box = document.getElementById("suche");
  if (!box) return;
  var form = box.querySelector("form");
  var input = document.getElementById("suche-begriff");
  var fieldSelect = document.getElementById("suche-feld");
  var kindSelect = document.getElementById("suche-art");
  var status = document.getElementById("suche-status");
  var list = document.getElementById("suche-treffer");
  var more = box.querySelector(".search-more");
  var unavailable = box.querySelector(".search-unavailable");
  var PAGE = 20;

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
   ["źżž", "z"], ["ß", "ss"], ["æ", "ae"], ["œ", "oe"], ["þ", "th"]].forEach(function (g) {
    Array.from(g[0]).forEach(function (ch) { FOLD[ch] = g[1]; });
  });
  var WORD = /[\p{L}\p{N}]+/gu;

  function fold(text) {
    var out = "";
    for (var ch of text.toLowerCase()) {
      var c = ch.codePointAt(0);
      if (c >= 0x300 && c <= 0x36f) continue;
      out += c < 0xc0 ? ch : (FOLD[ch] !== undefined ? FOLD[ch] : ch);
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
  function enShort(s, end) {  // a short syllable ends at `end`
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
  function isIgnored(w) { return Array.from(w).length < 2 || stop.has(w) || stop.has(readDigraphs(w)); }

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
  // Query words with the words as typed (shown in "Ohne Treffer: …").
  function queryTerms(q) {
    var raw = q.match(/[\p{L}\p{M}\p{N}]+/gu) || [];
    var endsInWord = /[\p{L}\p{M}\p{N}]$/u.test(q);
    var seen = new Set();
    var terms = [];
    raw.forEach(function (typed, i) {
      words(typed).forEach(function (w) {
        if (isIgnored(w)) return;
        var t = stem(w);
        var prefix = endsInWord && i === raw.length - 1 && Array.from(t).length >= 3;
        var key = t + (prefix ? "*" : "");
        if (!seen.has(key)) { seen.add(key); terms.push({ term: t, prefix: prefix, word: w, typed: typed }); }
      });
    });
    return terms;
  }

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

  // A term's documents; a term found nowhere falls back to its longest indexed prefix.
  function lookupTerm(t) {
    return lookup(t.term, t.prefix).then(function (hits) {
      if (hits.size) return hits;
      return knownPrefix(t.term).then(function (p) { return p ? lookup(p, true) : hits; });
    });
  }

  function search(q, field, kind) {
    var terms = queryTerms(q);
    if (!terms.length) return Promise.resolve({ terms: terms, ids: [], missing: [], unknown: [], counts: null });
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
      return { terms: terms, ids: ids, missing: Array.from(new Set(missing)), unknown: unknown, counts: counts };
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

  // For the longest query word found nowhere (`unknown`); null when every word is found.
  function suggestion(terms, unknown) {
    if (!unknown.length) return Promise.resolve(null);
    var t = unknown.reduce(function (a, b) { return Array.from(b.term).length > Array.from(a.term).length ? b : a; });
    var first = Array.from(t.term)[0];
    var limit = Array.from(t.term).length > 5 ? 2 : 1;
    // The word's own shard and the nearest others of its first letter, at most 4 (a big site has
    // dozens: all of them cost 200 KB at 10,000 items).
    var own = Math.max(shardFor(t.term), 0);
    var shards = manifest.shards.map(function (start, i) { return i; }).filter(function (i) {
      return i === own || manifest.shards[i].indexOf(first) === 0;
    }).sort(function (a, b) { return Math.abs(a - own) - Math.abs(b - own) || a - b; }).slice(0, 4);
    return Promise.all(shards.map(function (i) { return load("t" + i + ".json"); })).then(function (loaded) {
      var best = null, bestScore = 0;
      loaded.forEach(function (shard) {
        Object.keys(shard).forEach(function (key) {
          var d = distance(t.term, key, limit);
          var score = d >= 1 && d <= limit ? (limit + 1 - d) * 1000 + shard[key].length : 0;
          if (score > bestScore) { best = key; bestScore = score; }
        });
      });
      // The query with that word replaced.
      return best && terms.map(function (x) { return x === t ? best : x.typed; }).join(" ");
    });
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
  var current = null;  // { terms, ids, shown }
  var KIND = {};
  Array.from(kindSelect ? kindSelect.options : []).forEach(function (o) { if (o.value) KIND[o.value] = o.textContent; });

  function matchesQuery(word, terms) {
    var t = stem(fold(word));
    // A compound ending in a query word of 4+ letters is marked too (Umweltsensoren for Sensoren).
    return terms.some(function (q) {
      return (q.prefix ? t.indexOf(q.term) === 0 : t === q.term) || (q.term.length >= 4 && t.endsWith(q.term));
    });
  }

  // Text with the matching words in <mark>, built as DOM nodes (never as HTML).
  function highlighted(parent, text, terms) {
    var last = 0, m;
    WORD.lastIndex = 0;
    while ((m = WORD.exec(text)) !== null) {
      if (matchesQuery(m[0], terms)) {
        if (m.index > last) parent.appendChild(document.createTextNode(text.slice(last, m.index)));
        var mark = document.createElement("mark");
        mark.textContent = m[0];
        parent.appendChild(mark);
        last = m.index + m[0].length;
      }
    }
    if (last < text.length) parent.appendChild(document.createTextNode(text.slice(last)));
  }

  function resultItem(row, terms) {
    // row: [url, title, kind, [field numbers], excerpt, date], a post with tags: [[name, url], …] as row[6]
    var li = document.createElement("li");
    var h = document.createElement("h2");
    var a = document.createElement("a");
    a.href = row[0];
    highlighted(a, row[1], terms);
    h.appendChild(a);
    li.appendChild(h);
    var meta = document.createElement("p");
    meta.className = "card-meta";
    meta.textContent = [KIND[row[2]], row[5]].filter(Boolean).join(" · ");
    li.appendChild(meta);
    if (row[4]) {
      var p = document.createElement("p");
      highlighted(p, row[4], terms);
      li.appendChild(p);
    }
    // A post's tags, linked to their pages as on the post's own page.
    if (row[6] && row[6].length) {
      var tags = document.createElement("p");
      tags.className = "search-tags";
      tags.appendChild(document.createTextNode((box.getAttribute("data-text-tags") || "") + ": "));
      row[6].forEach(function (tag, i) {
        if (i) tags.appendChild(document.createTextNode(", "));
        var link = document.createElement("a");
        link.href = tag[1];
        link.rel = "tag";
        highlighted(link, tag[0], terms);
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

  function showMore(focusFirst) {
    var state = current;
    var ids = state.ids.slice(state.shown, state.shown + PAGE);
    var chunks = Array.from(new Set(ids.map(function (id) { return Math.floor(id / manifest.docsPerChunk); })));
    return Promise.all(chunks.map(function (c) { return load("d" + c + ".json"); })).then(function (loaded) {
      if (state !== current) return;
      var byChunk = new Map();
      chunks.forEach(function (c, i) { byChunk.set(c, loaded[i]); });
      var firstNew = null;
      ids.forEach(function (id) {
        var row = byChunk.get(Math.floor(id / manifest.docsPerChunk))[id % manifest.docsPerChunk];
        var li = resultItem(row, state.terms);
        if (!firstNew) firstNew = li;
        list.appendChild(li);
      });
      state.shown += ids.length;
      more.hidden = state.shown >= state.ids.length;
      if (focusFirst && firstNew) firstNew.querySelector("a").focus();
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

  var pending = 0;
  function run(updateURL) {
    var q = input.value.trim();
    var field = fieldSelect ? fieldSelect.value : "";
    var kind = kindSelect ? kindSelect.value : "";
    if (updateURL && window.history && history.replaceState) {
      var params = new URLSearchParams();
      if (q) params.set("q", q);
      if (field) params.set("feld", field);
      if (kind) params.set("art", kind);
      var s = params.toString();
      history.replaceState(null, "", location.pathname + (s ? "?" + s : "") + location.hash);
    }
    var ticket = ++pending;
    return search(q, field, kind).then(function (result) {
      if (ticket !== pending) return;
      current = { terms: result.terms, ids: result.ids, shown: 0 };
      list.textContent = "";
      more.hidden = true;
      showCounts(q && result.terms.length ? result.counts : null);
      if (!q || !result.terms.length) { status.textContent = ""; return; }
      var n = result.ids.length;
      // While fewer than 3 letters are typed, "no results" is no news worth announcing.
      if (n === 0 && Array.from(q.replace(/[^\p{L}\p{N}]/gu, "")).length < 3) { status.textContent = ""; return; }
      var text = n === 0 ? say(box.getAttribute("data-text-none"), n, q)
        : n === 1 ? say(box.getAttribute("data-text-one"), n, q)
        : say(box.getAttribute("data-text-results"), n.toLocaleString("de-DE"), q);
      if (result.missing.length) text += " " + say(box.getAttribute("data-text-missing"), 0, result.missing.join(", "));
      if (n === 0) {
        return suggestion(result.terms, result.unknown).then(function (s) {
          if (ticket !== pending) return;
          status.textContent = text;
          if (s) showSuggestion(s);
        });
      }
      list.setAttribute("aria-busy", "true");
      return showMore(false).then(function () {
        list.removeAttribute("aria-busy");
        status.textContent = text;
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
  if (input.value) status.textContent = box.getAttribute("data-text-loading") || "";

  fetch(indexURL.href, { cache: "no-cache" }).then(function (r) {
    if (!r.ok) throw new Error(String(r.status));
    return r.json();
  }).then(function (m) {
    manifest = m;
    m.stopWords.forEach(function (w) { stop.add(w); });
    box.setAttribute("data-ready", "true");
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      clearTimeout(timer);
      run(true);
    });
    input.addEventListener("input", later);
    if (fieldSelect) fieldSelect.addEventListener("change", function () { run(true); });
    if (kindSelect) kindSelect.addEventListener("change", function () { run(true); });
    more.addEventListener("click", function () { showMore(true); });
    if (input.value) return run(false);
  }).catch(unavailableNow);
})();
