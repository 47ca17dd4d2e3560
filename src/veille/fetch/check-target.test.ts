import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseAllowList } from './allow-list.js';
import { checkTarget } from './check-target.js';
import { FetchError } from './fetch-error.js';
import { parseFetchUrl } from './parse-fetch-url.js';
import type { HostnameResolver } from './resolve-hostname.js';

// No network here: every refusal happens before a socket is opened, and the resolver is a fake
// that records the names it was asked about.

function fakeResolver(answers: Readonly<Record<string, readonly string[]>>): HostnameResolver & { asked: string[] } {
  const asked: string[] = [];
  const resolve = async (hostname: string) => {
    asked.push(hostname);
    const addresses = answers[hostname];
    if (!addresses) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
    return addresses;
  };
  return Object.assign(resolve, { asked });
}

const nothingAllowed = parseAllowList([]).allowList;

async function refusal(href: string, resolve: HostnameResolver = fakeResolver({}), allowList = nothingAllowed) {
  const error = await Promise.resolve().then(() => checkTarget(parseFetchUrl(href), { allowList, resolve })).then(
    () => assert.fail(`${href} should have been refused`),
    (caught: unknown) => caught,
  );
  assert.ok(error instanceof FetchError, `${href}: ${String(error)}`);
  return error;
}

