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
  var current = -1;

  function move(to) {
    current = Math.max(0, Math.min(items.length - 1, to));
    items[current].focus();
  }

  document.addEventListener('focusin', function (event) {
    var index = items.findIndex(function (item) { return item.contains(event.target); });
    if (index >= 0) current = index;
  });

  function submitState(key) {
    var button = document.querySelector('.bulk-actions button[data-key="' + key + '"]');
    if (!button) return false;
    var ticked = document.querySelectorAll('.inbox-list input[name="selection"]:checked');
    if (ticked.length === 0) {
      if (current < 0) return false;
      var box = items[current].querySelector('input[name="selection"]');
      if (!box) return false;
      box.checked = true;
    }
    button.form.requestSubmit(button);
    return true;
  }

  document.addEventListener('keydown', function (event) {
    if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
    var target = event.target;
    if (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT|BUTTON)$/.test(target.tagName)) return;
    var key = event.key;
    if (key === 'j') move(current + 1);
    else if (key === 'k') move(current < 0 ? 0 : current - 1);
    else if (key === 'x' && current >= 0) {
      var box = items[current].querySelector('input[name="selection"]');
      if (!box) return;
      box.checked = !box.checked;
    } else if (key === 'o' && current >= 0) {
      var link = items[current].querySelector('.inbox-title a');
      if (!link) return;
      window.open(link.href, '_blank', 'noopener');
    } else if (/^[thin]$/.test(key)) {
      if (!submitState(key)) return;
    } else return;
    event.preventDefault();
  });
})();
