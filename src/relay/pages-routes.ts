import type { FastifyInstance, FastifyRequest } from 'fastify';
import { requirePermission } from '../accounts/policy.js';
import { NotFoundError } from '../errors.js';
import { adminContext, idParam, noticeFrom, sendAdminPage, textField, type FormFields } from '../http/admin-page.js';
import type { HttpContext } from '../http/app.js';
import { addAuditEntry } from '../audit/store.js';
import { readApprovers, writeApprovers } from './approvers-setting.js';
import { getPage, listPages } from './pages/page-store.js';
import type { PageInput } from './pages/save-page.js';
import { RelayError } from './relay-error.js';
import { pageFormValues, PageFormPage, type PageFormValues } from './views/page-form-page.js';
import { PagesPage } from './views/pages-page.js';

const PAGES = '/ecrire/relais/pages';

const NOTICES: Readonly<Record<string, string>> = Object.freeze({
  ajoutee: 'Page ajoutée ; son jeton est chiffré et la connexion a été vérifiée.',
  enregistree: 'Page enregistrée.',
  verifiee: 'Connexion vérifiée : voir l’état ci-dessous.',
  approbation: 'Réglage enregistré.',
  'verification-echec': 'La page est enregistrée, mais la vérification de la connexion a échoué : voir la dernière erreur ci-dessous.',
});

const FLAGS = ['useTitle', 'useLead', 'useLink', 'emojiAllowed', 'utmTags', 'autoDraft', 'autoApprove', 'active'] as const;

/** What the page form sent, as the form shows it back (never the token) and as the service takes it. */
function readPageForm(body: FormFields, network: string): { values: PageFormValues; input: PageInput } {
  const flags = new Set(FLAGS.filter((f) => body[f] === '1'));
  const values: PageFormValues = {
    network, name: textField(body, 'name'), audience: textField(body, 'audience'), instance: textField(body, 'instance').trim(),
    accountId: textField(body, 'accountId').trim(), openingLine: textField(body, 'openingLine'), hashtags: textField(body, 'hashtags'), flags,
  };
  return {
    values,
    input: {
      network, name: values.name, audience: values.audience, instance: values.instance || undefined, accountId: values.accountId || undefined,
      token: textField(body, 'token'), active: flags.has('active'),
      template: {
        useTitle: flags.has('useTitle'), useLead: flags.has('useLead'), useLink: flags.has('useLink'), openingLine: values.openingLine,
        hashtags: values.hashtags, emojiAllowed: flags.has('emojiAllowed'), utmTags: flags.has('utmTags'), autoDraft: flags.has('autoDraft'),
        autoApprove: flags.has('autoApprove'),
      },
    },
  };
}

/** The relay's pages in the back office: list with connection health, add, edit, check, and who approves. */
export function registerRelayPagesRoutes(app: FastifyInstance, http: HttpContext): void {
  const { db, now } = http.relais;
  const view = { preHandler: requirePermission('relay.view') };
  const manage = { preHandler: requirePermission('relay.pages.manage') };
  const timeZone = async () => (await http.snapshots.latest()).settings.timeZone;
  const userId = (request: FastifyRequest) => request.visitor!.id;

  app.get(PAGES, view, async (request, reply) => sendAdminPage(reply, PagesPage({
    ctx: await adminContext(http, request, reply), pages: await listPages(db.kysely), approvers: await readApprovers(db.kysely),
    timeZone: await timeZone(), now: now(), notice: noticeFrom(request.query, NOTICES),
  })));

  app.get(`${PAGES}/ajouter`, manage, async (request, reply) => sendAdminPage(reply, PageFormPage({
    ctx: await adminContext(http, request, reply),
    values: { network: 'mastodon', name: '', audience: '', instance: '', accountId: '', openingLine: '', hashtags: '', flags: new Set(['useTitle', 'useLead', 'useLink', 'emojiAllowed', 'utmTags', 'active']) },
  })));

  app.post<{ Body: FormFields }>(`${PAGES}/ajouter`, manage, async (request, reply) => {
    const { values, input } = readPageForm(request.body, textField(request.body, 'network'));
    try {
      const { warning } = await http.relais.relay.addPage(input, userId(request));
      return reply.redirect(`${PAGES}?ok=${warning ? 'verification-echec' : 'ajoutee'}`, 303);
    } catch (error) {
      if (!(error instanceof RelayError)) throw error;
      return sendAdminPage(reply, PageFormPage({ ctx: await adminContext(http, request, reply), values, error: error.message }), 400);
    }
  });

  app.get<{ Params: { id: string } }>(`${PAGES}/:id`, manage, async (request, reply) => {
    const page = await getPage(db.kysely, idParam(request.params.id));
    if (!page) throw new NotFoundError('page');
    return sendAdminPage(reply, PageFormPage({ ctx: await adminContext(http, request, reply), values: pageFormValues(page), page }));
  });

  app.post<{ Params: { id: string }; Body: FormFields }>(`${PAGES}/:id`, manage, async (request, reply) => {
    const page = await getPage(db.kysely, idParam(request.params.id));
    if (!page) throw new NotFoundError('page');
    const { values, input } = readPageForm(request.body, page.network);
    try {
      const warning = await http.relais.relay.editPage(page.id, input, userId(request));
      return reply.redirect(`${PAGES}?ok=${warning ? 'verification-echec' : 'enregistree'}`, 303);
    } catch (error) {
      if (!(error instanceof RelayError)) throw error;
      return sendAdminPage(reply, PageFormPage({ ctx: await adminContext(http, request, reply), values, page, error: error.message }), 400);
    }
  });

  app.post<{ Params: { id: string } }>(`${PAGES}/:id/verifier`, manage, async (request, reply) => {
    const page = await getPage(db.kysely, idParam(request.params.id));
    if (!page) throw new NotFoundError('page');
    const problem = await http.relais.relay.verifyPage(page.id);
    return reply.redirect(`${PAGES}?ok=${problem ? 'verification-echec' : 'verifiee'}`, 303);
  });

  app.post<{ Body: FormFields }>('/ecrire/relais/approbation', manage, async (request, reply) => {
    const approvers = textField(request.body, 'approvers') === 'admins-editors' ? 'admins-editors' : 'admins';
    await writeApprovers(db.kysely, approvers);
    await addAuditEntry(db.kysely, { userId: userId(request), action: 'relay.approvers.changed', objectType: 'setting', objectId: 'relay.approvers', summary: approvers }, now());
    return reply.redirect(`${PAGES}?ok=approbation`, 303);
  });
}
