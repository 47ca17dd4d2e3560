import type { PageRow } from './page-store.js';

/** A token this close to its expiry is flagged on the health screen. */
const EXPIRY_WARNING_MS = 7 * 86_400_000;

/**
 * A page's connection in a few words, for the health screen and `relais relay pages`: paused,
 * failing (its last error is newer than its last success), token about to expire, working, or
 * not used yet.
 */
export function pageHealth(page: Pick<PageRow, 'active' | 'last_error_at' | 'last_success_at' | 'token_expires_at'>, now: Date): string {
  if (!page.active) return 'Désactivée';
  if (page.last_error_at && (!page.last_success_at || page.last_error_at > page.last_success_at)) return 'En erreur';
  if (page.token_expires_at && Date.parse(page.token_expires_at) - now.getTime() < EXPIRY_WARNING_MS) {
    return Date.parse(page.token_expires_at) <= now.getTime() ? 'Jeton expiré' : 'Jeton bientôt expiré';
  }
  return page.last_success_at ? 'Fonctionne' : 'Pas encore utilisée';
}
