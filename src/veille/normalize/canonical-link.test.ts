import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { pick, seededRandom } from '../../markup/testdata/seeded-random.js';
import { canonicalLink } from './canonical-link.js';

describe('canonicalLink', () => {
  const cases: readonly (readonly [rule: string, input: string, expected: string | undefined])[] = [
    ['lower-cases scheme and host, keeps the path case', 'HTTPS://WWW.Ville-Nantes.FR/Actu/Page', 'https://www.ville-nantes.fr/Actu/Page'],
    ['turns an IDN host into punycode', 'https://Mairie-Évry.fr/agenda', 'https://xn--mairie-vry-h7a.fr/agenda'],
    ['removes the default https port', 'https://ville.fr:443/a', 'https://ville.fr/a'],
    ['removes the default http port, even zero-padded', 'http://ville.fr:0080/a', 'http://ville.fr/a'],
    ['keeps another port', 'https://ville.fr:8443/a', 'https://ville.fr:8443/a'],
    ['keeps port 80 on https', 'https://ville.fr:80/a', 'https://ville.fr:80/a'],
    ['removes the fragment', 'https://ville.fr/a#commentaires', 'https://ville.fr/a'],
    ['removes utm_* in any case', 'https://ville.fr/a?UTM_Source=fb&utm_medium=social&id=4', 'https://ville.fr/a?id=4'],
    ['removes click ids', 'https://ville.fr/a?fbclid=x&gclid=y&dclid=z&msclkid=m&yclid=q&igshid=i', 'https://ville.fr/a'],
    ['removes Mailchimp and HubSpot tags', 'https://ville.fr/a?mc_cid=1&mc_eid=2&_hsenc=3&_hsmi=4&p=1', 'https://ville.fr/a?p=1'],
    ['removes xtor on a French news link', 'https://www.francetvinfo.fr/sante/article_123.html?xtor=RSS-3-[lestitres]#xtor=RSS', 'https://www.francetvinfo.fr/sante/article_123.html'],
    ['removes AT Internet at_* tags', 'https://www.lemonde.fr/planete/article/2026/11/28/x_1.html?at_medium=rss&at_campaign=une&lmd_medium=al', 'https://www.lemonde.fr/planete/article/2026/11/28/x_1.html?lmd_medium=al'],
    ['sorts the remaining parameters, stable for repeated names', 'https://ville.fr/r?z=1&a=2&m=3&a=1', 'https://ville.fr/r?a=2&a=1&m=3&z=1'],
    ['removes an empty query', 'https://ville.fr/a?', 'https://ville.fr/a'],
    ['removes empty pieces of a query', 'https://ville.fr/a?&&b=1&', 'https://ville.fr/a?b=1'],
    ['removes a query left empty by tracking removal', 'https://ville.fr/a?utm_campaign=x', 'https://ville.fr/a'],
    ['keeps each piece encoded as it was', 'https://ville.fr/s?q=%C3%A9t%C3%A9&r=a+b', 'https://ville.fr/s?q=%C3%A9t%C3%A9&r=a+b'],
    ['normalises percent-encodings in path and query', 'https://ville.fr/%7euser/caf%c3%a9?q=%7e%2f&%41=1', 'https://ville.fr/~user/caf%C3%A9?A=1&q=~%2F'],
    ['writes a stray % as %25', 'https://ville.fr/100%-bio?taux=5%', 'https://ville.fr/100%25-bio?taux=5%25'],
    ['resolves dot segments', 'https://ville.fr/a/./b/../c/./d.html', 'https://ville.fr/a/c/d.html'],
    ['keeps a trailing index.html and slash', 'https://ville.fr/actu/index.html', 'https://ville.fr/actu/index.html'],
    ['gives an empty path as /', 'https://ville.fr', 'https://ville.fr/'],
    ['drops the trailing dot of a host', 'https://ville.fr./a', 'https://ville.fr/a'],
    ['drops credentials', 'https://agent:secret@ville.fr/a', 'https://ville.fr/a'],
    ['keeps an IPv6 host with its port', 'http://[2001:DB8::1]:8080/x', 'http://[2001:db8::1]:8080/x'],
    ['trims surrounding white space', '  https://ville.fr/a \n', 'https://ville.fr/a'],
    ['refuses ftp', 'ftp://ville.fr/a', undefined],
    ['refuses javascript:', 'javascript:alert(1)', undefined],
    ['refuses mailto:', 'mailto:contact@ville.fr', undefined],
    ['refuses a relative link without a base', '/actu/a', undefined],
    ['refuses a port out of range', 'https://ville.fr:99999/a', undefined],
    ['refuses garbage', 'ceci n’est pas une adresse', undefined],
    ['refuses an empty string', '', undefined],
  ];
  for (const [rule, input, expected] of cases) {
    test(rule, () => assert.equal(canonicalLink(input), expected));
  }

  test('resolves a relative link against a base', () => {
    assert.equal(canonicalLink('../agenda/?utm_source=x#a', 'https://ville.fr/actu/page.html'), 'https://ville.fr/agenda/');
  });

  test('treats a value that is not a string as no link', () => {
    assert.equal(canonicalLink(undefined), undefined);
    assert.equal(canonicalLink(42 as unknown as string), undefined);
  });
});

const PIECES = [
  'http', 'https', 'HTTP', 'ftp', '://', ':', '/', '//', '.', '..', '?', '&', '=', '#', '@', '%', '%2e', '%zz', '%C3%A9', '%7e', '%41', '%b',
  'ville.fr', 'Mairie-Évry.FR', 'xn--', '[::1]', '127.0.0.1', ':443', ':80', ':0', ':65536', 'utm_source', 'xtor',
  'at_medium', 'fbclid', 'id', 'a', 'é', ' ', '\t', '\n', '\\', '+', '"', '<', '>', '`', '{', '}', '|', '^', '~', "'",
  '\u0000', '\u00a0', '\ud800', '😀',
];

const HOSTS = ['ville.fr', 'Mairie-Évry.FR', 'www.lemonde.fr.', '[::1]', '127.0.0.1', 'a.b.c', 'user:pw@x.fr'];

function* randomLinks(seed: number, count: number): Generator<string> {
  const random = seededRandom(seed);
  for (let i = 0; i < count; i++) {
    const length = 1 + Math.floor(random() * 24);
    // Most links start well (scheme and host) so that the rules, not the parser's refusals, get exercised.
    let link = random() < 0.7 ? pick(random, ['https://', 'http://', 'HTTPS://']) + pick(random, HOSTS) + pick(random, ['/', '', '?']) : '';
    for (let j = 0; j < length; j++) link += pick(random, PIECES);
    yield link;
  }
}

describe('canonicalLink on arbitrary input (seeded)', () => {
  test('never throws, and gives only http(s) links or undefined', () => {
    for (const link of randomLinks(20261129, 20_000)) {
      const canonical = canonicalLink(link);
      if (canonical !== undefined) assert.match(canonical, /^https?:\/\/[^#]*$/, `from ${JSON.stringify(link)}`);
    }
  });

  test('is idempotent: a canonical link is its own canonical form', () => {
    let checked = 0;
    for (const link of randomLinks(7, 20_000)) {
      const once = canonicalLink(link);
      if (once === undefined) continue;
      checked++;
      assert.equal(canonicalLink(once), once, `from ${JSON.stringify(link)}`);
    }
    assert.ok(checked > 5_000, `only ${checked} links parsed: the generator no longer exercises the rules`);
  });
});
