import { addAuditEntry } from '../../audit/store.js';
import type { Db } from '../../db/database.js';
import { encryptSecret } from '../../secrets/cipher.js';
import type { Keyring } from '../../secrets/keyring.js';
import { ADAPTERS, isAdapterKind } from '../adapters/adapters.js';
import { readAdapterInput } from './read-adapter-input.js';
import { setSourceAccessToken, type SourceRow } from './store.js';

/** What changing a token came to: done, or the French reason it was refused (never repeating the token). */
export type TokenChange = { readonly ok: true } | { readonly ok: false; readonly error: string };

/**
 * Replaces a social source's access token (an expired Mastodon token), or removes it with
 * `token` undefined: checked by the source's adapter with the rest of its config, stored
 * encrypted, journaled without the token, and the source due at once to try it.
 */
export async function changeSourceToken(
  deps: { readonly db: Db; readonly keyring: Keyring; readonly now: () => Date },
  source: SourceRow,
  token: string | undefined,
  /** Who did it; null from the command line. */
  userId: number | null,
): Promise<TokenChange> {
  if (!isAdapterKind(source.kind)) return { ok: false, error: 'Cette source ne prend pas de jeton d’accès.' };
  let encrypted: string | null = null;
  if (token !== undefined) {
    const config = readAdapterInput({ config: source.config, access_token: null }, undefined);
    const check = ADAPTERS[source.kind].validate({ ...config, token });
    if (!check.ok) return { ok: false, error: check.errors['token'] ?? Object.values(check.errors).join(' ') };
    const checked = (check.config as { readonly token?: unknown }).token;
    if (typeof checked !== 'string') return { ok: false, error: 'Cette source ne prend pas de jeton d’accès.' };
    encrypted = encryptSecret(checked, deps.keyring);
  }
  const now = deps.now();
  await deps.db.kysely.transaction().execute(async (trx) => {
    await setSourceAccessToken(trx, source.id, encrypted, now);
    await addAuditEntry(trx, {
      userId, action: encrypted === null ? 'veille.source.token_removed' : 'veille.source.token_changed',
      objectType: 'veille_source', objectId: source.id, summary: source.title || source.url,
    }, now);
  });
  return { ok: true };
}
