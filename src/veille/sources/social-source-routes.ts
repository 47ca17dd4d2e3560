import type { FastifyInstance } from 'fastify';
import { requirePermission } from '../../accounts/policy.js';
import { addAuditEntry } from '../../audit/store.js';
import { NotFoundError } from '../../errors.js';
import { adminContext, sendAdminPage, textField, type FormFields } from '../../http/admin-page.js';
import type { HttpContext } from '../../http/app.js';
import { isAdapterKind, type AdapterKind } from '../adapters/adapters.js';
import { addSocialSource } from './add-social-source.js';
import { AddSocialSourcePage, SOCIAL_FORM_FIELDS } from './views/add-social-source-page.js';

const LIST = '/ecrire/veille/sources';

function kindOr404(raw: string): AdapterKind {
  if (!isAdapterKind(raw)) throw new NotFoundError('type de source');
  return raw;
}

/**
 * The back office's forms that add a Mastodon, Bluesky, Reddit or YouTube source
 * (`/ecrire/veille/sources/ajouter/<réseau>`): checked by the network's adapter, the messages
 * shown beside their fields with what was typed, the token encrypted, the addition journaled.
 */
export function registerSocialSourceRoutes(app: FastifyInstance, http: HttpContext): void {
  const { db, now } = http.relais;
  const manage = { preHandler: requirePermission('veille.sources.manage') };

  app.get<{ Params: { kind: string } }>(`${LIST}/ajouter/:kind`, manage, async (request, reply) => sendAdminPage(reply, AddSocialSourcePage({
    ctx: await adminContext(http, request, reply), kind: kindOr404(request.params.kind), values: {},
  })));

  app.post<{ Params: { kind: string }; Body: FormFields }>(`${LIST}/ajouter/:kind`, manage, async (request, reply) => {
    const kind = kindOr404(request.params.kind);
    const values = Object.fromEntries(SOCIAL_FORM_FIELDS[kind].map((f) => [f.name, textField(request.body, f.name).trim()]));
    // An empty field is an absent one: the adapter says which are needed.
    const input = Object.fromEntries(Object.entries(values).filter(([, value]) => value !== ''));
    const result = await addSocialSource({ db: db.kysely, keyring: http.relais.keyring, now }, kind, input);
    switch (result.kind) {
      case 'added':
        await addAuditEntry(db.kysely, {
          userId: request.visitor!.id, action: 'veille.source.added', objectType: 'veille_source', objectId: result.source.id, summary: result.source.url,
        }, now());
        return reply.redirect(`${LIST}/${result.source.id}?ok=ajoutee`, 303);
      case 'already-watched':
        return reply.redirect(`${LIST}/${result.source.id}?ok=deja`, 303);
      case 'invalid':
        return sendAdminPage(reply, AddSocialSourcePage({ ctx: await adminContext(http, request, reply), kind, values, errors: result.errors }), 400);
      default: {
        const unknown: never = result;
        return unknown;
      }
    }
  });
}
