import type { FormTokenCheck } from './form-token.js';

/** What the author is told when the form's time token is refused (their text is kept). */
export const TOKEN_MESSAGES: Readonly<Record<Exclude<FormTokenCheck, 'ok'>, string>> = Object.freeze({
  'too-soon': 'Votre message est parti trop vite après l’affichage du formulaire (moins de 3 secondes) : par précaution contre les robots, il n’a pas été enregistré. Votre texte est conservé ; relisez-le puis cliquez à nouveau sur « Envoyer ».',
  expired: 'Ce formulaire a été affiché il y a plus de 12 heures et a expiré. Votre texte est conservé ; cliquez à nouveau sur « Envoyer ».',
  invalid: 'Ce formulaire n’est pas valide (il a peut-être été copié d’une autre page). Votre texte est conservé ; cliquez à nouveau sur « Envoyer ».',
});
