import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DIALECTS, createTestDatabase, type TestDatabase } from '../../test-support/databases.js';
import { runRelaisCli } from '../../test-support/run-cli.js';
import { startRouteServer, type RouteServer } from '../fetch/testdata/start-route-server.js';
import { readOpml } from './read-opml.js';
import { buildRss } from './testdata/build-rss.js';

const OPML = join(import.meta.dirname, 'testdata/sources.opml');

function page(...feeds: string[]): string {
  return `<!doctype html><html lang="fr"><head><title>Ville</title>${feeds.map((f) => `<link rel="alternate" type="application/rss+xml" href="${f}" title="Flux ${f}">`).join('')}</head><body>Bienvenue</body></html>`;
}

for (const dialect of DIALECTS) {
  describe(`relais sources and relais fetch on ${dialect}`, () => {
    let database: TestDatabase;
    let server: RouteServer;
    let env: Record<string, string>;
    const entries = (prefix: string) => [1, 2, 3].map((n) => ({
      guid: `${prefix}${n}`, title: `Titre ${prefix}${n}`, link: `https://ville-exemple.fr/${prefix}${n}`,
      description: `Texte ${prefix}${n}.`, published: `2026-11-2${n}T10:00:00Z`,
    }));
    before(async () => {
      database = await createTestDatabase(dialect);
      const rss = (body: string) => (_req: unknown, res: import('node:http').ServerResponse) => res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(body);
      const html = (body: string) => (_req: unknown, res: import('node:http').ServerResponse) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(body);
      server = await startRouteServer({
        '/feed-a': rss(buildRss('Actualités', entries('a'))),
        '/feed-b': rss(buildRss('Agenda', entries('b'))),
        '/one': html(page('/feed-b')),
        '/two': html(page('/feed-a', 'feed-b')),
        '/nothing': html(page()),
      });
      env = { ...database.env, FETCH_ALLOW_HOSTS: '127.0.0.1' };
    });
    after(async () => {
      await server?.close();
      await database?.drop();
    });

    test('adds a feed, discovers a page’s only feed, lists a page’s several, then fetches every due source once', async () => {
      const direct = await runRelaisCli(['sources', 'add', server.url('/feed-a')], env);
      assert.equal(direct.code, 0, direct.stderr);
      assert.match(direct.stdout, /Source ajoutée \(n° \d+\) : Actualités/);
      const several = await runRelaisCli(['sources', 'add', server.url('/two')], env);
      assert.equal(several.code, 1);
      assert.ok(several.stdout.includes(`Cette page propose 2 flux`));
      assert.ok(several.stdout.includes(server.url('/feed-b')));
      const none = await runRelaisCli(['sources', 'add', server.url('/nothing')], env);
      assert.equal(none.code, 1);
      assert.match(none.stderr, /Aucun flux RSS, Atom ou JSON Feed/);
      const discovered = await runRelaisCli(['sources', 'add', server.url('/one')], env);
      assert.equal(discovered.code, 0, discovered.stderr);
      assert.ok(discovered.stdout.includes(server.url('/feed-b')));
      const already = await runRelaisCli(['sources', 'add', server.url('/feed-a')], env);
      assert.match(already.stdout, /déjà suivie/);
      const refused = await runRelaisCli(['sources', 'add', server.url('/nothing')], database.env);
      assert.equal(refused.code, 1);
      assert.match(refused.stderr, /réseau privé ou local/);

      const fetched = await runRelaisCli(['fetch', '--once'], env);
      assert.equal(fetched.code, 0, fetched.stderr);
      assert.equal(fetched.stdout, '2 sources consultées, 6 nouveaux éléments, 0 inchangée, 0 erreur.\n');
      const again = await runRelaisCli(['fetch', '--once'], env);
      assert.equal(again.stdout, '0 source consultée, 0 nouvel élément, 0 inchangée, 0 erreur.\n');

      const listed = await runRelaisCli(['sources', 'list', '--json'], env);
      const rows = JSON.parse(listed.stdout) as { id: number; url: string; title: string; items_seen: number; last_status: string }[];
      assert.deepEqual(rows.map((r) => [r.url, r.title, r.items_seen, r.last_status]), [
        [server.url('/feed-a'), 'Actualités', 3, 'ok'],
        [server.url('/feed-b'), 'Agenda', 3, 'ok'],
      ]);

      // Re-enabling makes a source due at once; the same feed again is unchanged.
      const enabled = await runRelaisCli(['sources', 'enable', String(rows[1]!.id)], env);
      assert.equal(enabled.code, 0, enabled.stderr);
      assert.match(enabled.stdout, /Source réactivée.*Agenda/);
      assert.equal((await runRelaisCli(['fetch', '--once'], env)).stdout, '1 source consultée, 0 nouvel élément, 1 inchangée, 0 erreur.\n');
      assert.equal((await runRelaisCli(['sources', 'enable', '999'], env)).code, 1);
      assert.equal((await runRelaisCli(['sources', 'enable', 'abc'], env)).code, 2);
    });

    test('imports OPML past its bad lines with a summary, and exports what it imported', async () => {
      const imported = await runRelaisCli(['sources', 'import', OPML], env);
      assert.equal(imported.code, 1);
      assert.equal(imported.stdout, 'Ligne 7 : « Sans adresse » n’a pas d’adresse de flux (xmlUrl).\n'
        + 'Ligne 10 : « ftp://ville-exemple.fr/feed » n’est pas une adresse web valide.\n'
        + 'Import terminé : 2 sources ajoutées, 0 déjà suivie, 2 erreurs.\n');
      const exported = await runRelaisCli(['sources', 'export'], env);
      assert.equal(exported.code, 0, exported.stderr);
      const outlines = readOpml(exported.stdout);
      assert.ok(outlines.some((o) => o.kind === 'feed' && o.url === 'https://ville-exemple.fr/feed' && o.title === 'Mairie & citoyens'));
      assert.ok(outlines.some((o) => o.kind === 'feed' && o.url === 'https://journal-exemple.fr/rss' && o.siteLink === 'https://journal-exemple.fr/'));

      // Round trip: the export imported into an empty database gives the same sources.
      const other = await createTestDatabase(dialect);
      try {
        const file = join(other.dataDir, 'export.opml');
        writeFileSync(file, exported.stdout);
        const back = await runRelaisCli(['sources', 'import', file], other.env);
        assert.equal(back.code, 0, back.stdout);
        const [a, b] = await Promise.all([runRelaisCli(['sources', 'list', '--json'], env), runRelaisCli(['sources', 'list', '--json'], other.env)]);
        const shape = (out: string) => (JSON.parse(out) as { url: string; title: string; site_link: string | null }[]).map((s) => [s.url, s.title, s.site_link]).sort();
        assert.deepEqual(shape(b.stdout), shape(a.stdout));
      } finally {
        await other.drop();
      }
    });
  });
}
