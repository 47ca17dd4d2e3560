/** A table column holding values written by `encryptSecret`, keyed by an id column. */
export interface SecretColumn {
  readonly table: string;
  readonly idColumn: string;
  readonly column: string;
}

/**
 * Every column that stores encrypted secrets: `relais key rotate` re-encrypts them all in one
 * transaction. A feature that stores a secret adds its row here (the relay issue: network tokens).
 *
 * @example
 * { table: 'relay_channels', idColumn: 'id', column: 'access_token' },
 */
export const SECRET_COLUMNS: readonly SecretColumn[] = Object.freeze([
  // A watched social source's access token (a Mastodon instance's, for search).
  { table: 'veille_sources', idColumn: 'id', column: 'access_token' },
  // A relay page's network credentials (JSON of token, instance, account), issue 8.
  { table: 'relay_pages', idColumn: 'id', column: 'credentials' },
  // A watch's webhook signing key (HMAC-SHA256 of its alerts).
  { table: 'veille_watches', idColumn: 'id', column: 'alert_webhook_secret' },
]);
