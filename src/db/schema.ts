import type { Generated } from 'kysely';

/**
 * The tables as TypeScript sees them. Timestamps are ISO 8601 UTC strings
 * (`2026-11-25T14:53:20.000Z`) on both dialects: they sort as text and read the same everywhere.
 * Booleans are 0/1 integers for the same reason.
 */
export interface Database {
  settings: SettingsTable;
  site_state: SiteStateTable;
  users: UsersTable;
  sessions: SessionsTable;
  rate_limits: RateLimitsTable;
  password_resets: PasswordResetsTable;
  account_invitations: AccountInvitationsTable;
  sections: SectionsTable;
  articles: ArticlesTable;
  slug_redirects: SlugRedirectsTable;
  audit_log: AuditLogTable;
  jobs: JobsTable;
  forum_contributions: ForumContributionsTable;
  veille_sources: VeilleSourcesTable;
  veille_groups: VeilleGroupsTable;
  veille_items: VeilleItemsTable;
  veille_item_bands: VeilleItemBandsTable;
  media_items: MediaItemsTable;
  media_uses: MediaUsesTable;
  relay_pages: RelayPagesTable;
  relay_variants: RelayVariantsTable;
  relay_attempts: RelayAttemptsTable;
  veille_watches: VeilleWatchesTable;
  veille_watch_owners: VeilleWatchOwnersTable;
  veille_matches: VeilleMatchesTable;
  veille_match_notes: VeilleMatchNotesTable;
  veille_alerts: VeilleAlertsTable;
  veille_alert_items: VeilleAlertItemsTable;
  veille_alert_digests: VeilleAlertDigestsTable;
  spip_import_keys: SpipImportKeysTable;
  spip_redirects: SpipRedirectsTable;
}

export interface SettingsTable {
  key: string;
  value: string;
}

/** One row (id = 1): the change counter every page-affecting write bumps. */
export interface SiteStateTable {
  id: number;
  version: number;
}

/** `visitor`: a public-site account (forums *sur abonnement*), with no access to the back office. */
export type Role = 'admin' | 'editor' | 'moderator' | 'reader' | 'visitor';

export interface UsersTable {
  id: Generated<number>;
  email: string;
  name: string;
  role: Role;
  password_hash: string;
  disabled: number;
  created_at: string;
  last_login_at: string | null;
}

export interface SessionsTable {
  id: string;
  user_id: number;
  created_at: string;
  expires_at: string;
}

export interface RateLimitsTable {
  key: string;
  window_start: string;
  hits: number;
}

export interface PasswordResetsTable {
  token_hash: string;
  user_id: number;
  expires_at: string;
}

/** Why a visitor link was sent: an administrator's invitation, or a self-registration to confirm. */
export type InvitationPurpose = 'invitation' | 'signup';

export interface AccountInvitationsTable {
  token_hash: string;
  email: string;
  name: string;
  purpose: InvitationPurpose;
  invited_by: number | null;
  created_at: string;
  expires_at: string;
}

export interface SectionsTable {
  id: Generated<number>;
  parent_id: number | null;
  title: string;
  slug: string;
  description: string;
  position: number;
  created_at: string;
  updated_at: string;
}

export type ArticleStatus = 'draft' | 'proposed' | 'published' | 'archived';
/** `page` is a footer page (accessibilité, mentions légales…): edited like an article, never listed. */
export type ArticleKind = 'article' | 'page';

export interface ArticlesTable {
  id: Generated<number>;
  kind: ArticleKind;
  section_id: number | null;
  slug: string;
  title: string;
  lead: string;
  body: string;
  credits: string;
  status: ArticleStatus;
  /** When it is (or will be) public; a published article with a future date is scheduled. */
  published_at: string | null;
  author_id: number | null;
  created_at: string;
  updated_at: string;
  // `forum_mode` (migration 002) is read and written only by the forum store (`src/forum/store.ts`).
  /** The main illustration (SPIP's *logo*), a media-library image (migration 008); null: none. */
  logo_media_id: number | null;
}

export type MediaKind = 'image' | 'document';

/** A media-library item (migration 008), stored once by the hash of the uploaded bytes. */
export interface MediaItemsTable {
  id: Generated<number>;
  kind: MediaKind;
  /** Decided from the bytes, never from the name or the declared type. */
  mime: string;
  extension: string;
  /** SHA-256 of the uploaded bytes (hex, 32 digits); also names the stored objects. */
  hash: string;
  /** The stored file (for images, re-encoded upright without any metadata). */
  storage_key: string;
  byte_size: number;
  width: number | null;
  height: number | null;
  /** JSON array of `MediaVariant` (`src/media/media-item.ts`). */
  variants: string;
  title: string;
  /** The text alternative; '' for a decorative image or a document. */
  alt: string;
  /** 1: explicitly decorative (RGAA 1.2), drawn with `alt=""`. */
  decorative: number;
  caption: string;
  credit: string;
  created_by: number | null;
  created_at: string;
  updated_at: string;
  /** 1: its text alternative is still to be written by a person (an imported SPIP image had none; migration 012). */
  needs_review: Generated<number>;
}

/** One place a media item is used (migration 008), e.g. `article` 12, role `body` or `logo`. */
export interface MediaUsesTable {
  media_id: number;
  object_type: string;
  object_id: number;
  role: string;
}

export interface SlugRedirectsTable {
  old_slug: string;
  article_id: number;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  user_id: number | null;
  /** Dotted action key, e.g. `blog.article.updated`. */
  action: string;
  object_type: string;
  object_id: string;
  summary: string;
}

