import type { Generated } from 'kysely';
import type { MediaItemsTable, MediaUsesTable } from './media-tables.js';
import type { RelayAttemptsTable, RelayPagesTable, RelayVariantsTable } from './relay-tables.js';
import type { SpipImportKeysTable, SpipRedirectsTable } from './spip-import-tables.js';
import type {
  VeilleAlertDigestsTable, VeilleAlertItemsTable, VeilleAlertsTable, VeilleGroupsTable, VeilleItemBandsTable, VeilleItemsTable,
  VeilleMatchNotesTable, VeilleMatchesTable, VeilleSourcesTable, VeilleWatchOwnersTable, VeilleWatchesTable,
} from './veille-tables.js';

// Each feature's row types live beside this file; importing them from here keeps one entry point.
export type * from './media-tables.js';
export type * from './relay-tables.js';
export type * from './spip-import-tables.js';
export type * from './veille-tables.js';

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
