import type { Generated } from 'kysely';

// The veille's tables: sources and items (migrations 006–007), watches and inbox (009), alerts (010);
// part of `Database` in schema.ts.

/** A feed, or one of the social adapters' kinds (src/veille/adapters/, `AdapterKind`). */
export type VeilleSourceKind = 'feed' | 'mastodon' | 'bluesky' | 'reddit' | 'youtube';
/** A paused source is not polled until a user re-enables it (set after too many errors). */
export type VeilleSourceStatus = 'active' | 'paused';

/** A watched source and its polling state (migration 006); every outcome is recorded here. */
export interface VeilleSourcesTable {
  id: Generated<number>;
  url: string;
  kind: VeilleSourceKind;
  title: string;
  site_link: string | null;
  status: VeilleSourceStatus;
  etag: string | null;
  last_modified: string | null;
  next_check_at: string;
  /** Set while a poller holds the source (SQLite's atomic claim); null otherwise. */
  claimed_until: string | null;
  last_checked_at: string | null;
  /** `ok`, `not-modified` or `error`. */
  last_status: string | null;
  /** French, for the sources screen. */
  last_error: string | null;
  /** Technical detail for the error panel and the log. */
  last_error_detail: string | null;
  /** Errors in a row; back to 0 after a success. */
  error_count: number;
  /** New items stored from this source, in all (an item seen again is not counted twice). */
  items_seen: number;
  created_at: string;
  /** A social source's adapter configuration as JSON, without its token (migration 007); null for a feed. */
  config: string | null;
  /** What its adapter keeps between polls (`AdapterState` as JSON); null before the first poll. */
  adapter_state: string | null;
  /** An access token written by `encryptSecret` (a Mastodon token for search); null when none. */
  access_token: string | null;
}

/** A story told by one or more items across sources, with its size. */
export interface VeilleGroupsTable {
  id: Generated<number>;
  size: number;
  created_at: string;
}

/** A watched item, stored once per source under its same-item key (migration 006). */
export interface VeilleItemsTable {
  id: Generated<number>;
  source_id: number;
  /** `sameItemKey(item)`: by guid, else canonical link, else text hash; unique per source. */
  item_key: string;
  guid: string;
  link: string | null;
  canonical_link: string | null;
  title: string;
  author: string | null;
  published_at: string | null;
  updated_at_source: string | null;
  summary: string | null;
  content: string | null;
  plain_text: string;
  language: string | null;
  /** JSON array of strings. */
  categories: string;
  /** JSON array of `{ url, type?, length? }`. */
  enclosures: string;
  content_hash: string;
  /** 16 hex digits; null for texts too short to fingerprint. */
  simhash: string | null;
  group_id: number | null;
  kept: number;
  created_at: string;
  updated_at: string;
}

/** `band:value` of an item's SimHash, for finding near duplicates by index. */
export interface VeilleItemBandsTable {
  band_key: string;
  item_id: number;
}

/**
 * A watch (migration 009): a named query over the items of the sources it covers, with its alert
 * settings. The full-text index over items (SQLite `veille_items_fts`, PostgreSQL
 * `veille_search_document()`) is read only through `src/veille/search/`.
 */
export interface VeilleWatchesTable {
  id: Generated<number>;
  name: string;
  /** The watch query as typed (see docs/watch-queries.md); parsed on save and when loaded. */
  query: string;
  /** 1: every source; 0: only `source_ids` and the sources of the kinds in `source_kinds`. */
  all_sources: number;
  /** JSON array of source ids. */
  source_ids: string;
  /** JSON array of source kinds (`feed`, `mastodon`…). */
  source_kinds: string;
  created_by: number | null;
  created_at: string;
  /** Bumped on every change: processes reload their watch index when it moves. */
  updated_at: string;
  /** 1: an e-mail to the owners for each new story matched. */
  alert_email: number;
  alert_webhook_url: string | null;
  /** Encrypted with `encryptSecret` (src/secrets/); the HMAC-SHA256 key of the webhook. */
  alert_webhook_secret: string | null;
  /** 0–23, the hour of the daily digest e-mail; null: no digest. */
  alert_digest_hour: number | null;
}

/** Who owns a watch (the people its alerts go to). */
export interface VeilleWatchOwnersTable {
  watch_id: number;
  user_id: number;
}

/** Triage state of a match in the inbox: `new`, `to_handle` (à traiter), `handled`, `ignored`. */
export type VeilleMatchState = 'new' | 'to_handle' | 'handled' | 'ignored';

/** An item a watch matched, once per (watch, item), with its place in the inbox. */
export interface VeilleMatchesTable {
  id: Generated<number>;
  watch_id: number;
  item_id: number;
  state: VeilleMatchState;
  assignee_id: number | null;
  matched_at: string;
  /** When its state last changed; null: never (still `new`). */
  state_changed_at: string | null;
  /** 1: found by back-fill over the archive when the watch was created or changed; never alerted. */
  backfilled: number;
}

/** A note a user wrote on a match. */
export interface VeilleMatchNotesTable {
  id: Generated<number>;
  watch_id: number;
  item_id: number;
  author_id: number | null;
  body: string;
  created_at: string;
}

/** One alert per story group per watch (migration 010): what was sent of it, and how many sources told the story. */
export interface VeilleAlertsTable {
  id: Generated<number>;
  watch_id: number;
  group_id: number;
  /** The item the alert was first sent about; null once purged. */
  first_item_id: number | null;
  /** Distinct sources among the group's items this watch matched. */
  sources_count: number;
  first_matched_at: string;
  last_matched_at: string;
  /** Claimed (then sent) by the e-mail job; null: not yet. */
  sent_email_at: string | null;
  /** Held by a webhook delivery in progress, so two workers never post the same alert at once. */
  webhook_claimed_until: string | null;
  sent_webhook_at: string | null;
  webhook_attempts: number;
  /** French, for the alert settings page. */
  webhook_last_error: string | null;
}

/** An item counted in a watch's alert: once per (watch, item), whatever runs it again. */
export interface VeilleAlertItemsTable {
  watch_id: number;
  item_id: number;
  group_id: number;
  source_id: number;
}

/** When a watch's daily digest last went out: its day in Europe/Paris, and the moment it covered up to. */
export interface VeilleAlertDigestsTable {
  watch_id: number;
  last_day: string;
  covered_until: string;
}
