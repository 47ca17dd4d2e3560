import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { NETWORK_NAMES, type NetworkName } from './channel-adapter.js';
import { CHANNELS } from './channels.js';

// Each network's own way of counting, on the texts that differ: emoji sequences, flags,
// combining accents, links, and French typography's narrow no-break spaces (U+202F).
const NNBSP = '\u202f';
const LINK = 'https://www.ville-exemple.fr/actualites/2027/conseil-municipal-du-mois-de-decembre';
const FRENCH = `«${NNBSP}Bonjour${NNBSP}»${NNBSP}: ça va${NNBSP}? Oui${NNBSP}! Non${NNBSP};`; // 33 graphemes, 6 of them U+202F

type Expected = Readonly<Record<NetworkName, number>>;
const graphemes = (n: number, overrides: Partial<Expected> = {}): Expected =>
  ({ mastodon: n, bluesky: n, facebook: n, linkedin: n, x: n, threads: n, ...overrides });

const CASES: readonly { readonly name: string; readonly text: string; readonly expected: Expected }[] = [
  { name: 'plain French letters', text: 'Été à Noël', expected: graphemes(10) },
  { name: 'a ZWJ family emoji is one grapheme (X weighs an emoji 2)', text: '👨‍👩‍👧‍👦', expected: graphemes(1, { x: 2 }) },
  { name: 'a flag is one grapheme (X: 2)', text: 'Allez 🇫🇷 !', expected: graphemes(9, { x: 10 }) },
  { name: 'a skin-toned emoji is one grapheme (X: 2)', text: '👋🏽', expected: graphemes(1, { x: 2 }) },
  { name: 'a keycap is one grapheme (X: 2)', text: '1️⃣', expected: graphemes(1, { x: 2 }) },
  { name: 'a decomposed accent is one grapheme (X normalizes to NFC: 1)', text: 'e\u0301te\u0301', expected: graphemes(3) },
  { name: 'an accent with no precomposed form is one grapheme, two code points for X', text: 'q\u0303', expected: graphemes(1, { x: 2 }) },
  { name: 'CJK weighs 2 on X', text: '日本語', expected: graphemes(3, { x: 6 }) },
  {
    name: 'a link: 23 on Mastodon and X, shown short on Bluesky, in full elsewhere',
    text: `Lire ${LINK}`,
    expected: graphemes(5 + LINK.length, { mastodon: 28, x: 28, bluesky: 5 + 'www.ville-exemple.fr/actualites/2...'.length }),
  },
  {
    name: 'a link at the end of a sentence loses its final punctuation',
    text: `Voir ${LINK}.`,
    expected: graphemes(6 + LINK.length, { mastodon: 29, x: 29, bluesky: 6 + 36 }),
  },
  { name: 'narrow no-break spaces before « ; : ! ? » weigh 2 on X (outside its light ranges)', text: FRENCH, expected: graphemes(33, { x: 39 }) },
  {
    name: 'a remote Mastodon mention counts without its domain',
    text: 'Merci @mairie@mastodon.exemple.fr',
    expected: graphemes(33, { mastodon: 13 }),
  },
];

describe('countLength, as each network counts', () => {
  for (const { name, text, expected } of CASES) {
    test(name, () => {
      const counted = Object.fromEntries(NETWORK_NAMES.map((network) => [network, CHANNELS[network].countLength(text)]));
      assert.deepEqual(counted, expected);
    });
  }

  test('the limits are those each network documents', () => {
    const limits = Object.fromEntries(NETWORK_NAMES.map((network) => [network, CHANNELS[network].limits().maxLength]));
    assert.deepEqual(limits, { mastodon: 500, bluesky: 300, facebook: 63_206, linkedin: 3000, x: 280, threads: 500 });
  });

  test('a text of 280 emoji-free letters fits X; one emoji more does not', () => {
    const x = CHANNELS.x;
    assert.equal(x.countLength(`${'a'.repeat(279)}b`), 280);
    assert.ok(x.countLength(`${'a'.repeat(279)}🙂`) > x.limits().maxLength);
  });
});
