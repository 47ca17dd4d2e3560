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

  // j / k and the current item come from list-keys.js.
  window.relaisListKeys(items, /^(INPUT|TEXTAREA|SELECT)$/, function (key, item) {
    if (item && Object.prototype.hasOwnProperty.call(ACTIONS, key)) {
      var form = item.querySelector('form[action$="/' + ACTIONS[key] + '"]');
      if (!form) return false;
      form.requestSubmit();
    } else if (item && key === 'x') {
      var box = item.querySelector('input[name="selection"]');
      if (!box) return false;
      box.checked = !box.checked;
      if (!box.checked && all) all.checked = false;
    } else return false;
    return true;
  });
})();
