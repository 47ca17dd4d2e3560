import type { Relais } from '../../main.js';
import { listInbox, assignMatches, setMatchesState } from '../inbox/store.js';
import { addSocialSource } from '../sources/add-social-source.js';
import { storeEntries } from '../sources/store-entries.js';
import { addSource, pauseSource } from '../sources/store.js';
import { DEMO_FEED_SOURCES, DEMO_VEILLE_ITEMS } from './demo-veille-items.js';

/** The demo's two watches: a boolean query and a proximity one. */
export const DEMO_WATCHES = Object.freeze([
  { name: 'Festival d’été', query: '"festival" AND (été OR juillet)' },
  { name: 'Travaux voirie', query: 'NEAR/5(travaux, (rue OR route OR chaussée))' },
]);

/** What the veille demo made, for the operator's message and the tests. */
export interface DemoVeille {
  readonly sources: number;
  readonly items: number;
  readonly matches: number;
}

/**
 * Fills the veille of a new demo site without any network access: paused sources (nothing is
 * fetched), items stored through the polling pipeline (normalised, grouped into stories), two
 * watches back-filled over them, and one match « à traiter » assigned to `assigneeId`.
 */
export async function loadDemoVeille(relais: Relais, assigneeId: number | null): Promise<DemoVeille> {
  const { db } = relais;
  const now = relais.now();
  const sourceIds = new Map<string, { id: number; link: string }>();
  for (const feed of DEMO_FEED_SOURCES) {
    const added = await addSource(db.kysely, { url: feed.url, kind: 'feed', title: feed.title, siteLink: feed.siteLink }, now);
    if (!added) continue;
    await pauseSource(db.kysely, added.id);
    sourceIds.set(feed.key, { id: added.id, link: feed.siteLink });
  }
  const social = await addSocialSource({ db: db.kysely, keyring: relais.keyring, now: relais.now },
    'mastodon', { instance: 'mastodon.example', mode: 'hashtag', hashtag: 'ValFleuri' });
  if (social.kind === 'added') {
    await pauseSource(db.kysely, social.source.id);
    sourceIds.set('mastodon', { id: social.source.id, link: social.source.url });
  }
  let items = 0;
  for (const [key, source] of sourceIds) {
    const entries = DEMO_VEILLE_ITEMS.filter((item) => item.source === key).map((item) => ({
      id: `${source.link}${item.slug}`,
      link: `${source.link.replace(/\/?$/, '/')}${item.slug}`,
      title: item.title,
      summary: `<p>${item.text}</p>`,
      published: new Date(now.getTime() - item.hoursAgo * 3600_000).toISOString(),
    }));
    items += (await storeEntries({ db, logger: relais.logger }, source.id, entries, { id: String(source.id), link: source.link, language: 'fr' }, now)).newItems;
  }
  let matches = 0;
  const watchIds: number[] = [];
  for (const watch of DEMO_WATCHES) {
    const saved = await relais.watches.create(watch, assigneeId, { waitForItems: 1000 });
    matches += saved.backfilled + (await saved.backfillRest ?? 0);
    watchIds.push(saved.watch.id);
  }
  const [first] = await listInbox(db.kysely, { watchId: watchIds[1]!, state: 'new' }, 1);
  if (first) {
    await setMatchesState(db.kysely, [first.matchId], 'to_handle', now);
    if (assigneeId !== null) await assignMatches(db.kysely, [first.matchId], assigneeId);
  }
  return { sources: sourceIds.size, items, matches };
}
