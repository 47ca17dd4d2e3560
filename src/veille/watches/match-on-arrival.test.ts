import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { ServerResponse } from 'node:http';
import { DIALECTS } from '../../test-support/databases.js';
import { startTestSite, type TestSite } from '../../test-support/test-site.js';
import { startRouteServer, type RouteServer } from '../fetch/testdata/start-route-server.js';
import { listInbox } from '../inbox/store.js';
import { pollDepsOf } from '../sources/poll-deps-of.js';
import { pollSource } from '../sources/poll-source.js';
import { addSource } from '../sources/store.js';
import { buildRss } from '../sources/testdata/build-rss.js';
import type { RecordedMatch } from './match-notifier.js';

for (const dialect of DIALECTS) {
  describe(`matching as a feed is polled on ${dialect}`, () => {
    let site: TestSite;
    let feeds: RouteServer;
    let entries = [{ guid: 'a', title: 'Conseil municipal', link: 'https://ville-exemple.fr/a', description: 'Le budget primitif est voté.', published: '2026-11-20T10:00:00Z' }];
    before(async () => {
      feeds = await startRouteServer({ '/feed': (_req, res: ServerResponse) => res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(buildRss('Actualités', entries)) });
      site = await startTestSite(dialect, { FETCH_ALLOW_HOSTS: '127.0.0.1' });
    });
    after(async () => {
      await site?.close();
      await feeds?.close();
    });

    test('a poll matches its new items against the watches, records them as arrivals and tells the subscribers once', async () => {
      const heard: RecordedMatch[] = [];
      site.relais.matchNotifier.subscribe((matches) => { heard.push(...matches); });
      const source = (await addSource(site.relais.db.kysely, { url: feeds.url('/feed'), kind: 'feed' }, new Date()))!;
      const { watch } = await site.relais.watches.create({ name: 'Budget', query: 'budget' }, null);
      await pollSource(pollDepsOf(site.relais), source);
      entries = [...entries, { guid: 'b', title: 'Budget participatif', link: 'https://ville-exemple.fr/b', description: 'Votez pour vos projets.', published: '2026-11-21T10:00:00Z' }];
      await pollSource(pollDepsOf(site.relais), source);
      const inbox = await listInbox(site.relais.db.kysely, { watchId: watch.id }, 10);
      assert.deepEqual(inbox.map((e) => [e.title, e.backfilled, e.state]), [['Budget participatif', false, 'new'], ['Conseil municipal', false, 'new']]);
      assert.deepEqual(heard.map((m) => m.itemId).sort(), inbox.map((e) => e.itemId).sort());
      await pollSource(pollDepsOf(site.relais), source);
      assert.equal(heard.length, 2, 'an item seen again is not matched again');
    });
  });
}