describe('parseFetchUrl and checkTarget', () => {
  const privateSpellings = [
    'http://127.0.0.1/', 'http://127.1/', 'http://2130706433/', 'http://0x7f.0.0.1/', 'http://017700000001/',
    'http://0177.0.0.1/', 'http://127.0.0.1./', 'http://[::1]/', 'http://[::ffff:127.0.0.1]/', 'http://[::ffff:7f00:1]/',
    'http://[0:0:0:0:0:ffff:127.0.0.1]/', 'http://[::127.0.0.1]/', 'http://0.0.0.0/', 'http://0/', 'http://[::]/',
    'http://10.0.0.1/', 'http://172.16.5.4/', 'http://192.168.1.1/', 'http://100.64.0.1/', 'http://169.254.169.254/latest/meta-data/',
    'http://[fe80::1]/', 'http://[fc00::1]/', 'http://[fd12:3456::1]/', 'http://224.0.0.1/', 'http://[ff02::1]/',
    'http://255.255.255.255/', 'http://[::ffff:10.0.0.1]/', 'http://[::ffff:169.254.169.254]/', 'https://192.168.0.1:8443/',
  ];
  for (const href of privateSpellings) {
    test(`refuses ${href} before any resolution`, async () => {
      const resolve = fakeResolver({});
      const error = await refusal(href, resolve);
      assert.equal(error.code, 'private-address');
      assert.deepEqual(resolve.asked, []);
    });
  }

  for (const href of ['http://localhost/', 'http://localhost./', 'http://LOCALHOST:8080/', 'http://admin.localhost/']) {
    test(`refuses ${href} as this machine without asking DNS`, async () => {
      const resolve = fakeResolver({ localhost: ['93.184.215.14'], 'admin.localhost': ['93.184.215.14'] });
      assert.equal((await refusal(href, resolve)).code, 'private-address');
      assert.deepEqual(resolve.asked, []);
    });
  }

  test('refuses a public-looking name that resolves to a private address, or to a mix of public and private', async () => {
    const resolve = fakeResolver({ 'flux.example.org': ['127.0.0.1'], 'mixte.example.org': ['93.184.215.14', '10.1.2.3'] });
    assert.equal((await refusal('http://flux.example.org/rss', resolve)).code, 'private-address');
    assert.equal((await refusal('http://mixte.example.org/rss', resolve)).code, 'private-address');
  });

  test('accepts a name whose addresses are all public and keeps them, in order, for the connection', async () => {
    const resolve = fakeResolver({ 'www.ville-exemple.fr': ['2001:4860:4860::8888', '93.184.215.14'] });
    const target = await checkTarget(parseFetchUrl('https://www.ville-exemple.fr./actualites.xml'), { allowList: nothingAllowed, resolve });
    assert.equal(target.address, '2001:4860:4860::8888');
    assert.deepEqual(target.addresses, [
      { address: '2001:4860:4860::8888', family: 6 },
      { address: '93.184.215.14', family: 4 },
    ]);
    assert.deepEqual(resolve.asked, ['www.ville-exemple.fr']);
    assert.ok(Object.isFrozen(target));
  });

  test('lets the allow-list open a host name, an address or a CIDR range', async () => {
    const { allowList, invalid } = parseAllowList(['intranet.mairie.local', '127.0.0.1', '10.20.0.0/16', '[::1]', 'pas une entrée!']);
    assert.deepEqual(invalid, ['pas une entrée!']);
    const resolve = fakeResolver({ 'intranet.mairie.local': ['192.168.1.10'], 'autre.mairie.local': ['192.168.1.11'] });
    assert.equal((await checkTarget(parseFetchUrl('http://INTRANET.mairie.local./'), { allowList, resolve })).address, '192.168.1.10');
    assert.equal((await checkTarget(parseFetchUrl('http://127.1:8080/'), { allowList, resolve })).address, '127.0.0.1');
    assert.equal((await checkTarget(parseFetchUrl('http://10.20.3.4/'), { allowList, resolve })).address, '10.20.3.4');
    assert.equal((await checkTarget(parseFetchUrl('http://[::1]/'), { allowList, resolve })).address, '::1');
    assert.equal((await refusal('http://10.21.0.1/', resolve, allowList)).code, 'private-address');
    assert.equal((await refusal('http://autre.mairie.local/', resolve, allowList)).code, 'private-address');
    assert.equal((await refusal('http://127.0.0.2/', resolve, allowList)).code, 'private-address');
  });

  test('refuses other schemes, credentials and unreadable addresses, and reports unknown names', async () => {
    assert.equal((await refusal('ftp://ftp.example.org/flux')).code, 'unsupported-scheme');
    assert.equal((await refusal('file:///etc/passwd')).code, 'unsupported-scheme');
    assert.equal((await refusal('gopher://example.org/')).code, 'unsupported-scheme');
    assert.equal((await refusal('http://user:secret@example.org/')).code, 'credentials-in-url');
    assert.equal((await refusal('http://user@example.org/')).code, 'credentials-in-url');
    assert.equal((await refusal('pas une adresse')).code, 'bad-url');
    assert.equal((await refusal('http://[::1/')).code, 'bad-url');
    const unknown = await refusal('https://inconnu.example.org/');
    assert.equal(unknown.code, 'dns');
    assert.equal(unknown.message, 'Ce nom de domaine est introuvable.');
    assert.match(unknown.detail, /ENOTFOUND/);
  });

  test('refuses random private IPv4 addresses in every spelling (property, seeded)', async () => {
    // Blocked ranges as [first octets, prefix length]; a seeded generator keeps failures reproducible.
    const ranges: [number[], number][] = [
      [[127, 0, 0, 0], 8], [[10, 0, 0, 0], 8], [[172, 16, 0, 0], 12], [[192, 168, 0, 0], 16],
      [[100, 64, 0, 0], 10], [[169, 254, 0, 0], 16], [[0, 0, 0, 0], 8], [[224, 0, 0, 0], 4],
    ];
    let seed = 20261129;
    const random = (): number => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let i = 0; i < 200; i += 1) {
      const [base, bits] = ranges[i % ranges.length] as [number[], number];
      const baseValue = ((base[0] ?? 0) * 2 ** 24) + ((base[1] ?? 0) << 16) + ((base[2] ?? 0) << 8) + (base[3] ?? 0);
      const value = baseValue + Math.floor(random() * 2 ** (32 - bits));
      const octets = [value >>> 24, (value >>> 16) & 255, (value >>> 8) & 255, value & 255];
      const hex16 = (n: number): string => n.toString(16);
      const spellings = [
        octets.join('.'),
        String(value),
        `0x${value.toString(16)}`,
        `0${value.toString(8)}`,
        octets.map((o) => `0x${o.toString(16)}`).join('.'),
        octets.map((o) => `0${o.toString(8)}`).join('.'),
        `${octets[0]}.${(value & 0xffffff) >>> 0}`,
        `${octets.join('.')}.`,
        `[::ffff:${octets.join('.')}]`,
        `[::ffff:${hex16((value >>> 16) & 0xffff)}:${hex16(value & 0xffff)}]`,
        `[::${octets.join('.')}]`,
      ];
      for (const spelling of spellings) {
        const resolve = fakeResolver({});
        const error = await refusal(`http://${spelling}/`, resolve);
        assert.equal(error.code, 'private-address', `${spelling} (${octets.join('.')}): ${error.detail}`);
        assert.deepEqual(resolve.asked, []);
      }
    }
  });
});
