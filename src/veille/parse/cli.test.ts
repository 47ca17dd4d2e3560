import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { runCommandInMemory, runRelaisCli } from '../../test-support/run-cli.js';
import { feedParseCommand } from './cli.js';
import { readCorpusFile } from './testdata/feed-corpus.js';

const fixture = (file: string): string => fileURLToPath(new URL(`testdata/${file}`, import.meta.url));

describe('relais feed parse', () => {
  let server: Server;
  let origin = '';
  before(async () => {
    server = createServer((request, response) => {
      if (request.url === '/actualites/rss') {
        // A French site's usual lie: windows-1252 bytes announced as HTML in UTF-8; the XML declaration is right.
        response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        response.end(readCorpusFile('windows-1252.xml'));
        return;
      }
      if (request.url === '/relatif') {
        response.writeHead(200, { 'content-type': 'application/rss+xml' });
        response.end('<rss><channel><item><title>Un</title><link>Articles/Un.html?utm_source=rss&amp;id=2#haut</link></item></channel></rss>');
        return;
      }
      response.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => new Promise<void>((resolve) => server.close(() => resolve())));

  test('--json prints the normalised result of a file, as the real command', async () => {
    const result = await runRelaisCli(['feed', 'parse', fixture('json-feed-10.json'), '--json'], {});
    assert.equal(result.code, 0, result.stderr);
    const expected = JSON.parse(readCorpusFile('json-feed-10.json.expected.json').toString('utf8')) as { entries: { link?: string }[] };
    // Read from a file there is no document address: the expected output's links are all absolute,
    // and already in their canonical form, so each entry's canonical_link is its link.
    const withCanonical = { ...expected, entries: expected.entries.map((e) => (e.link ? { ...e, canonical_link: e.link } : e)) };
    assert.deepEqual(JSON.parse(result.stdout), withCanonical);
  });

  test('--jsonl prints one line per file in order, with "file", and "error" for what is not a feed', async () => {
    const files = [fixture('rss-090.xml'), 'introuvable.xml', fixture('not-a-feed.html'), fixture('atom-03.xml')];
    const result = await runCommandInMemory([feedParseCommand], ['feed', 'parse', '--jsonl', ...files], {});
    assert.equal(result.code, 1);
    const lines = result.stdout.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    assert.deepEqual(lines.map((line) => line['file']), files);
    assert.equal((lines[0]?.['feed'] as { title: string }).title, 'Syndicat des eaux du Plateau');
    assert.deepEqual(lines[1], { file: 'introuvable.xml', error: 'fichier introuvable' });
    assert.match(String(lines[2]?.['error']), /n’est pas un flux RSS, Atom ou JSON Feed/);
    assert.equal((lines[3]?.['entries'] as unknown[]).length, 2);
  });

  // The test server is on 127.0.0.1: the guarded client reaches it only because the allow-list says so.
  const allowLocal = { FETCH_ALLOW_HOSTS: '127.0.0.1' };

  test('fetches a URL and reads it with the document’s own encoding and address', async () => {
    const result = await runCommandInMemory([feedParseCommand], ['feed', 'parse', `${origin}/actualites/rss`, '--json'], allowLocal);
    assert.equal(result.code, 0, result.stderr);
    const parsed = JSON.parse(result.stdout) as { feed: { title: string } };
    assert.equal(parsed.feed.title, 'Association Cœur de Village');
    const relative = await runCommandInMemory([feedParseCommand], ['feed', 'parse', `${origin}/relatif`, '--json'], allowLocal);
    assert.deepEqual(JSON.parse(relative.stdout).entries, [
      { title: 'Un', link: `${origin}/Articles/Un.html?utm_source=rss&id=2#haut`, canonical_link: `${origin}/Articles/Un.html?id=2` },
    ]);
  });

  test('says in French why a source cannot be read, and refuses a wrong usage', async () => {
    const missing = await runCommandInMemory([feedParseCommand], ['feed', 'parse', `${origin}/absent`], allowLocal);
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /^Impossible de lire « .*\/absent » : .*404/);
    const local = await runCommandInMemory([feedParseCommand], ['feed', 'parse', `${origin}/actualites/rss`], {});
    assert.equal(local.code, 1);
    assert.match(local.stderr, /réseau privé ou local : Relais ne la consulte pas/);
    const usage = await runCommandInMemory([feedParseCommand], ['feed', 'parse'], {});
    assert.equal(usage.code, 2);
    assert.match(usage.stderr, /Indiquez un fichier ou une adresse/);
  });

  test('prints a French summary without --json', async () => {
    const result = await runCommandInMemory([feedParseCommand], ['feed', 'parse', fixture('broken-dates.xml')], {});
    assert.equal(result.code, 0);
    assert.match(result.stdout, /^Format : RSS\nTitre : Dates en tous genres\nEntrées : 12\n/);
    assert.match(result.stdout, /Problème : La date « hier soir » est illisible/);
  });
});
