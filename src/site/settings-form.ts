import { ValidationError } from '../errors.js';
import type { FormFields } from '../http/admin-page.js';
import { textField } from '../http/admin-page.js';
import type { ForumMode, SiteSettings } from './settings-store.js';

/** Time zones a French local authority may live in, metropolitan France first, then overseas, then neighbours. */
export const TIME_ZONE_CHOICES = Object.freeze([
  { value: 'Europe/Paris', label: 'France métropolitaine et Corse (Europe/Paris)' },
  { value: 'America/Guadeloupe', label: 'Guadeloupe (America/Guadeloupe)' },
  { value: 'America/Martinique', label: 'Martinique (America/Martinique)' },
  { value: 'America/Cayenne', label: 'Guyane (America/Cayenne)' },
  { value: 'Indian/Reunion', label: 'La Réunion (Indian/Reunion)' },
  { value: 'Indian/Mayotte', label: 'Mayotte (Indian/Mayotte)' },
  { value: 'America/Miquelon', label: 'Saint-Pierre-et-Miquelon (America/Miquelon)' },
  { value: 'America/St_Barthelemy', label: 'Saint-Barthélemy (America/St_Barthelemy)' },
  { value: 'America/Marigot', label: 'Saint-Martin (America/Marigot)' },
  { value: 'Pacific/Noumea', label: 'Nouvelle-Calédonie (Pacific/Noumea)' },
  { value: 'Pacific/Tahiti', label: 'Polynésie française : Tahiti, îles de la Société (Pacific/Tahiti)' },
  { value: 'Pacific/Marquesas', label: 'Polynésie française : Marquises (Pacific/Marquesas)' },
  { value: 'Pacific/Gambier', label: 'Polynésie française : Gambier (Pacific/Gambier)' },
  { value: 'Pacific/Wallis', label: 'Wallis-et-Futuna (Pacific/Wallis)' },
  { value: 'Indian/Kerguelen', label: 'Terres australes et antarctiques françaises (Indian/Kerguelen)' },
  { value: 'Europe/Brussels', label: 'Belgique (Europe/Brussels)' },
  { value: 'Europe/Luxembourg', label: 'Luxembourg (Europe/Luxembourg)' },
  { value: 'Europe/Zurich', label: 'Suisse (Europe/Zurich)' },
  { value: 'Europe/Monaco', label: 'Monaco (Europe/Monaco)' },
  { value: 'America/Toronto', label: 'Québec, Ontario (America/Toronto)' },
  { value: 'UTC', label: 'Temps universel (UTC)' },
] as const);

/** The forum modes as SPIP names them. */
export const FORUM_MODE_LABELS: Readonly<Record<ForumMode, string>> = Object.freeze({
  pri: 'Modéré a priori (un message paraît après validation)',
  pos: 'Modéré a posteriori (un message paraît aussitôt, peut être retiré)',
  abo: 'Sur abonnement (personnes inscrites seulement)',
  non: 'Fermé (pas de forum)',
});

/** How moderators hear of new forum messages. */
export const MODERATOR_MAIL_LABELS: Readonly<Record<SiteSettings['forumModeratorMail'], string>> = Object.freeze({
  each: 'Un courriel par nouveau message',
  digest: 'Un résumé par jour',
  none: 'Aucun courriel',
});

/** Languages of the public site. */
export const LANGUAGE_LABELS: Readonly<Record<SiteSettings['language'], string>> = Object.freeze({ fr: 'Français', en: 'English' });

/** The settings form as typed. */
export type SettingsFormValues = { readonly [K in keyof SiteSettings]: string };

/** Whether the runtime knows the time zone (IANA name or link). */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('fr', { timeZone });
    return timeZone !== '';
  } catch {
    return false;
  }
}

/** The submitted settings form, every field a string. */
export function settingsValuesFrom(form: FormFields): SettingsFormValues {
  const pick = (name: keyof SiteSettings) => textField(form, name).trim();
  return { siteName: pick('siteName'), tagline: pick('tagline'), language: pick('language'), timeZone: pick('timeZone'), defaultForumMode: pick('defaultForumMode'),
    visitorSignup: pick('visitorSignup') === 'oui' ? 'oui' : 'non', forumModeratorMail: pick('forumModeratorMail'), forumIpRetentionDays: pick('forumIpRetentionDays') };
}

/** Checks the settings form; every problem is reported at once, per field, in French. */
export function parseSettingsForm(values: SettingsFormValues): SiteSettings {
  const errors: Record<string, string> = {};
  if (values.siteName === '') errors.siteName = 'Donnez un nom au site.';
  else if (values.siteName.length > 100) errors.siteName = 'Le nom du site ne peut pas dépasser 100 caractères.';
  if (values.tagline.length > 200) errors.tagline = 'Le slogan ne peut pas dépasser 200 caractères.';
  if (!Object.hasOwn(LANGUAGE_LABELS, values.language)) errors.language = 'Choisissez une langue dans la liste.';
  if (!isKnownTimeZone(values.timeZone)) errors.timeZone = 'Choisissez un fuseau horaire dans la liste.';
  if (!Object.hasOwn(FORUM_MODE_LABELS, values.defaultForumMode)) errors.defaultForumMode = 'Choisissez un mode de forum dans la liste.';
  if (!Object.hasOwn(MODERATOR_MAIL_LABELS, values.forumModeratorMail)) errors.forumModeratorMail = 'Choisissez une fréquence dans la liste.';
  if (!/^\d{1,3}$/.test(values.forumIpRetentionDays) || !(Number(values.forumIpRetentionDays) >= 1 && Number(values.forumIpRetentionDays) <= 365)) {
    errors.forumIpRetentionDays = 'Indiquez un nombre de jours entre 1 et 365 (par exemple 30).';
  }
  if (Object.keys(errors).length > 0) throw new ValidationError(errors);
  return Object.freeze({ ...values } as SiteSettings);
}
