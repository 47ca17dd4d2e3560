import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { PACKAGE_ROOT } from '../../package-root.js';
import { pick, seededRandom } from '../../markup/testdata/seeded-random.js';
import type { ParsedFeed } from './parsed-feed.js';
import { parseFeed } from './parse-feed.js';
import { FEED_CORPUS, readCorpusFile } from './testdata/feed-corpus.js';

const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;
const FEED_KEYS = new Set(['title', 'link', 'subtitle', 'language', 'updated', 'author', 'image']);
const ENTRY_KEYS = new Set(['id', 'link', 'title', 'author', 'published', 'updated', 'summary', 'content', 'categories', 'enclosures']);
const FRAGMENTS = [
  '<', '>', '</item>', '<item>', '<entry>', '</channel>', '&', '&eacute;', '&#xD800;', '&#0;', '&lol;', ']]>', '<![CDATA[', '<!--',
  '<!DOCTYPE rss [<!ENTITY a "&b;&b;"><!ENTITY b "bb">]>', '<?xml version="1.0" encoding="windows-1252"?>', '\u0000', '\uFEFF',
  'xmlns:dc="urn:x"', ' xml:base="../"', ' xml:base="javascript:alert(1)"', '<dc:date>31/02/2024</dc:date>', '<link>::</link>',
  '<pubDate>Tue, 99 Foo 2024</pubDate>', '<content type="xhtml"><div>', '<script>alert(1)</script>', '{"items":[', '"', "'",
];

/** Fails unless `result` has the interface's shape: only known keys, no empty field, dates ISO UTC, problems strings. */
function assertShape(result: ParsedFeed): void {
  assert.equal(typeof result.feed, 'object');
  for (const [key, value] of Object.entries(result.feed)) {
    assert.ok(FEED_KEYS.has(key), key);
    assert.ok(typeof value === 'string' && value !== '', key);
  }
  if (result.feed.updated !== undefined) assert.match(result.feed.updated, ISO_UTC);
  assert.ok(Array.isArray(result.entries));
  for (const entry of result.entries) {
    for (const [key, value] of Object.entries(entry)) {
      assert.ok(ENTRY_KEYS.has(key), key);
      assert.ok(value !== '' && !(Array.isArray(value) && value.length === 0), key);
    }
    for (const date of [entry.published, entry.updated]) if (date !== undefined) assert.match(date, ISO_UTC);
    for (const html of [entry.summary, entry.content]) if (html !== undefined) assert.doesNotMatch(html, /<script|<[^>]*\son\w+=|<[^>]*javascript:/i);
    for (const enclosure of entry.enclosures ?? []) assert.ok(typeof enclosure.url === 'string' && enclosure.url !== '');
  }
  assert.ok(result.problems.length <= 20 && result.problems.every((p) => typeof p === 'string' && p !== ''));
}

function mutate(bytes: Buffer, random: () => number): Buffer {
  const at = Math.floor(random() * (bytes.length + 1));
  const span = Math.floor(random() * 200);
  switch (Math.floor(random() * 4)) {
    case 0:
      return Buffer.concat([bytes.subarray(0, at), bytes.subarray(at + span)]);
    case 1:
      return Buffer.concat([bytes.subarray(0, at), bytes.subarray(at, at + span), bytes.subarray(at)]);
    case 2:
      return Buffer.concat([bytes.subarray(0, at), Buffer.from(pick(random, FRAGMENTS)), bytes.subarray(at)]);
    default: {
      const copy = Buffer.from(bytes);
      if (copy.length > 0) copy[at % copy.length] = Math.floor(random() * 256);
      return copy;
    }
  }
}

test('never throws and always returns the shape on arbitrary bytes (seeded)', () => {
  const random = seededRandom(20261129);
  for (let run = 0; run < 400; run++) {
    const bytes = Buffer.from(Array.from({ length: Math.floor(random() * 3000) }, () => Math.floor(random() * 256)));
    assertShape(parseFeed(bytes, { url: 'https://fuzz.exemple.fr/' }));
  }
});

test('never throws and always returns the shape on random mutations of every fixture (seeded)', () => {
  const random = seededRandom(6);
  for (const { file, context } of FEED_CORPUS) {
    let bytes = readCorpusFile(file);
    for (let run = 0; run < 60; run++) {
      bytes = run % 10 === 0 ? readCorpusFile(file) : mutate(bytes, random);
      assertShape(parseFeed(bytes, context));
    }
  }
});

test('stays within a 160 MB heap on near-cap hostile inputs: deep nesting, many tiny elements, many entities', () => {
  // A child process with a capped old space: exceeding the bound kills it, so the bound is enforced, not sampled.
  const script = `
    import { parseFeed } from './src/veille/parse/parse-feed.ts';
    const nine = 9 * 1024 * 1024;
    const inputs = [
      '<rss><channel>' + '<a>'.repeat(nine / 3 - 10),
      '<rss><channel>' + '<item/>'.repeat(Math.floor(nine / 7) - 10) + '</channel></rss>',
      '<rss><channel><item><title>' + '&eacute;&#233;&lol;'.repeat(Math.floor(nine / 19)) + '</title></item></channel></rss>',
      '<!DOCTYPE r [<!ENTITY a "' + 'a'.repeat(1e6) + '">]><rss><channel><item><description>' + '&a;'.repeat(2e6) + '</description></item></channel></rss>',
    ];
    for (const input of inputs) {
      const result = parseFeed(input);
      process.stdout.write(result.entries.length + ' ' + result.problems.length + '\\n');
    }`;
  const child = spawnSync(process.execPath, ['--max-old-space-size=160', '--import', 'tsx', '--input-type=module', '-e', script], {
    cwd: PACKAGE_ROOT,
    encoding: 'utf8',
    timeout: 60_000,
  });
  assert.equal(child.status, 0, child.stderr.slice(-500));
  assert.equal(child.stdout.trim().split('\n').length, 4);
});
