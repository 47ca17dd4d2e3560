import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { pick, seededRandom } from '../../markup/testdata/seeded-random.js';
import { oldAddressKey } from './old-address-key.js';
import { rewriteSpipRefs } from './rewrite-spip-refs.js';

const URL_PARTS = ['/', '/spip.php', '?', '&', '=', 'page', 'article', 'rubrique', 'id_article', '12', '0', '-', '_', '+', '.html', 'IMG', '..', '%2F', '%', '%C3%A9', 'é', 'Titre', '#', ' ', '//', 'backend'];
const TEXT_PARTS = ['[', ']', '->', 'art', 'rub', 'doc', 'img', '<', '>', '|left', '12', '4', '3', ' ', 'texte', '{{', '}}', '<img4|left>', '[->art12]', '\n'];

function random(parts: readonly string[], next: () => number, max: number): string {
  let text = '';
  for (let i = 1 + Math.floor(next() * max); i > 0; i--) text += pick(next, parts);
  return text;
}

describe('SPIP import parsers on random input', () => {
  test('an old-address key never throws, never climbs out of IMG/, and is stable', () => {
    const next = seededRandom(9);
    for (let i = 0; i < 5000; i++) {
      const url = `/${random(URL_PARTS, next, 12)}`;
      const key = oldAddressKey(url);
      if (key === undefined) continue;
      assert.ok(key.length > 0 && key.length <= 4096, url);
      if (key.startsWith('IMG/')) assert.ok(!key.includes('..'), url);
      else assert.ok(!key.includes('/'), `${url} → ${key}`);
      if (!key.startsWith('IMG/') && !/[?&=#%]/.test(key)) assert.equal(oldAddressKey(`/${key}`), key, url);
    }
  });

  test('renumbering with identity maps changes nothing, and with maps only changes digits', () => {
    const next = seededRandom(4);
    const identity = { article: new Map([[12, 12], [3, 3], [4, 4]]), rubrique: new Map([[3, 3], [12, 12]]), document: new Map([[4, 4], [12, 12]]) };
    const shifted = { article: new Map([[12, 70], [4, 71]]), rubrique: new Map([[3, 72]]), document: new Map([[4, 73], [12, 74]]) };
    for (let i = 0; i < 5000; i++) {
      const text = random(TEXT_PARTS, next, 30);
      assert.equal(rewriteSpipRefs(text, identity), text);
      assert.equal(rewriteSpipRefs(text, shifted).replace(/\d+/g, 'N'), text.replace(/\d+/g, 'N'), text);
    }
  });
});
