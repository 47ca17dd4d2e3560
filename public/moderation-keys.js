// Keyboard shortcuts of the moderation queue (/ecrire/forum), a progressive enhancement: every
// action stays a plain form that works without JavaScript. j / k move between messages (focus
// shown), a / r / s submit the focused message's publish / refuse / spam form, x ticks its box.
// Keys are ignored while typing in a field or with a modifier held.
(function () {
  'use strict';
  var items = Array.prototype.slice.call(document.querySelectorAll('.moderation-queue [data-message]'));
  var all = document.getElementById('toute-la-page');
  var boxes = function () { return document.querySelectorAll('.moderation-queue input[name="selection"]'); };
  if (all) {
    all.addEventListener('change', function () {
      boxes().forEach(function (box) { box.checked = all.checked; });
    });
    document.addEventListener('change', function (event) {
      if (event.target.name === 'selection' && !event.target.checked) all.checked = false;
    });
  }
  if (items.length === 0) return;
  var help = document.getElementById('raccourcis');
  if (help) help.hidden = false;

  var ACTIONS = { a: 'approve', r: 'reject', s: 'spam' };
  var current = -1;

  function move(to) {
    current = Math.max(0, Math.min(items.length - 1, to));
    items[current].focus();
  }

  document.addEventListener('focusin', function (event) {
    var index = items.findIndex(function (item) { return item.contains(event.target); });
    if (index >= 0) current = index;
  });

  document.addEventListener('keydown', function (event) {
    if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
    var target = event.target;
    if (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)) return;
    var key = event.key;
    if (key === 'j') move(current + 1);
    else if (key === 'k') move(current < 0 ? 0 : current - 1);
    else if (current >= 0 && Object.prototype.hasOwnProperty.call(ACTIONS, key)) {
      var form = items[current].querySelector('form[action$="/' + ACTIONS[key] + '"]');
      if (!form) return;
      form.requestSubmit();
    } else if (current >= 0 && key === 'x') {
      var box = items[current].querySelector('input[name="selection"]');
      if (!box) return;
      box.checked = !box.checked;
      if (!box.checked && all) all.checked = false;
    } else return;
    event.preventDefault();
  });
})();
