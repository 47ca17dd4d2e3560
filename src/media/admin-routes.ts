import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { can, requirePermission } from '../accounts/policy.js';
import { AppError, NotFoundError, ValidationError } from '../errors.js';
import { adminContext, idParam, noticeFrom, pageParam, sendAdminPage, textField, type FormFields } from '../http/admin-page.js';
import type { HttpContext } from '../http/app.js';
import { MediaDeletePage } from './admin-views/media-delete-page.js';
import { MediaItemPage } from './admin-views/media-item-page.js';
import { MediaListPage } from './admin-views/media-list-page.js';
import { MediaLimitsForm } from './admin-views/media-limits-form.js';
import { EMPTY_MEDIA_TEXTS, type MediaTextValues } from './admin-views/media-text-fields.js';
import { MediaUploadPage } from './admin-views/media-upload-page.js';
import { MediaError } from './media-error.js';
import type { MediaItem, MediaKind } from './media-item.js';
import { MEDIA_LIMIT_KEYS, readMediaLimits } from './media-limits.js';
import { writeSetting } from '../site/settings-store.js';
import { addAuditEntry } from '../audit/store.js';
import { countMediaItems, countMediaUses, findMediaItem, listMediaItems, listMediaUses } from './store.js';
import { registerUploadParsing, uploadOf } from './upload-parsing.js';

const PER_PAGE = 40;

const NOTICES: Readonly<Record<string, string>> = Object.freeze({
  ajoute: 'Ajouté à la médiathèque. Les autres tailles et formats (WebP, AVIF) sont préparés dans quelques instants.',
  existe: 'Ce fichier était déjà dans la médiathèque : le voici (il n’est pas stocké deux fois).',
  enregistre: 'Modifications enregistrées.',
  limites: 'Tailles maximales enregistrées.',
  remplace: 'Fichier remplacé partout où il est utilisé. Vérifiez que l’alternative décrit toujours l’image.',
  supprime: 'Média supprimé.',
});

type Params = { Params: { id: string } };

/** The texts as typed in a form. */
function textValues(form: FormFields): MediaTextValues {
  return {
    title: textField(form, 'title'), alt: textField(form, 'alt'), decorative: form.decorative === '1',
    caption: textField(form, 'caption'), credit: textField(form, 'credit'),
  };
}

const valuesOf = (item: MediaItem): MediaTextValues => ({ title: item.title, alt: item.alt, decorative: item.decorative, caption: item.caption, credit: item.credit });

/** A refusal the user can act on, as form errors by field; anything else is not ours to show. */
function formErrors(error: unknown): Record<string, string> {
  if (error instanceof ValidationError) return { ...error.fields };
  if (error instanceof MediaError && error.status !== 404) return { file: error.message };
  throw error;
}

