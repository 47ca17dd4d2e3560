import { ValidationError } from '../../errors.js';
import type { FormFields } from '../../http/admin-page.js';

/** Shortest and longest webhook secret accepted (an HMAC key shorter than 16 characters is guessable). */
export const MIN_WEBHOOK_SECRET = 16;
export const MAX_WEBHOOK_SECRET = 200;
const MAX_WEBHOOK_URL = 2000;

/** The alert settings form, checked: `secret` is a newly typed secret (undefined keeps the stored one). */
export interface AlertSettingsInput {
  readonly email: boolean;
  readonly webhookUrl: string | null;
  readonly secret: string | undefined;
  readonly digestHour: number | null;
}

/** The form's labels, for the error summary. */
export const ALERT_FIELD_LABELS: Readonly<Record<string, string>> = Object.freeze({
  webhook_url: 'Adresse du webhook', webhook_secret: 'Secret de signature', digest_hour: 'Heure du résumé quotidien',
});

/**
 * Checks the alert settings form; throws `ValidationError` with a French message per field.
 * A webhook needs a secret: typed now, or already stored (`hasSecret`).
 *
 * @example
 * checkAlertSettings({ email: '1', webhook_url: 'https://hooks.example/relais', webhook_secret: '…', digest_hour: '8' }, false);
 */
export function checkAlertSettings(form: FormFields, hasSecret: boolean): AlertSettingsInput {
  const errors: Record<string, string> = {};
  const url = (form.webhook_url ?? '').trim();
  const secret = (form.webhook_secret ?? '').trim();
  const hour = (form.digest_hour ?? '').trim();
  if (url !== '') {
    const parsed = URL.canParse(url) ? new URL(url) : undefined;
    if (!parsed || (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') || url.length > MAX_WEBHOOK_URL) {
      errors.webhook_url = 'Indiquez une adresse complète commençant par https:// (ou http://).';
    } else if (parsed.username !== '' || parsed.password !== '') {
      errors.webhook_url = 'L’adresse ne doit pas contenir d’identifiant ni de mot de passe : la signature authentifie les envois.';
    }
  }
  if (secret !== '' && (secret.length < MIN_WEBHOOK_SECRET || secret.length > MAX_WEBHOOK_SECRET)) {
    errors.webhook_secret = `Le secret doit compter de ${MIN_WEBHOOK_SECRET} à ${MAX_WEBHOOK_SECRET} caractères.`;
  } else if (url !== '' && secret === '' && !hasSecret) {
    errors.webhook_secret = 'Un webhook a besoin d’un secret de signature : gardez celui qui est proposé ou écrivez le vôtre.';
  }
  if (hour !== '' && !/^(?:[01]?\d|2[0-3])$/.test(hour)) errors.digest_hour = 'Choisissez une heure entre 0 h et 23 h.';
  if (Object.keys(errors).length > 0) throw new ValidationError(errors);
  return Object.freeze({ email: form.email === '1', webhookUrl: url === '' ? null : url, secret: secret === '' ? undefined : secret, digestHour: hour === '' ? null : Number(hour) });
}
