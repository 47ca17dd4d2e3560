// Keyboard moves shared by the admin lists (the watch inbox, the moderation queue); load it before
// the page's own script. j / k move the focus between the list's items (focus shown), focus
// anywhere inside an item makes it the current one, and every other key goes to the page's
// `onKey(key, item)` (item: the current one, or null), which returns true when it used the key.
// Keys are ignored while typing (in a field or an element matching `typing`) or with a modifier held.
(function () {
  'use strict';
  window.relaisListKeys = function (items, typing, onKey) {
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
      if (target.isContentEditable || typing.test(target.tagName)) return;
      var key = event.key;
      if (key === 'j') move(current + 1);
      else if (key === 'k') move(current < 0 ? 0 : current - 1);
      else if (!onKey(key, current < 0 ? null : items[current])) return;
      event.preventDefault();
    });
  };
})();
