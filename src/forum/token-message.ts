import type { ForumLimits } from './forum-limits.js';
import type { FormTokenCheck } from './form-token.js';

const plural = (n: number, word: string) => `${n.toLocaleString('fr-FR')} ${word}${n > 1 ? 's' : ''}`;

/**
 * What the author is told when the form's time token is refused (their text is kept), with the
 * delays the site's limits set.
 *
 * @example
 * tokenMessage('expired', DEFAULT_FORUM_LIMITS) // "Ce formulaire a été affiché il y a plus de 12 heures…"
 */
export function tokenMessage(check: Exclude<FormTokenCheck, 'ok'>, limits: Pick<ForumLimits, 'minDelaySeconds' | 'maxDelayHours'>): string {
  switch (check) {
    case 'too-soon':
      return `Votre message est parti trop vite après l’affichage du formulaire (moins de ${plural(limits.minDelaySeconds, 'seconde')}) : par précaution contre les robots, il n’a pas été enregistré. Votre texte est conservé ; relisez-le puis cliquez à nouveau sur « Envoyer ».`;
    case 'expired':
      return `Ce formulaire a été affiché il y a plus de ${plural(limits.maxDelayHours, 'heure')} et a expiré. Votre texte est conservé ; cliquez à nouveau sur « Envoyer ».`;
    case 'invalid':
      return 'Ce formulaire n’est pas valide (il a peut-être été copié d’une autre page). Votre texte est conservé ; cliquez à nouveau sur « Envoyer ».';
  }
}

/** The security token of the session was missing or wrong (session expired, form opened in another browser): the text is kept. */
export const SESSION_TOKEN_MESSAGE = 'Votre session a expiré pendant que vous écriviez (ou le formulaire vient d’un autre onglet) : par sécurité, le message n’a pas été enregistré. Votre texte est conservé ; cliquez à nouveau sur « Envoyer ».';
