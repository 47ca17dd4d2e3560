import { test } from 'node:test';
import assert from 'node:assert/strict';
import { discoverFeeds } from './discover-feeds.js';

test('finds a page’s announced feeds: RSS, Atom and JSON Feed, resolved against <base>, without repeats or other links', () => {
  const html = `<!DOCTYPE html><html><head>
    <base href="https://www.ville-exemple.fr/actus/">
    <link rel="stylesheet" href="/style.css">
    <LINK REL="Alternate" TYPE="application/rss+xml; charset=utf-8" HREF="rss.xml" TITLE="Actualités &amp; agenda">
    <link rel="alternate" type="application/atom+xml" href="https://www.ville-exemple.fr/atom">
    <link rel="alternate" type="application/feed+json" href="/feed.json" title="JSON">
    <link rel="alternate" type="application/rss+xml" href="rss.xml">
    <link rel="alternate" hreflang="en" href="/en/">
    <link rel="alternate" type="application/rss+xml" href="javascript:alert(1)">
  </head><body><a rel="alternate" type="application/rss+xml" href="/pas-un-link">x</a></body></html>`;
  assert.deepEqual(discoverFeeds(html, 'https://ville-exemple.fr/'), [
    { url: 'https://www.ville-exemple.fr/actus/rss.xml', title: 'Actualités & agenda' },
    { url: 'https://www.ville-exemple.fr/atom', title: '' },
    { url: 'https://www.ville-exemple.fr/feed.json', title: 'JSON' },
  ]);
  assert.deepEqual(discoverFeeds('<p>Pas de flux</p>', 'https://ville-exemple.fr/'), []);
});
