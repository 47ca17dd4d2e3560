import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { ServerResponse } from 'node:http';
import { listAuditEntries } from '../../audit/store.js';
import { signedInClients, type SignedInClient } from '../../test-support/admin-test-client.js';
import { DIALECTS } from '../../test-support/databases.js';
import { formBody, startTestSite, type TestSite } from '../../test-support/test-site.js';
import { startRouteServer, type RouteServer } from '../fetch/testdata/start-route-server.js';
import { groupSize, listSourceItems } from '../items/store.js';
import { readOpml } from './read-opml.js';
import { claimSource, findSourceByUrl, getSource } from './store.js';
import { buildRss } from './testdata/build-rss.js';

const LIST = '/ecrire/veille/sources';

function page(...feeds: string[]): string {
  return `<!doctype html><html lang="fr"><head><title>Ville</title>${feeds.map((f, i) => `<link rel="alternate" type="application/rss+xml" href="${f}" title="Flux ${i + 1}">`).join('')}</head><body>Bienvenue</body></html>`;
}

/** The id in a `…/sources/<id>?ok=…` redirect. */
function sourceIdIn(location: unknown): number {
  const match = /\/ecrire\/veille\/sources\/(\d+)\?ok=/.exec(String(location));
  assert.ok(match, `unexpected redirect ${String(location)}`);
  return Number(match[1]);
}