/** The media library screens (`/ecrire/media`): list, add, item (texts, uses, replace), delete. */
export async function registerMediaAdminRoutes(app: FastifyInstance, http: HttpContext): Promise<void> {
  const { relais } = http;
  const { db, media } = relais;
  const view = { preHandler: requirePermission('media.view') };
  const edit = { preHandler: requirePermission('media.edit') };

  async function findItem(rawId: string): Promise<MediaItem> {
    const item = await findMediaItem(db.kysely, idParam(rawId));
    if (!item) throw new NotFoundError();
    return item;
  }

  async function itemPage(request: FastifyRequest, reply: FastifyReply, item: MediaItem, state: { values?: MediaTextValues; errors?: Record<string, string>; status?: number } = {}) {
    const site = await http.snapshots.latest();
    const ctx = await adminContext(http, request, reply);
    return sendAdminPage(reply, MediaItemPage({
      ctx, item, uses: await listMediaUses(db.kysely, item.id), values: state.values ?? valuesOf(item), errors: state.errors,
      limits: await readMediaLimits(db.kysely), canEdit: can(ctx.user, 'media.edit'), publicUrl: relais.config.publicUrl,
      timeZone: site.settings.timeZone, notice: noticeFrom(request.query, NOTICES),
    }), state.status);
  }

  async function uploadPage(request: FastifyRequest, reply: FastifyReply, values: MediaTextValues, errors?: Record<string, string>) {
    const page = MediaUploadPage({ ctx: await adminContext(http, request, reply), values, errors, limits: await readMediaLimits(db.kysely) });
    return sendAdminPage(reply, page, errors ? 400 : 200);
  }

  async function listPage(request: FastifyRequest, reply: FastifyReply, limitErrors?: Record<string, string>) {
    const query = request.query as FormFields;
    const search = (query.q ?? '').trim().slice(0, 200);
    const kind: MediaKind | '' = query.type === 'image' || query.type === 'document' ? query.type : '';
    const filter = { search, ...(kind ? { kind } : {}) };
    const total = await countMediaItems(db.kysely, filter);
    const pages = Math.max(1, Math.ceil(total / PER_PAGE));
    const page = Math.min(pageParam(query), pages);
    const items = await listMediaItems(db.kysely, { ...filter, limit: PER_PAGE, offset: (page - 1) * PER_PAGE });
    const ctx = await adminContext(http, request, reply);
    const site = await http.snapshots.latest();
    return sendAdminPage(reply, MediaListPage({
      ctx, items, uses: await countMediaUses(db.kysely, items.map((i) => i.id)), total, page, pages, search, kind,
      view: query.vue === 'liste' ? 'liste' : 'grille', canEdit: can(ctx.user, 'media.edit'), timeZone: site.settings.timeZone,
      notice: noticeFrom(query, NOTICES),
      limitsForm: can(ctx.user, 'site.settings.edit') ? MediaLimitsForm({ ctx, limits: await readMediaLimits(db.kysely), errors: limitErrors }) : undefined,
    }), limitErrors ? 400 : 200);
  }

  app.get('/ecrire/media', view, (request, reply) => listPage(request, reply));

  app.post('/ecrire/media/limites', { preHandler: requirePermission('site.settings.edit') }, async (request, reply) => {
    const form = request.body as FormFields;
    const errors: Record<string, string> = {};
    const read = (name: 'imageMb' | 'documentMb') => {
      const raw = textField(form, name).trim();
      if (!/^[1-9]\d{0,3}$/.test(raw) || Number(raw) > 2048) errors[name] = 'Indiquez un nombre entier de mégaoctets, de 1 à 2048.';
      return raw;
    };
    const imageMb = read('imageMb');
    const documentMb = read('documentMb');
    if (Object.keys(errors).length > 0) return listPage(request, reply, errors);
    await db.kysely.transaction().execute(async (trx) => {
      await writeSetting(trx, MEDIA_LIMIT_KEYS.imageBytes, imageMb);
      await writeSetting(trx, MEDIA_LIMIT_KEYS.documentBytes, documentMb);
      await addAuditEntry(trx, { userId: request.visitor?.id ?? null, action: 'site.settings.updated', objectType: 'settings', objectId: 'media', summary: `Tailles maximales : images ${imageMb} Mo, documents ${documentMb} Mo` }, relais.now());
    });
    return reply.redirect('/ecrire/media?ok=limites', 303);
  });

  app.get('/ecrire/media/nouveau', edit, (request, reply) => uploadPage(request, reply, EMPTY_MEDIA_TEXTS));

  app.get<Params>('/ecrire/media/:id', view, async (request, reply) => itemPage(request, reply, await findItem(request.params.id)));

  app.post<Params>('/ecrire/media/:id', edit, async (request, reply) => {
    const item = await findItem(request.params.id);
    const values = textValues(request.body as FormFields);
    try {
      await media.updateTexts(item.id, values, request.visitor?.id ?? null);
    } catch (error) {
      return itemPage(request, reply, item, { values, errors: formErrors(error), status: 400 });
    }
    return reply.redirect(`/ecrire/media/${item.id}?ok=enregistre`, 303);
  });

  app.get<Params>('/ecrire/media/:id/supprimer', edit, async (request, reply) => {
    const item = await findItem(request.params.id);
    return sendAdminPage(reply, MediaDeletePage({ ctx: await adminContext(http, request, reply), item, uses: await listMediaUses(db.kysely, item.id) }));
  });

  app.post<Params>('/ecrire/media/:id/supprimer', edit, async (request, reply) => {
    const item = await findItem(request.params.id);
    try {
      await media.remove(item.id, { confirmed: (request.body as FormFields).confirm === '1', userId: request.visitor?.id ?? null });
    } catch (error) {
      if (!(error instanceof AppError && error.code === 'in_use')) throw error;
      const page = MediaDeletePage({ ctx: await adminContext(http, request, reply), item, uses: await listMediaUses(db.kysely, item.id), error: error.message });
      return sendAdminPage(reply, page, 409);
    }
    return reply.redirect('/ecrire/media?ok=supprime', 303);
  });

  // Multipart forms: the file streams to disk before the handler (see registerUploadParsing).
  await app.register(async (scope) => {
    await registerUploadParsing(scope, media.receive);

    scope.post('/ecrire/media/nouveau', edit, async (request, reply) => {
      const upload = uploadOf(request);
      const values = textValues((request.body ?? {}) as FormFields);
      try {
        if (upload?.error) throw upload.error;
        if (!upload?.file) throw new ValidationError({ file: 'Choisissez le fichier à ajouter.' });
        const { item, created } = await media.add({ received: upload.file, fileName: upload.fileName }, values, request.visitor?.id ?? null);
        return reply.redirect(`/ecrire/media/${item.id}?ok=${created ? 'ajoute' : 'existe'}`, 303);
      } catch (error) {
        return uploadPage(request, reply, values, formErrors(error));
      }
    });

    scope.post<Params>('/ecrire/media/:id/remplacer', edit, async (request, reply) => {
      const item = await findItem(request.params.id);
      const upload = uploadOf(request);
      try {
        if (upload?.error) throw upload.error;
        if (!upload?.file) throw new ValidationError({ file: 'Choisissez le nouveau fichier.' });
        await media.replace(item.id, { received: upload.file, fileName: upload.fileName }, request.visitor?.id ?? null);
      } catch (error) {
        return itemPage(request, reply, item, { errors: formErrors(error), status: 400 });
      }
      return reply.redirect(`/ecrire/media/${item.id}?ok=remplace`, 303);
    });
  });
}
