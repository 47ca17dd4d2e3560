// Live length of a relay post as its network counts it: the same rule as the server's
// countLength (grapheme clusters through Intl.Segmenter; with a link weight, each http(s)
// link counts that many whatever its length; X weighs as twitter-text v3: emoji and code
// points outside the light ranges count 2; Bluesky counts its links shown short). The
// server counts again and blocks.
(function () {
  if (typeof Intl === 'undefined' || typeof Intl.Segmenter !== 'function') return;
  var segmenter = new Intl.Segmenter('fr', { granularity: 'grapheme' });
  var URL_PATTERN = /https?:\/\/[^\s<>"«»]+/giu;
  var TRAILING = /[.,;:!?'’)\]}]+$/u;
  function graphemes(text) {
    var n = 0;
    for (var _ of segmenter.segment(text)) n += 1;
    return n;
  }
  var LIGHT = [[0, 4351], [8192, 8205], [8208, 8223], [8242, 8247]];
  var PICTOGRAPHIC = /\p{Extended_Pictographic}/u;
  var REGIONAL = /\p{Regional_Indicator}/u;
  function isEmoji(grapheme) {
    if (REGIONAL.test(grapheme) || grapheme.indexOf('\u20e3') >= 0 || grapheme.indexOf('\ufe0f') >= 0) return true;
    for (var c of grapheme) if (c.codePointAt(0) > 0xff && PICTOGRAPHIC.test(c)) return true;
    return false;
  }
  // In hundredths, as twitter-text counts.
  function xWeight(text) {
    var w = 0;
    for (var part of segmenter.segment(text)) {
      if (isEmoji(part.segment)) { w += 200; continue; }
      for (var c of part.segment) {
        var cp = c.codePointAt(0);
        w += LIGHT.some(function (r) { return cp >= r[0] && cp <= r[1]; }) ? 100 : 200;
      }
    }
    return w;
  }
  function count(text, urlWeight, mode) {
    if (mode === 'x') {
      text = text.normalize('NFC');
      var total = 0;
      var start = 0;
      for (var m of text.matchAll(URL_PATTERN)) {
        var link = m[0].replace(TRAILING, '');
        if (link.length <= 'https://'.length) continue;
        total += xWeight(text.slice(start, m.index)) + urlWeight * 100;
        start = m.index + link.length;
      }
      return Math.ceil((total + xWeight(text.slice(start))) / 100);
    }
    if (mode === 'bluesky') {
      // Bluesky shows each link short: host, then 13 characters of path and "..." past 15.
      var shown = '';
      var at = 0;
      for (var b of text.matchAll(URL_PATTERN)) {
        var href = b[0].replace(TRAILING, '');
        if (href.length <= 'https://'.length) continue;
        var short = href;
        try {
          var u = new URL(href);
          var path = (u.pathname === '/' ? '' : u.pathname) + u.search + u.hash;
          short = path.length > 15 ? u.host + path.slice(0, 13) + '...' : u.host + path;
        } catch (e) { /* kept whole, as the server does */ }
        shown += text.slice(at, b.index) + short;
        at = b.index + href.length;
      }
      return graphemes(shown + text.slice(at));
    }
    if (!urlWeight) return graphemes(text);
    var n = 0;
    var from = 0;
    for (var match of text.matchAll(URL_PATTERN)) {
      var url = match[0].replace(TRAILING, '');
      if (url.length <= 'https://'.length) continue;
      n += graphemes(text.slice(from, match.index)) + urlWeight;
      from = match.index + url.length;
    }
    return n + graphemes(text.slice(from));
  }
  document.querySelectorAll('.relay-counter[data-for]').forEach(function (counter) {
    var area = document.getElementById(counter.getAttribute('data-for'));
    if (!area) return;
    var limit = Number(counter.getAttribute('data-limit'));
    var weight = Number(counter.getAttribute('data-url-weight')) || 0;
    var mode = counter.getAttribute('data-counting');
    var output = counter.querySelector('.relay-count');
    var verdict = counter.querySelector('.relay-verdict');
    var preview = document.getElementById(counter.getAttribute('data-for') + '-preview');
    function update() {
      var length = count(area.value, weight, mode);
      output.textContent = String(length);
      var over = length > limit;
      counter.className = (over ? 'field-error' : 'hint') + ' relay-counter';
      if (verdict) verdict.textContent = over ? ' : trop long, raccourcissez le texte.' : '.';
      area.setAttribute('aria-invalid', over ? 'true' : 'false');
      if (preview) preview.textContent = area.value;
    }
    area.addEventListener('input', update);
    update();
  });
})();
