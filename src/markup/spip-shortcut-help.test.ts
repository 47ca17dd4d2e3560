import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { renderSpip } from './render-spip.js';
import { spipShortcutHelp } from './spip-shortcut-help.js';

describe('spipShortcutHelp', () => {
  test('is frozen data with a French description for every shortcut', () => {
    assert.ok(Object.isFrozen(spipShortcutHelp));
    assert.ok(spipShortcutHelp.every((line) => Object.isFrozen(line) && line.description.length > 0));
    assert.ok(spipShortcutHelp.some((line) => line.forum));
  });

  test('has examples that render to HTML in every profile they are shown in', () => {
    for (const line of spipShortcutHelp) {
      for (const profile of line.forum ? (['article', 'forum'] as const) : (['article'] as const)) {
        assert.notEqual(renderSpip(line.example, { profile }).html, '', `${profile}: ${line.example}`);
      }
    }
  });
});
