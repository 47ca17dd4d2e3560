import type { Executor } from '../../../db/database.js';
import type { VeilleMatchState, VeilleSourceKind } from '../../../db/schema.js';

let counter = 0;

/** A source row (feed by default). */
export async function seedSource(db: Executor, fields: { kind?: VeilleSourceKind; title?: string } = {}): Promise<number> {
  counter += 1;
  const row = await db.insertInto('veille_sources').values({
    url: `https://site-${counter}.example/feed`, kind: fields.kind ?? 'feed', title: fields.title ?? `Site ${counter}`, site_link: `https://site-${counter}.example/`,
    status: 'active', next_check_at: '2026-01-01T00:00:00.000Z', error_count: 0, items_seen: 0, created_at: '2026-01-01T00:00:00.000Z',
  }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/** An empty story group. */
export async function seedGroup(db: Executor): Promise<number> {
  return (await db.insertInto('veille_groups').values({ size: 0, created_at: '2026-01-01T00:00:00.000Z' }).returning('id').executeTakeFirstOrThrow()).id;
}

/** An item of a source, in a group (a new one unless given), stored at `createdAt`. */
export async function seedItem(db: Executor, fields: { sourceId: number; groupId?: number; title?: string; text?: string; createdAt?: string; link?: string }): Promise<number> {
  counter += 1;
  const groupId = fields.groupId ?? await seedGroup(db);
  const at = fields.createdAt ?? new Date().toISOString();
  const row = await db.insertInto('veille_items').values({
    source_id: fields.sourceId, item_key: `key-${counter}`, guid: `guid-${counter}`, link: fields.link ?? `https://site.example/article-${counter}`, canonical_link: null,
    title: fields.title ?? `Élément ${counter}`, author: null, published_at: at, updated_at_source: null, summary: null, content: null,
    plain_text: fields.text ?? `Texte de l’élément ${counter}.`, language: 'fr', categories: '[]', enclosures: '[]', content_hash: `hash-${counter}`,
    simhash: null, group_id: groupId, kept: 0, created_at: at, updated_at: at,
  }).returning('id').executeTakeFirstOrThrow();
  await db.updateTable('veille_groups').set((eb) => ({ size: eb('size', '+', 1) })).where('id', '=', groupId).execute();
  return row.id;
}

/** A watch with its alert settings and owners. */
export async function seedWatch(db: Executor, fields: {
  name?: string; query?: string; ownerIds?: readonly number[]; alertEmail?: boolean; webhookUrl?: string | null; webhookSecret?: string | null; digestHour?: number | null;
} = {}): Promise<number> {
  counter += 1;
  const at = '2026-01-01T00:00:00.000Z';
  const row = await db.insertInto('veille_watches').values({
    name: fields.name ?? `Veille ${counter}`, query: fields.query ?? 'budget', all_sources: 1, source_ids: '[]', source_kinds: '[]', created_by: null,
    created_at: at, updated_at: at, alert_email: fields.alertEmail === false ? 0 : 1, alert_webhook_url: fields.webhookUrl ?? null,
    alert_webhook_secret: fields.webhookSecret ?? null, alert_digest_hour: fields.digestHour ?? null,
  }).returning('id').executeTakeFirstOrThrow();
  for (const userId of fields.ownerIds ?? []) await db.insertInto('veille_watch_owners').values({ watch_id: row.id, user_id: userId }).execute();
  return row.id;
}

/** A match of an item by a watch, in a triage state. */
export async function seedMatch(db: Executor, watchId: number, itemId: number, fields: { state?: VeilleMatchState; backfilled?: boolean; matchedAt?: string } = {}): Promise<void> {
  await db.insertInto('veille_matches').values({
    watch_id: watchId, item_id: itemId, state: fields.state ?? 'new', assignee_id: null, matched_at: fields.matchedAt ?? new Date().toISOString(),
    state_changed_at: null, backfilled: fields.backfilled ? 1 : 0,
  }).execute();
}
