import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { signedInClients, type SignedInClient } from '../../test-support/admin-test-client.js';
import { DIALECTS } from '../../test-support/databases.js';
import { formBody, startTestSite, type TestSite } from '../../test-support/test-site.js';
import { listWatchOwners, listWatches } from '../watches/store.js';
import { addTestSource, storeTestItem } from '../watches/testdata/store-test-item.js';
import { listInbox } from './store.js';

const INBOX = '/ecrire/veille/boite';

/** Reads server-sent events from a real HTTP response until `until` says enough. */
function readEvents(response: IncomingMessage, until: (events: string[]) => boolean): Promise<string[]> {
  return new Promise((resolve, reject) => {
    let buffer = '';
    const events: string[] = [];
    const timer = setTimeout(() => reject(new Error(`no event in time; got ${JSON.stringify(events)}`)), 10_000);
    response.setEncoding('utf8');
    response.on('data', (chunk: string) => {
      buffer += chunk;
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        if (block.startsWith('event:')) events.push(block);
      }
      if (until(events)) { clearTimeout(timer); resolve(events); }
    });
    response.on('error', reject);
  });
}

for (const dialect of DIALECTS) {
  describe(`the watch inbox screens on ${dialect}`, () => {
    let site: TestSite;
    let as: Record<'admin' | 'moderator' | 'reader', SignedInClient>;
    let sourceId: number;
    before(async () => {
      site = await startTestSite(dialect);
      as = await signedInClients(site, ['admin', 'moderator', 'reader']);
      sourceId = await addTestSource(site.relais.db, 'https://journal.exemple.fr/flux');
      await storeTestItem(site.relais.db, sourceId, { guid: 'f1', title: 'Le festival d’été', text: 'La programmation du festival est connue.', author: 'Marie Durand' });
      await storeTestItem(site.relais.db, sourceId, { guid: 'f2', title: 'Travaux rue Haute', text: 'La rue sera fermée.' });
      // The same story told by another source (same link): one group of two.
      const other = await addTestSource(site.relais.db, 'https://hebdo.exemple.fr/flux');
      await storeTestItem(site.relais.db, other, { guid: 'f1-reprise', title: 'Festival : la programmation', text: 'Le festival revient.', link: 'https://exemple.fr/f1' });
    });
    after(async () => { await site?.close(); });

    test('creating a watch shows a syntax error at its position, then back-fills its inbox with the words highlighted', async () => {
      const broken = await as.admin.post('/ecrire/veille/veilles/ajouter', { name: 'Festival', query: 'festival ET (été', scope: 'all' }, '/ecrire/veille/veilles/ajouter');
      assert.equal(broken.statusCode, 400);
      assert.match(broken.body, /class="field-error" id="f-query-error">Requête incorrecte au caractère \d+/);
      assert.match(broken.body, /class="query-pointer"/);
      const created = await as.admin.post('/ecrire/veille/veilles/ajouter', { name: 'Festival', query: 'festival', scope: 'all', owners: String(as.moderator.id) }, '/ecrire/veille/veilles/ajouter');
      assert.equal(created.statusCode, 303);
      const watch = (await listWatches(site.relais.db.kysely))[0]!;
      assert.equal(created.headers.location, `${INBOX}?veille=${watch.id}&ok=creee`);
      assert.deepEqual(await listWatchOwners(site.relais.db.kysely, watch.id), [as.moderator.id]);
      const inbox = await as.reader.get(`${INBOX}?veille=${watch.id}`);
      assert.equal(inbox.statusCode, 200);
      assert.match(inbox.body, /<mark>Festival<\/mark> : la programmation/);
      assert.match(inbox.body, /vu sur 2 sources/);
      assert.doesNotMatch(inbox.body, /d’été/, 'one row per story: the newest telling stands for the older one');
      assert.match(inbox.body, /Nouveau \(1\)/);
      const every = await as.reader.get(`${INBOX}?veille=${watch.id}&reprises=1`);
      assert.match(every.body, /Le <mark>festival<\/mark> d’été/);
      assert.match(every.body, /Marie Durand/);
      assert.match(every.body, /Nouveau \(2\)/);
      assert.match(inbox.body, /trouvé dans les archives/);
      assert.doesNotMatch(inbox.body, /Travaux rue Haute/);
      assert.doesNotMatch(inbox.body, /name="selection"/, 'a reader sees no triage controls');
    });

    test('bulk actions need the form token and a triaging role; states, assignment and the kept flag follow', async () => {
      const [entry] = await listInbox(site.relais.db.kysely, {}, 10);
      assert.ok(entry);
      const withoutToken = await site.app.inject({ method: 'POST', url: `${INBOX}/actions`, ...formBody({ selection: String(entry.matchId), action: 'handled' }, as.moderator.cookie) });
      assert.equal(withoutToken.statusCode, 403);
      assert.equal((await listInbox(site.relais.db.kysely, {}, 10))[0]!.state, 'new');
      const byReader = await as.reader.post(`${INBOX}/actions`, { selection: String(entry.matchId), action: 'handled' }, INBOX);
      assert.equal(byReader.statusCode, 403);

      const handled = await as.moderator.post(`${INBOX}/actions`, { selection: String(entry.matchId), action: 'to_handle', retour: `${INBOX}?veille=${entry.watchId}` }, INBOX);
      assert.equal(handled.statusCode, 303);
      assert.equal(handled.headers.location, `${INBOX}?veille=${entry.watchId}&ok=fait`);
      await as.moderator.post(`${INBOX}/actions`, { selection: String(entry.matchId), action: 'assign', assignee: String(as.moderator.id) }, INBOX);
      await as.moderator.post(`${INBOX}/actions`, { selection: String(entry.matchId), action: 'keep', retour: 'https://ailleurs.example/' }, INBOX);
      const after = (await listInbox(site.relais.db.kysely, {}, 10))[0]!;
      assert.deepEqual([after.state, after.assigneeId, after.kept], ['to_handle', as.moderator.id, true]);
      const open = await as.moderator.get(`${INBOX}?etat=a-traiter`);
      assert.match(open.body, /À traiter \(1\)/);
      assert.match((await as.moderator.get(`${INBOX}?moi=1`)).body, /data-match="\d+"/, 'assigned to the moderator');
      assert.doesNotMatch((await as.admin.get(`${INBOX}?moi=1`)).body, /data-match=/, 'nothing assigned to the administrator');

      const note = await as.moderator.post(`${INBOX}/${entry.matchId}/notes`, { body: 'Appeler la mairie.' }, INBOX);
      assert.equal(note.statusCode, 303);
      const detail = await as.reader.get(`${INBOX}/${entry.matchId}`);
      assert.match(detail.body, /Appeler la mairie\./);
      assert.match(detail.body, /conservé \(jamais effacé/);
      assert.match(detail.body, /La même histoire, vue sur 2 sources/);
      assert.match(detail.body, /hebdo\.exemple\.fr/);
      assert.match(detail.body, /journal\.exemple\.fr/);
    });

    test('announces new matches live by server-sent events', async () => {
      const address = await site.app.listen({ host: '127.0.0.1', port: 0 }).then(() => site.app.server.address() as AddressInfo);
      const inbox = await as.admin.get(INBOX);
      const stream = /data-stream="([^"]+)"/.exec(inbox.body)![1]!.replace(/&amp;/g, '&');
      const response = await new Promise<IncomingMessage>((resolve, reject) => {
        httpRequest({ host: '127.0.0.1', port: address.port, path: stream, headers: { cookie: as.admin.cookie, accept: 'text/event-stream' } }, resolve).on('error', reject).end();
      });
      assert.equal(response.statusCode, 200);
      assert.match(String(response.headers['content-type']), /^text\/event-stream/);
      const events = readEvents(response, (seen) => seen.some((e) => e.includes('"count":1')));
      const itemId = await storeTestItem(site.relais.db, sourceId, { guid: 'f3', title: 'Un autre festival', text: 'Concerts gratuits.' });
      await site.relais.watches.matchNewItems([itemId]);
      const [event] = (await events).filter((e) => e.includes('"count":1'));
      assert.match(event!, /^event: arrivals\ndata: \{"count":1,"lastMatchId":\d+\}$/);
      response.destroy();
    });
  });
}
