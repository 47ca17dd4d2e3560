import { randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { requirePermission } from '../../accounts/policy.js';
import { addAuditEntry } from '../../audit/store.js';
import { NotFoundError, ValidationError } from '../../errors.js';
import { adminContext, idParam, noticeFrom, sendAdminPage, type FormFields } from '../../http/admin-page.js';
import type { HttpContext } from '../../http/app.js';
import { SendMailJob } from '../../mail/mailer.js';
import { decryptSecret, encryptSecret } from '../../secrets/cipher.js';
import { readSiteSettings } from '../../site/settings-store.js';
import { alertSettingsPath } from './alert-links.js';
import { testAlertMail } from './alert-mails.js';
import { postWebhook } from './post-webhook.js';
import { checkAlertSettings } from './schema.js';
import { listRecentWebhookDeliveries, readAlertSettings, saveAlertSettings, type AlertSettingsRow } from './settings-store.js';
import { listOwnerAddresses } from './store.js';
import { AlertSettingsPage, type AlertSettingsValues } from './views/alert-settings-page.js';

const NOTICES: Readonly<Record<string, string>> = Object.freeze({ enregistre: 'Réglages des alertes enregistrés.' });
const RECENT_DELIVERIES = 10;

/** A watch's alert settings page (`/ecrire/veille/veilles/:id/alertes`), its form and its "send a test" button. */
export function registerAlertAdminRoutes(app: FastifyInstance, http: HttpContext): void {
  const { db, now } = http.relais;
  const keyring = http.relais.keyring;
  const manage = { preHandler: requirePermission('veille.watches.manage') };

  async function settingsOr404(raw: string | undefined): Promise<AlertSettingsRow> {
    const settings = await readAlertSettings(db.kysely, idParam(raw));
    if (!settings) throw new NotFoundError('veille');
    return settings;
  }
  const secretEnd = (s: AlertSettingsRow) => (s.encryptedSecret === null ? undefined : decryptSecret(s.encryptedSecret, keyring).slice(-4));
  const valuesOf = (s: AlertSettingsRow): AlertSettingsValues => ({
    email: s.email, webhookUrl: s.webhookUrl ?? '', digestHour: s.digestHour === null ? '' : String(s.digestHour),
    secretEnd: secretEnd(s), proposedSecret: randomBytes(24).toString('base64url'),
  });
  async function page(request: FastifyRequest, reply: FastifyReply, s: AlertSettingsRow, extra: { values?: AlertSettingsValues; errors?: Readonly<Record<string, string>>; notice?: string } = {}, status = 200) {
    return sendAdminPage(reply, AlertSettingsPage({
      ctx: await adminContext(http, request, reply), watch: { id: s.watchId, name: s.watchName }, owners: await listOwnerAddresses(db.kysely, s.watchId),
      values: extra.values ?? valuesOf(s), deliveries: await listRecentWebhookDeliveries(db.kysely, s.watchId, RECENT_DELIVERIES),
      ...(extra.errors ? { errors: extra.errors } : {}), ...(extra.notice ? { notice: extra.notice } : {}),
    }), status);
  }

  app.get<{ Params: { id: string } }>('/ecrire/veille/veilles/:id/alertes', manage, async (request, reply) =>
    page(request, reply, await settingsOr404(request.params.id), { notice: noticeFrom(request.query, NOTICES) ?? '' }));

  app.post<{ Params: { id: string }; Body: FormFields }>('/ecrire/veille/veilles/:id/alertes', manage, async (request, reply) => {
    const settings = await settingsOr404(request.params.id);
    const form = request.body ?? {};
    try {
      const input = checkAlertSettings(form, settings.encryptedSecret !== null);
      await saveAlertSettings(db.kysely, settings.watchId, {
        email: input.email, webhookUrl: input.webhookUrl, digestHour: input.digestHour,
        ...(input.secret === undefined ? {} : { encryptedSecret: encryptSecret(input.secret, keyring) }),
      });
      const summary = [input.email ? 'courriel' : null, input.webhookUrl ? `webhook ${input.webhookUrl}` : null, input.digestHour === null ? null : `résumé à ${input.digestHour} h`]
        .filter(Boolean).join(', ') || 'aucune alerte';
      await addAuditEntry(db.kysely, { userId: request.visitor!.id, action: 'veille.watch.alerts', objectType: 'veille_watch', objectId: String(settings.watchId), summary: `${settings.watchName} : ${summary}${input.secret ? ' (nouveau secret)' : ''}` }, now());
      return reply.redirect(`${alertSettingsPath(settings.watchId)}?ok=enregistre`, 303);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      // What was typed comes back (the secret too: it is the user's own, not the stored one), so a copied proposal stays valid.
      const fresh = valuesOf(settings);
      const values = { ...fresh, email: form.email === '1', webhookUrl: (form.webhook_url ?? '').trim(), digestHour: (form.digest_hour ?? '').trim(), proposedSecret: (form.webhook_secret ?? '').trim() || fresh.proposedSecret };
      return page(request, reply, settings, { values, errors: error.fields }, 400);
    }
  });

  app.post<{ Params: { id: string } }>('/ecrire/veille/veilles/:id/alertes/essai', manage, async (request, reply) => {
    const settings = await settingsOr404(request.params.id);
    const watch = { id: settings.watchId, name: settings.watchName };
    const said: string[] = [];
    if (http.relais.mailer.enabled) {
      const ctx = { siteName: (await readSiteSettings(db.kysely)).siteName, publicUrl: http.relais.config.publicUrl };
      await http.relais.jobs.enqueue(SendMailJob, testAlertMail(ctx, request.visitor!.email, watch));
      said.push(`Un courriel d’essai part vers ${request.visitor!.email}.`);
    } else {
      said.push('Aucun serveur d’envoi de courriel n’est configuré : pas de courriel d’essai.');
    }
    if (settings.webhookUrl !== null) {
      const secret = settings.encryptedSecret === null ? null : decryptSecret(settings.encryptedSecret, keyring);
      const outcome = await postWebhook(http.relais.fetchResource, settings.webhookUrl, secret, { event: 'veille.test', watch, sent_at: now().toISOString() }, 'veille.test', 0, now());
      said.push(outcome.ok ? `Le webhook a répondu (HTTP ${outcome.httpStatus}).` : `Le webhook a échoué : ${outcome.reason}`);
    }
    return page(request, reply, settings, { notice: said.join(' ') });
  });
}
