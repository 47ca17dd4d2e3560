import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { namesArticles, rewriteSpipRefs } from './rewrite-spip-refs.js';

const maps = { article: new Map([[12, 40], [13, 41]]), rubrique: new Map([[3, 7]]), document: new Map([[4, 90], [5, 91]]) };

describe('rewriteSpipRefs', () => {
  test('renumbers links and media models to the imported ids, keeping their form', () => {
    assert.equal(
      rewriteSpipRefs('[la fête->art12], [->article13], [->12], [rubrique->rub3], [PDF->doc5], <img4|left> <doc5> <emb4|center>', maps),
      '[la fête->art40], [->article41], [->40], [rubrique->rub7], [PDF->doc91], <img90|left> <doc91> <emb90|center>',
    );
  });

  test('leaves alone what it has no id for, and ordinary text', () => {
    const text = '[->art99] <img77> 3 < 4 et [lien->https://www.exemple.fr/art12] {{gras}}';
    assert.equal(rewriteSpipRefs(text, maps), text);
  });

  test('tells which texts name articles', () => {
    assert.equal(namesArticles('voir [->art12]'), true);
    assert.equal(namesArticles('<img4>'), false);
  });
});
