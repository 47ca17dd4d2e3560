// The watch inbox (/ecrire/veille/boite), a progressive enhancement: every action stays a plain
// form that works without JavaScript. Live arrival: the server-sent events of the banner's
// data-stream address announce new matches ("N nouveaux éléments", with a link that reloads).
// Keyboard: j / k move between items (focus shown), x ticks the focused item, t / h / i / n
// give the focused item (or the ticked ones) the state à traiter / traité / ignoré / nouveau,
// o opens its link. Keys are ignored while typing in a field or with a modifier held.
(function () {
  'use strict';
  var banner = document.getElementById('arrivees');
  if (banner && window.EventSource && banner.getAttribute('data-stream')) {
    var source = new EventSource(banner.getAttribute('data-stream'));
    source.addEventListener('arrivals', function (event) {
      var data = JSON.parse(event.data);
      if (!data.count) return;
      banner.querySelector('span').textContent = data.count === 1 ? '1 nouvel élément est arrivé.' : data.count + ' nouveaux éléments sont arrivés.';
      banner.hidden = false;
    });
  }

  var items = Array.prototype.slice.call(document.querySelectorAll('.inbox-list [data-match]'));
  if (items.length === 0) return;
  var all = document.getElementById('toute-la-page');
  if (all) {
    document.getElementById('tout-cocher').hidden = false;
    all.addEventListener('change', function () {
      document.querySelectorAll('.inbox-list input[name="selection"]').forEach(function (box) { box.checked = all.checked; });
    });
  }
  var help = document.getElementById('raccourcis');
  if (help) help.hidden = false;

  function submitState(key, item) {
    var button = document.querySelector('.bulk-actions button[data-key="' + key + '"]');
    if (!button) return false;
    var ticked = document.querySelectorAll('.inbox-list input[name="selection"]:checked');
    if (ticked.length === 0) {
      if (!item) return false;
      var box = item.querySelector('input[name="selection"]');
      if (!box) return false;
      box.checked = true;
    }
    button.form.requestSubmit(button);
    return true;
  }

  // j / k and the current item come from list-keys.js.
  window.relaisListKeys(items, /^(INPUT|TEXTAREA|SELECT|BUTTON)$/, function (key, item) {
    if (key === 'x' && item) {
      var box = item.querySelector('input[name="selection"]');
      if (!box) return false;
      box.checked = !box.checked;
    } else if (key === 'o' && item) {
      var link = item.querySelector('.inbox-title a');
      if (!link) return false;
      window.open(link.href, '_blank', 'noopener');
    } else if (/^[thin]$/.test(key)) {
      return submitState(key, item);
    } else return false;
    return true;
  });
})();
