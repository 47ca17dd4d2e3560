/** What the heuristics found in a message: a score and the reasons, in French, for moderators. */
export interface SpamSignals {
  readonly score: number;
  readonly reasons: readonly string[];
}

/** From this score on, a message is obvious spam: stored as `spam` (never deleted), not queued. */
export const OBVIOUS_SPAM_SCORE = 5;

/** SPIP link shortcuts (`[texte->adresse]`), bare web addresses and HTML links. */
const LINK = /\[[^\]]*->[^\]]+\]|https?:\/\/|<a\s/gi;

/**
 * Scores a message without any CAPTCHA: many links weigh (each one after the second counts one,
 * five or more count three more), and so does a text already received in the last day.
 *
 * @example
 * spamSignals('Voir [ici->https://a.fr]', { duplicate: false }) // { score: 0, reasons: [] }
 * spamSignals('Achetez !', { duplicate: true }).score           // 3
 */
export function spamSignals(body: string, context: { readonly duplicate: boolean }): SpamSignals {
  const links = body.match(LINK)?.length ?? 0;
  let score = Math.max(0, links - 2) + (links >= 5 ? 3 : 0);
  const reasons: string[] = [];
  if (links > 2) reasons.push(`${links} liens`);
  if (context.duplicate) {
    score += 3;
    reasons.push('texte identique à un message reçu dans les dernières 24 heures');
  }
  return Object.freeze({ score, reasons: Object.freeze(reasons) });
}
