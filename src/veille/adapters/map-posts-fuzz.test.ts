import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { pick, seededRandom } from '../../markup/testdata/seeded-random.js';
import { mapBlueskyPost } from './bluesky/map-bluesky-post.js';
import { asObject, type JsonObject } from './json-fields.js';
import { mapMastodonStatus } from './mastodon/map-mastodon-status.js';
import { mapRedditPost } from './reddit/map-reddit-post.js';
import type { AdapterEntry } from './source-adapter.js';

// What a network might send in any field: wrong types, hostile strings, odd URLs and byte offsets.
const LEAVES: readonly unknown[] = [
  undefined, null, '', ' ', 0, -1, 3, 1e21, 1.5, Number.NaN, true, [], {}, 'texte', '😀'.repeat(40), '\u0000\n\n',
  'https://exemple.fr/a.png', '/r/france/comments/x/', '//autre.example/x', 'http://[', 'javascript:alert(1)',
  'at://did:plc:abc/app.bsky.feed.post/3k', 'at://did:plc:abc/app.bsky.feed.like/3k', 'handle.invalid',
  '<script>alert(1)</script><p onclick="x()">Conseil</p>', '&lt;script&gt;alert(1)&lt;/script&gt;', '2026-11-28T10:00:00Z',
  [{ index: { byteStart: 0, byteEnd: 400 }, features: [{ $type: 'app.bsky.richtext.facet#link', uri: 'javascript:alert(1)' }] }],
  [{ index: { byteStart: 2, byteEnd: 1 }, features: [{ $type: 'app.bsky.richtext.facet#tag', tag: '<b>' }] }],
];

const fixture = (path: string): unknown => JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8'));
const MASTODON = fixture('mastodon/testdata/tag-conseilmunicipal.json') as JsonObject[];
const BLUESKY = (fixture('bluesky/testdata/search-posts.json') as { posts: JsonObject[] }).posts;
const REDDIT = (fixture('reddit/testdata/r-france-new.json') as { data: { children: { data: JsonObject }[] } }).data.children.map((child) => child.data);

/** A real post with some of its fields, at any depth, replaced by odd values or removed. */
function mutate(random: () => number, value: unknown, depth = 0): unknown {
  if (random() < 0.08) return pick(random, LEAVES);
  if (Array.isArray(value)) return value.map((item) => mutate(random, item, depth + 1));
  const object = asObject(value);
  if (object === undefined || depth > 5) return value;
  return Object.fromEntries(Object.entries(object).filter(() => random() > 0.05).map(([key, item]) => [key, mutate(random, item, depth + 1)]));
}

function assertSafe(entry: AdapterEntry | undefined): boolean {
  if (entry === undefined) return false;
  const tags = [entry.content ?? '', entry.summary ?? ''].flatMap((html) => html.match(/<[a-z][^>]*>/gi) ?? []);
  for (const tag of tags) assert.doesNotMatch(tag, /^<script|\son\w+=|(?:href|src)="\s*javascript:/i);
  for (const enclosure of entry.enclosures ?? []) assert.match(enclosure.url ?? '', /^https?:\/\//);
  for (const category of entry.categories ?? []) assert.equal(typeof category, 'string');
  assert.match(entry.link ?? 'https://', /^https?:\/\//);
  return true;
}

describe('post mappers on mutated real posts (seeded)', () => {
  test('never throw on what a network might send, and never let a script through', () => {
    const random = seededRandom(2026);
    const mapped = { mastodon: 0, bluesky: 0, reddit: 0 };
    for (let i = 0; i < 3_000; i++) {
      const post = (items: readonly JsonObject[]): JsonObject => asObject(mutate(random, pick(random, items))) ?? {};
      if (assertSafe(mapMastodonStatus(post(MASTODON), 'https://mastodon.exemple.fr'))) mapped.mastodon += 1;
      if (assertSafe(mapBlueskyPost(post(BLUESKY)))) mapped.bluesky += 1;
      if (assertSafe(mapRedditPost(post(REDDIT)))) mapped.reddit += 1;
    }
    // Not only refusals: most mutated posts still made entries, so the odd values reached the mapping code.
    for (const [network, count] of Object.entries(mapped)) assert.ok(count >= 1_000, `${network}: ${count}`);
  });
});