export type JobState = 'queued' | 'running' | 'done' | 'failed';

/** The in-process runner's queue on SQLite (PostgreSQL uses pg-boss's own tables). */
export interface JobsTable {
  id: Generated<number>;
  name: string;
  payload: string;
  state: JobState;
  run_at: string;
  attempts: number;
  max_attempts: number;
  /** At most one queued job per key (scheduled publications, recurring jobs). */
  singleton_key: string | null;
  last_error: string | null;
  created_at: string;
  updated_at: string;
}

export type ContributionStatus = 'proposed' | 'published' | 'rejected' | 'spam';

/** A forum contribution under an article; `body` is the raw SPIP text, stored intact. */
export interface ForumContributionsTable {
  id: Generated<number>;
  article_id: number;
  parent_id: number | null;
  /** The first message of the thread; null when this one is the first. */
  thread_id: number | null;
  author_name: string;
  /** Never shown publicly; used only for the notifications the author asked for. */
  email: string | null;
  body: string;
  status: ContributionStatus;
  created_at: string;
  /** Kept for abuse handling only. */
  ip: string | null;
  notify_replies: number;
  is_organisation_answer: number;
  /** Heuristic score shown to moderators; at the threshold the message goes straight to `spam`. */
  spam_score: number;
  /** The signals behind the score, in French, one per line. */
  spam_reasons: string;
  user_id: number | null;
  moderated_at: string | null;
  moderated_by: number | null;
  /** When its publication was announced by e-mail (migration 003); null: not yet. */
  publication_notified_at: string | null;
  /** `bodyHash(body)`, for the duplicate-text check (migration 005). */
  body_hash: string | null;
}

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

/** A page the organisation runs on a social network, with its tone template and health (migration 011). */
export interface RelayPagesTable {
  id: Generated<number>;
  /** A `NetworkName` of `src/relay/channels/`. */
  network: string;
  /** Unique; what `relais relay draft --pages` names. */
  name: string;
  /** Jeunesse, emploi, culture, institution… */
  audience: string;
  /** The Mastodon instance's address (other networks: null). */
  instance: string | null;
  account_id: string | null;
  account_name: string | null;
  /** JSON of the channel credentials, encrypted by `encryptSecret` (a registered secret column). */
  credentials: string;
  /** The token's last four characters, the only part ever shown back. */
  token_hint: string;
  use_title: number;
  use_lead: number;
  use_link: number;
  opening_line: string;
  /** Space-separated, without or with `#`. */
  hashtags: string;
  emoji_allowed: number;
  /** Adds utm_source (network), utm_medium (social) and utm_campaign (article slug) to the link. */
  utm_tags: number;
  /** Drafts a variant when an article is published. */
  auto_draft: number;
  /** Such a draft is scheduled at once, without approval. */
  auto_approve: number;
  active: number;
  last_success_at: string | null;
  last_error_at: string | null;
  /** French, for the health screen. */
  last_error: string | null;
  token_expires_at: string | null;
  created_at: string;
  updated_at: string;
}

/** Where a variant is in its life: `failed` keeps a French reason and may be retried. */
export type RelayVariantState = 'draft' | 'submitted' | 'approved' | 'scheduled' | 'publishing' | 'published' | 'failed';

/** One post for one page, and its outbox state (migration 011). */
export interface RelayVariantsTable {
  id: Generated<number>;
  page_id: number;
  article_id: number | null;
  text: string;
  link: string | null;
  link_title: string | null;
  link_description: string | null;
  /** JSON array of media ids (the media issue provides the files). */
  media_ids: string;
  /** The moment chosen for it; null: as soon as approved. */
  scheduled_at: string | null;
  state: RelayVariantState;
  failure_reason: string | null;
  /** Sent as Mastodon's Idempotency-Key and looked for among recent posts after an unknown outcome. */
  idempotency_key: string;
  remote_id: string | null;
  remote_url: string | null;
  attempts: number;
  /** When the outbox may take it (its schedule, or a retry after back-off). */
  next_attempt_at: string | null;
  /** 1 when an attempt may have reached the network without its answer being recorded. */
  unknown_outcome: number;
  /** Set by the claim: look for the post among recent ones before sending again. */
  check_first: number;
  claimed_by: string | null;
  claimed_until: string | null;
  created_by: number | null;
  approved_by: number | null;
  approved_at: string | null;
  published_at: string | null;
  created_at: string;
  updated_at: string;
}

/** One try at publishing a variant, with its outcome (null while in flight or lost in a crash). */
export interface RelayAttemptsTable {
  id: Generated<number>;
  variant_id: number;
  attempt: number;
  worker: string;
  started_at: string;
  finished_at: string | null;
  outcome: string | null;
  detail: string | null;
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

/** The SPIP import's key map (migration 012): SPIP `article` 12 became Relais row `relais_id`. */
export interface SpipImportKeysTable {
  /** `rubrique`, `article`, `forum`, `auteur`, `document`. */
  spip_type: string;
  spip_id: number;
  relais_id: number;
  imported_at: string;
}

/** An old SPIP address (normalised, e.g. `article12`, `IMG/pdf/cr.pdf`, `Fete-du-village`) and where it now leads. */
export interface SpipRedirectsTable {
  old_address: string;
  /** `article`, `section`, `media` (resolved to the current address at each request) or `url` (`target_url`). */
  target_type: string;
  target_id: number | null;
  target_url: string | null;
}
