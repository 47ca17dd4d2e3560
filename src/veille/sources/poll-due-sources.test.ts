import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { startBackgroundWork } from '../../main.js';
import { DIALECTS } from '../../test-support/databases.js';
import { startTestSite, type TestSite } from '../../test-support/test-site.js';
import { startRouteServer, type RouteServer } from '../fetch/testdata/start-route-server.js';
import { listSourceItems } from '../items/store.js';
import { addSource, getSource } from './store.js';
import { buildRss } from './testdata/build-rss.js';

for (const dialect of DIALECTS) {
  describe(`PollDueSourcesJob on ${dialect}`, () => {
    let site: TestSite;
    let server: RouteServer;
    before(async () => {
      server = await startRouteServer({
        '/feed': (_req, res) => res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(buildRss('Mairie', [
          { guid: 'j1', title: 'Conseil municipal', link: 'https://ville-exemple.fr/j1', description: 'Ordre du jour.', published: new Date(Date.now() - 3_600_000).toISOString() },
        ])),
      });
      site = await startTestSite(dialect, { FETCH_ALLOW_HOSTS: '127.0.0.1' });
    });
    after(async () => {
      await site?.close();
      await server?.close();
    });

    test('polls a due source in the background once the worker runs, through the guarded client built from config', async () => {
      const source = (await addSource(site.relais.db.kysely, { url: server.url('/feed'), kind: 'feed' }, site.relais.now()))!;
      await startBackgroundWork(site.relais);
      const deadline = Date.now() + 20_000;
      while ((await getSource(site.relais.db.kysely, source.id))!.last_status === null && Date.now() < deadline) await sleep(100);
      assert.equal((await getSource(site.relais.db.kysely, source.id))!.last_status, 'ok');
      assert.deepEqual((await listSourceItems(site.relais.db.kysely, source.id)).map((i) => i.title), ['Conseil municipal']);
    });
  });
}
