import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readOpml } from './read-opml.js';
import { writeOpml } from './write-opml.js';

test('reads OPML outlines with their line numbers, walks folders, and reports unusable lines in French', () => {
  assert.deepEqual(readOpml(readFileSync(join(import.meta.dirname, 'testdata/sources.opml'), 'utf8')), [
    { kind: 'feed', line: 6, url: 'https://journal-exemple.fr/rss', title: 'Journal', siteLink: 'https://journal-exemple.fr/' },
    { kind: 'error', line: 7, message: '« Sans adresse » n’a pas d’adresse de flux (xmlUrl).' },
    { kind: 'feed', line: 9, url: 'https://ville-exemple.fr/feed', title: 'Mairie & citoyens', siteLink: undefined },
    { kind: 'error', line: 10, message: '« ftp://ville-exemple.fr/feed » n’est pas une adresse web valide.' },
  ]);
  assert.deepEqual(readOpml('ce n’est pas de l’OPML'), []);
});

test('writes OPML 2.0 that reads back the same, quotes and line breaks included', () => {
  const sources = [
    { url: 'https://ville.fr/feed?a=1&b=2', title: 'Le "Journal" <local>\nédition', siteLink: 'https://ville.fr/' },
    { url: 'https://autre.fr/rss', title: '', siteLink: null },
  ];
  const opml = writeOpml(sources, new Date('2026-11-29T12:00:00Z'));
  assert.match(opml, /^<\?xml version="1.0" encoding="UTF-8"\?>\n<opml version="2.0">/);
  assert.deepEqual(readOpml(opml).map((l) => l.kind === 'feed' && [l.url, l.title, l.siteLink]), [
    ['https://ville.fr/feed?a=1&b=2', 'Le "Journal" <local>\nédition', 'https://ville.fr/'],
    ['https://autre.fr/rss', 'https://autre.fr/rss', undefined],
  ]);
});
