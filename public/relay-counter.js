// Live length of a relay post as its network counts it: the same rule as the server's
// countLength (grapheme clusters through Intl.Segmenter; with a link weight, each http(s)
// link counts that many whatever its length). The server counts again and blocks.
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
  function count(text, urlWeight) {
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
    var output = counter.querySelector('.relay-count');
    var verdict = counter.querySelector('.relay-verdict');
    var preview = document.getElementById(counter.getAttribute('data-for') + '-preview');
    function update() {
      var length = count(area.value, weight);
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
