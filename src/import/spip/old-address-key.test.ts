import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { oldAddressKey, storedUrlKey } from './old-address-key.js';

describe('oldAddressKey', () => {
  test('gives every address form of one SPIP object the same key', () => {
    for (const url of ['/spip.php?article12', '/?article12', '/spip.php?page=article&id_article=12', '/spip.php?id_article=12', '/article12.html', '/article12', '/index.php?article12', '/site/spip.php?article12', '/site/?article12']) {
      assert.equal(oldAddressKey(url), 'article12', url);
    }
    for (const url of ['/spip.php?rubrique3', '/rubrique3.html', '/spip.php?page=rubrique&id_rubrique=3', '/-rubrique3-']) assert.equal(oldAddressKey(url), 'rubrique3', url);
  });

  test('reads URLs propres, propres2, arborescentes and propres_qs as the URL SPIP stored', () => {
    for (const url of ['/Fete-du-village', '/Fete-du-village.html', '/-Fete-du-village-', '/Vie-municipale/Conseil/Fete-du-village', '/Vie-municipale/Fete-du-village/', '/?Fete-du-village', '/F%C3%AAte-du-village']) {
      assert.match(oldAddressKey(url) ?? '', /^F(e|ê)te-du-village$/, url);
    }
    assert.equal(oldAddressKey('/_Marie-Dupont_'), 'Marie-Dupont');
    assert.equal(storedUrlKey('Vie-municipale/Conseil-municipal'), 'Conseil-municipal');
  });

  test('keeps IMG paths, maps the feed, and ignores what has no SPIP shape', () => {
    assert.equal(oldAddressKey('/IMG/pdf/compte-rendu.pdf'), 'IMG/pdf/compte-rendu.pdf');
    assert.equal(oldAddressKey('/IMG/../config/connect.php'), undefined);
    assert.equal(oldAddressKey('/spip.php?page=backend'), 'backend');
    assert.equal(oldAddressKey('/?page=backend'), 'backend');
    assert.equal(oldAddressKey('/spip.php?page=sommaire'), 'sommaire');
    assert.equal(oldAddressKey('/'), undefined);
    assert.equal(oldAddressKey('/?utm_source=lettre'), undefined);
    assert.equal(oldAddressKey('/%E0%A4%A'), undefined);
  });
});
