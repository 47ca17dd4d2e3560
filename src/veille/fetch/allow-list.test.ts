import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ConfigError, parseConfig } from '../../config.js';
import { parseAllowList } from './allow-list.js';

describe('parseAllowList', () => {
  test('matches names without case or trailing dot, addresses in any spelling, and CIDR ranges of both families', () => {
    const { allowList, invalid } = parseAllowList(['Intranet.Mairie.local.', '192.168.10.0/24', 'fd00::/8', '127.0.0.1']);
    assert.deepEqual(invalid, []);
    assert.equal(allowList.allowsHost('intranet.mairie.local'), true);
    assert.equal(allowList.allowsHost('INTRANET.MAIRIE.LOCAL.'), true);
    assert.equal(allowList.allowsHost('autre.mairie.local'), false);
    assert.equal(allowList.allowsAddress('192.168.10.200'), true);
    assert.equal(allowList.allowsAddress('192.168.11.1'), false);
    assert.equal(allowList.allowsAddress('fd12::1'), true);
    assert.equal(allowList.allowsAddress('::ffff:127.0.0.1'), true, 'the IPv4-mapped form of a listed address');
    assert.equal(allowList.allowsAddress('127.0.0.2'), false);
    assert.equal(allowList.allowsAddress('intranet.mairie.local'), false);
  });

  test('reports entries that are neither a name, an address nor a range', () => {
    assert.deepEqual(parseAllowList(['10.0.0.0/33', 'http://x', 'a b', '-tiret.fr', 'ok.fr']).invalid, [
      '10.0.0.0/33', 'http://x', 'a b', '-tiret.fr',
    ]);
  });
});

describe('FETCH_ALLOW_HOSTS in the configuration', () => {
  test('is empty by default and a frozen list otherwise', () => {
    assert.deepEqual(parseConfig({}).fetchAllowHosts, []);
    const config = parseConfig({ FETCH_ALLOW_HOSTS: ' intranet.mairie.local , 10.0.0.0/8,,::1 ' });
    assert.deepEqual(config.fetchAllowHosts, ['intranet.mairie.local', '10.0.0.0/8', '::1']);
    assert.ok(Object.isFrozen(config.fetchAllowHosts));
  });

  test('lists each invalid entry in French with the other problems', () => {
    assert.throws(
      () => parseConfig({ FETCH_ALLOW_HOSTS: '10.0.0.0/99,http://intranet', PORT: 'x' }),
      (error: unknown) => {
        assert.ok(error instanceof ConfigError);
        assert.equal(error.problems.length, 3);
        assert.ok(error.problems.includes('FETCH_ALLOW_HOSTS : « 10.0.0.0/99 » n\'est ni un nom d\'hôte, ni une adresse IP, ni une plage CIDR.'));
        return true;
      },
    );
  });
});

describe('FETCH_CONCURRENCY in the configuration', () => {
  test('is 16 by default, a whole number from 1 to 256 otherwise, refused in French beside the other problems', () => {
    assert.equal(parseConfig({}).fetchConcurrency, 16);
    assert.equal(parseConfig({ FETCH_CONCURRENCY: '64' }).fetchConcurrency, 64);
    for (const raw of ['0', '257', '2.5', 'beaucoup']) {
      assert.throws(() => parseConfig({ FETCH_CONCURRENCY: raw, PORT: 'x' }), (error: unknown) => {
        assert.ok(error instanceof ConfigError);
        assert.deepEqual(error.problems.map((p) => p.split(' ')[0]), ['PORT', 'FETCH_CONCURRENCY']);
        assert.ok(error.problems.includes(`FETCH_CONCURRENCY doit être un entier entre 1 et 256 (reçu : « ${raw} »).`));
        return true;
      });
    }
  });
});
