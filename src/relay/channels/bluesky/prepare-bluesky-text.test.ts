import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { prepareBlueskyText } from './prepare-bluesky-text.js';

// Pieces whose UTF-16 length, UTF-8 length and grapheme count all differ.
const PIECES = ['a', 'é', 'e\u0301', '\u202f', '«', '»', '👨‍👩‍👧‍👦', '🇫🇷', '日本', ' ', '\n', '#Fête', ' #2027', '!', ':'];
const LINKS = ['https://www.ville-exemple.fr/', 'https://ville.fr/a', 'https://www.ville-exemple.fr/actualités/2027?p=1#haut', 'http://exemple.fr/x.'];

function randomText(random: () => number): string {
  let text = '';
  const length = Math.floor(random() * 30);
  for (let i = 0; i < length; i += 1) {
    text += random() < 0.1 ? ` ${LINKS[Math.floor(random() * LINKS.length)]} ` : PIECES[Math.floor(random() * PIECES.length)];
  }
  return text;
}

// A small deterministic generator (mulberry32), so a failure can be replayed from its seed.
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('prepareBlueskyText', () => {
  test('every facet covers, in UTF-8 bytes, exactly what it links or tags (2000 random texts)', () => {
    for (let seed = 1; seed <= 2000; seed += 1) {
      const { text, facets } = prepareBlueskyText(randomText(seeded(seed)));
      const bytes = Buffer.from(text);
      let previousEnd = 0;
      for (const facet of facets) {
        const covered = bytes.subarray(facet.index.byteStart, facet.index.byteEnd).toString('utf8');
        const [feature] = facet.features;
        assert.ok(facet.index.byteStart >= previousEnd, `seed ${seed}: facets overlap`);
        previousEnd = facet.index.byteEnd;
        if (feature?.$type === 'app.bsky.richtext.facet#link') {
          const url = new URL(feature.uri);
          assert.ok(covered.startsWith(url.host), `seed ${seed}: ${covered} shows ${feature.uri}`);
        } else {
          assert.equal(covered, `#${feature?.tag}`, `seed ${seed}`);
        }
      }
    }
  });

  test('leaves a text without links or tags as it is', () => {
    assert.deepEqual(prepareBlueskyText('«\u202fBonjour\u202f» 👨‍👩‍👧‍👦'), { text: '«\u202fBonjour\u202f» 👨‍👩‍👧‍👦', facets: [] });
  });
});