for (const dialect of DIALECTS) {
  describe(`the sources screen on ${dialect}`, () => {
    let site: TestSite;
    let server: RouteServer;
    let as: Record<'admin' | 'editor' | 'moderator' | 'reader', SignedInClient>;
    // Both feeds tell the same story (same link): one group of two items.
    const shared = { guid: 'fete', title: 'Fête de la musique', link: 'https://ville-exemple.fr/fete', description: 'Samedi soir, place du marché.', published: '2026-11-20T10:00:00Z' };
    const entry = (guid: string, title: string) => ({ guid, title, link: `https://ville-exemple.fr/${guid}`, description: `Texte ${title}.`, published: '2026-11-21T10:00:00Z' });
    let flakyServed = 0;
    before(async () => {
      const send = (type: string, body: string) => (_req: unknown, res: ServerResponse) => res.writeHead(200, { 'content-type': type }).end(body);
      server = await startRouteServer({
        '/feed-a': send('application/rss+xml', buildRss('Actualités', [shared, entry('a1', 'Conseil municipal')])),
        '/feed-b': send('application/rss+xml', buildRss('Agenda', [shared, entry('b1', 'Marché de Noël')])),
        '/two': send('text/html; charset=utf-8', page('/feed-a', '/feed-b')),
        '/nothing': send('text/html; charset=utf-8', page()),
        '/broken': (_req, res) => res.writeHead(500).end('panne'),
        // A feed on the day it is added, then a server error at every poll.
        '/flaky': (_req, res) => (flakyServed++ === 0 ? send('application/rss+xml', buildRss('Fragile', []))(_req, res) : res.writeHead(500).end('panne')),
      });
      site = await startTestSite(dialect, { FETCH_ALLOW_HOSTS: '127.0.0.1' });
      as = await signedInClients(site, ['admin', 'editor', 'moderator', 'reader']);
    });
    after(async () => {
      await site?.close();
      await server?.close();
    });

    test('explains what a source is when there is none, sends anonymous visitors to sign in, and keeps readers and moderators from changes', async () => {
      const empty = await as.reader.get(LIST);
      assert.equal(empty.statusCode, 200);
      assert.match(empty.body, /Aucune source n’est encore suivie/);
      assert.match(empty.body, /href="\/ecrire\/veille\/sources"[^>]*>Veille</);
      assert.doesNotMatch(empty.body, /Ajouter une source/);
      const anonymous = await site.app.inject({ method: 'GET', url: LIST });
      assert.equal(anonymous.statusCode, 303);
      assert.equal(anonymous.headers.location, `/ecrire/login?retour=${encodeURIComponent(LIST)}`);
      for (const client of [as.reader, as.moderator]) {
        assert.equal((await client.get(`${LIST}/ajouter`)).statusCode, 403);
        assert.equal((await client.post(`${LIST}/ajouter`, { url: server.url('/feed-a') })).statusCode, 403);
        assert.equal((await client.post(`${LIST}/importer`, { opml: '<opml/>' })).statusCode, 403);
      }
      assert.equal(await findSourceByUrl(site.relais.db.kysely, server.url('/feed-a')), undefined);
    });

    test('adds a feed at once, offers a page’s two feeds to pick one, and explains a missing feed or a private address keeping what was typed', async () => {
      const added = await as.admin.post(`${LIST}/ajouter`, { url: server.url('/feed-a') });
      assert.equal(added.statusCode, 303, added.body);
      const idA = sourceIdIn(added.headers.location);
      assert.match((await as.admin.get(String(added.headers.location))).body, /Source ajoutée/);

      const choice = await as.editor.post(`${LIST}/ajouter`, { url: server.url('/two') });
      assert.equal(choice.statusCode, 200);
      assert.match(choice.body, /Cette page propose 2 flux/);
      assert.ok(choice.body.includes(`type="radio" name="url" id="f-url-1" value="${server.url('/feed-b')}"`));
      const picked = await as.editor.post(`${LIST}/ajouter`, { url: server.url('/feed-b') });
      assert.equal(picked.statusCode, 303);
      assert.notEqual(sourceIdIn(picked.headers.location), idA);

      const none = await as.editor.post(`${LIST}/ajouter`, { url: server.url('/nothing') });
      assert.equal(none.statusCode, 400);
      assert.match(none.body, /Aucun flux RSS, Atom ou JSON Feed n’a été trouvé/);
      assert.ok(none.body.includes(`value="${server.url('/nothing')}"`));
      const refused = await as.editor.post(`${LIST}/ajouter`, { url: 'http://10.0.0.1/flux' });
      assert.equal(refused.statusCode, 400);
      assert.match(refused.body, /réseau privé ou local/);
      assert.ok(refused.body.includes('value="http://10.0.0.1/flux"'));

      const actions = (await listAuditEntries(site.relais.db.kysely, { limit: 10, offset: 0 })).map((e) => e.action);
      assert.deepEqual(actions.filter((a) => a === 'veille.source.added'), ['veille.source.added', 'veille.source.added']);
    });

    test('polls a source now, shows its items and health to a reader, and counts an error row in the list', async () => {
      const a = (await findSourceByUrl(site.relais.db.kysely, server.url('/feed-a')))!;
      const b = (await findSourceByUrl(site.relais.db.kysely, server.url('/feed-b')))!;
      for (const id of [a.id, b.id]) {
        const polled = await as.editor.post(`${LIST}/${id}/relever`, {});
        assert.equal(polled.headers.location, `${LIST}/${id}?ok=releve`);
      }
      const broken = await as.admin.post(`${LIST}/ajouter`, { url: server.url('/broken') });
      assert.equal(broken.statusCode, 400, 'a failing address is not added');

      const detail = await as.reader.get(`${LIST}/${a.id}`);
      assert.equal(detail.statusCode, 200);
      assert.match(detail.body, /<h1>Actualités<\/h1>/);
      assert.match(detail.body, /Lue avec succès/);
      assert.ok(detail.body.includes('<a href="https://ville-exemple.fr/fete" rel="noopener noreferrer">Fête de la musique</a>'));
      assert.doesNotMatch(detail.body, /target=/);
      assert.doesNotMatch(detail.body, /Relever maintenant|Supprimer/, 'a reader sees no action');
      assert.match(detail.body, /<td>2<\/td>/, 'the shared story counts two items');

      const flaky = await as.admin.post(`${LIST}/ajouter`, { url: server.url('/flaky') });
      const flakyId = sourceIdIn(flaky.headers.location);
      assert.equal((await as.admin.post(`${LIST}/${flakyId}/relever`, {})).headers.location, `${LIST}/${flakyId}?ok=releve-erreur`);
      const list = await as.reader.get(LIST);
      assert.match(list.body, /Toutes \(3\)/);
      assert.match(list.body, /Active \(2\)/);
      assert.match(list.body, /En erreur \(1\)/);
      assert.match(list.body, /<td><span class="badge proposed">En erreur<\/span><\/td>.*<td>1<\/td><td>Le serveur rencontre un problème \(erreur 500\)\.<\/td>/);
      const errorDetail = await as.reader.get(`${LIST}/${flakyId}`);
      assert.match(errorDetail.body, /<details><summary>Détail technique<\/summary><pre>[^<]+<\/pre><\/details>/);
      assert.equal((await as.reader.get(`${LIST}/999999`)).statusCode, 404);
    });

    test('does not poll now a source a worker holds, and says the result is coming', async () => {
      const a = (await findSourceByUrl(site.relais.db.kysely, server.url('/feed-a')))!;
      const held = await claimSource(site.relais.db.kysely, a.id, site.relais.now(), new Date(site.relais.now().getTime() + 60_000));
      assert.ok(held, 'the test holds the source as a worker would');
      const before = server.requests.length;
      const polled = await as.editor.post(`${LIST}/${a.id}/relever`, {});
      assert.equal(polled.headers.location, `${LIST}/${a.id}?ok=releve-en-cours`);
      assert.equal(server.requests.length, before, 'nothing was fetched');
      assert.match((await as.editor.get(polled.headers.location)).body, /en train d’être relevée par le traitement de fond/);
      assert.equal((await getSource(site.relais.db.kysely, a.id))?.last_checked_at, a.last_checked_at);
    });

    test('pauses then re-enables a source, each step in the audit log, and requires the form token', async () => {
      const a = (await findSourceByUrl(site.relais.db.kysely, server.url('/feed-a')))!;
      const noToken = await site.app.inject({ method: 'POST', url: `${LIST}/${a.id}/pause`, ...formBody({}, as.admin.cookie) });
      assert.equal(noToken.statusCode, 403);
      assert.equal((await getSource(site.relais.db.kysely, a.id))!.status, 'active');
      assert.equal((await as.reader.post(`${LIST}/${a.id}/pause`, {})).statusCode, 403);

      assert.equal((await as.editor.post(`${LIST}/${a.id}/pause`, {})).headers.location, `${LIST}/${a.id}?ok=pause`);
      assert.equal((await getSource(site.relais.db.kysely, a.id))!.status, 'paused');
      const paused = await as.reader.get(`${LIST}?etat=paused`);
      assert.match(paused.body, /En pause \(1\)/);
      assert.ok(paused.body.includes(`href="${LIST}/${a.id}">Actualités`));
      assert.ok(!paused.body.includes('>Agenda<'), 'the filter leaves other states out');

      assert.equal((await as.editor.post(`${LIST}/${a.id}/activer`, {})).headers.location, `${LIST}/${a.id}?ok=activee`);
      assert.equal((await getSource(site.relais.db.kysely, a.id))!.status, 'active');
      const actions = (await listAuditEntries(site.relais.db.kysely, { limit: 2, offset: 0 })).map((e) => e.action);
      assert.deepEqual(actions, ['veille.source.enabled', 'veille.source.paused']);
    });

    test('deletes a source after confirmation, with its items, leaving the shared story one item smaller', async () => {
      const db = site.relais.db.kysely;
      const b = (await findSourceByUrl(db, server.url('/feed-b')))!;
      const a = (await findSourceByUrl(db, server.url('/feed-a')))!;
      const sharedGroup = (await listSourceItems(db, a.id)).find((i) => i.guid === 'fete')!.group_id!;
      assert.equal(await groupSize(db, sharedGroup), 2);
      assert.equal((await as.moderator.get(`${LIST}/${b.id}/supprimer`)).statusCode, 403);
      assert.equal((await as.reader.post(`${LIST}/${b.id}/supprimer`, {})).statusCode, 403);
      assert.equal((await as.moderator.post(`${LIST}/${b.id}/relever`, {})).statusCode, 403);
      const confirm = await as.admin.get(`${LIST}/${b.id}/supprimer`);
      assert.equal(confirm.statusCode, 200);
      assert.match(confirm.body, /ses éléments déjà reçus seront effacés/);
      assert.equal((await getSource(db, b.id))?.id, b.id, 'asking does not delete');

      const deleted = await as.admin.post(`${LIST}/${b.id}/supprimer`, {}, `${LIST}/${b.id}/supprimer`);
      assert.equal(deleted.headers.location, `${LIST}?ok=supprimee`);
      assert.equal(await getSource(db, b.id), undefined);
      assert.deepEqual(await listSourceItems(db, b.id), []);
      assert.equal(await groupSize(db, sharedGroup), 1);
      assert.equal((await listSourceItems(db, a.id)).length, 2, 'the other source keeps its items');
      assert.equal((await listAuditEntries(db, { limit: 1, offset: 0 }))[0]!.action, 'veille.source.deleted');
    });

    test('imports pasted OPML past a bad line with a per-line report, and exports the sources as an attachment', async () => {
      const opml = '<?xml version="1.0"?>\n<opml version="2.0"><body>\n<outline type="rss" text="Journal" xmlUrl="https://journal-exemple.fr/rss"/>\n'
        + '<outline type="rss" text="Cassé" xmlUrl="ftp://ville-exemple.fr/feed"/>\n</body></opml>';
      const imported = await as.editor.post(`${LIST}/importer`, { opml });
      assert.equal(imported.statusCode, 200);
      assert.match(imported.body, /1 source ajoutée, 0 déjà suivie, 1 erreur\./);
      assert.match(imported.body, /Ligne 4 : « ftp:\/\/ville-exemple.fr\/feed » n’est pas une adresse web valide/);
      assert.ok(await findSourceByUrl(site.relais.db.kysely, 'https://journal-exemple.fr/rss'));
      const [audit] = await listAuditEntries(site.relais.db.kysely, { limit: 1, offset: 0 });
      assert.deepEqual([audit!.action, audit!.summary], ['veille.sources.imported', '1 ajoutée(s), 0 déjà suivie(s), 1 erreur(s)']);

      const exported = await as.reader.get(`${LIST}.opml`);
      assert.equal(exported.statusCode, 200);
      assert.match(String(exported.headers['content-disposition']), /^attachment; filename="sources-relais\.opml"$/);
      const urls = readOpml(exported.body).flatMap((o) => (o.kind === 'feed' ? [o.url] : []));
      assert.deepEqual(urls.sort(), ['https://journal-exemple.fr/rss', server.url('/feed-a'), server.url('/flaky')].sort());
    });
  });
}
