import type { Generated } from 'kysely';

// The relay's tables (migration 011), part of `Database` in schema.ts.

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
