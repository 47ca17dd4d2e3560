import { ValidationError } from '../errors.js';
import type { FormFields } from '../http/admin-page.js';
import type { ForumLimits } from './forum-limits.js';

/** The limits form as typed: every field a string. */
export type ForumLimitsFormValues = { readonly [K in keyof ForumLimits]: string };

/** Each limit's label, bounds and unit, shared by the form and its checks. */
export const FORUM_LIMIT_FIELDS: Readonly<Record<keyof ForumLimits, { label: string; min: number; max: number; unit: string; hint: string }>> = Object.freeze({
  minDelaySeconds: {
    label: 'Délai minimal avant l’envoi', min: 0, max: 300, unit: 'secondes',
    hint: 'Un formulaire envoyé plus vite après son affichage vient presque toujours d’un robot (0 : pas de délai).',
  },
  maxDelayHours: {
    label: 'Durée de validité du formulaire', min: 1, max: 168, unit: 'heures',
    hint: 'Passé ce délai, la personne doit cliquer à nouveau sur « Envoyer » (son texte est conservé).',
  },
  maxMessageLength: {
    label: 'Longueur maximale d’un message', min: 100, max: 50_000, unit: 'caractères',
    hint: 'Un envoi de plus de 64 Ko est refusé dans tous les cas, le texte conservé.',
  },
  postsPerAddress: {
    label: 'Messages par adresse IP en 10 minutes', min: 0, max: 1_000, unit: 'messages',
    hint: 'Au-delà, la personne est invitée à patienter, son texte conservé (0 : pas de limite).',
  },
  postsPerSite: {
    label: 'Messages pour tout le site en 10 minutes', min: 0, max: 100_000, unit: 'messages',
    hint: 'Un frein contre les envois massifs venus de nombreuses adresses (0 : pas de limite).',
  },
});

/** The form's values as strings, from saved limits or from a submitted form. */
export function limitsFormValues(source: ForumLimits | FormFields): ForumLimitsFormValues {
  const values = {} as Record<keyof ForumLimits, string>;
  for (const name of Object.keys(FORUM_LIMIT_FIELDS) as (keyof ForumLimits)[]) {
    const value = source[name];
    values[name] = typeof value === 'number' ? String(value) : (value ?? '').trim();
  }
  return values;
}

/** Checks the form: whole numbers within each limit's bounds; every problem reported at once, in French. */
export function parseForumLimitsForm(values: ForumLimitsFormValues): ForumLimits {
  const errors: Record<string, string> = {};
  const limits = {} as Record<keyof ForumLimits, number>;
  for (const [name, field] of Object.entries(FORUM_LIMIT_FIELDS) as [keyof ForumLimits, (typeof FORUM_LIMIT_FIELDS)[keyof ForumLimits]][]) {
    // Digits only, spaces allowed as a French thousands separator ("20 000").
    const raw = values[name].replace(/[\s\u202f\u00a0]/g, '');
    const value = /^\d{1,7}$/.test(raw) ? Number(raw) : Number.NaN;
    if (Number.isNaN(value) || value < field.min || value > field.max) {
      errors[name] = `Indiquez un nombre entier entre ${field.min.toLocaleString('fr-FR')} et ${field.max.toLocaleString('fr-FR')}.`;
    }
    limits[name] = value;
  }
  if (Object.keys(errors).length > 0) throw new ValidationError(errors);
  return Object.freeze(limits as ForumLimits);
}
