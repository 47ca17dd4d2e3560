import type { Relais } from '../main.js';
import { loadDemoContent } from '../blog/demo/load-demo-content.js';
import { listPublicArticles } from '../blog/store.js';
import { loadDemoRelay } from '../relay/demo/load-demo-relay.js';
import { loadDemoVeille } from '../veille/demo/load-demo-veille.js';

/** What the demo loaded: articles (0 when the site already had some, and then nothing else was added). */
export interface LoadedDemo {
  readonly articles: number;
  readonly veilleItems: number;
  readonly veilleMatches: number;
  readonly relayDrafts: number;
}

/**
 * Loads the demo into a site with no article yet: articles with their illustrations, then a veille
 * that needs no network (paused sources, stored items, two back-filled watches) and an inactive relay
 * page with one draft from the newest article. `adminId` gets one match of the inbox assigned.
 */
export async function loadDemo(relais: Relais, adminId: number | null): Promise<LoadedDemo> {
  const articles = await loadDemoContent(relais);
  if (articles === 0) return { articles, veilleItems: 0, veilleMatches: 0, relayDrafts: 0 };
  const veille = await loadDemoVeille(relais, adminId);
  const [newest] = await listPublicArticles(relais.db.kysely, { now: relais.now(), limit: 1, offset: 0 });
  const relayDrafts = newest ? await loadDemoRelay(relais, newest.id) : 0;
  return { articles, veilleItems: veille.items, veilleMatches: veille.matches, relayDrafts };
}
