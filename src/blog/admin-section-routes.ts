import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { can, requirePermission } from '../accounts/policy.js';
import { NotFoundError, ValidationError } from '../errors.js';
import { ConfirmPage } from '../http/admin-kit.js';
import { adminContext, idParam, noticeFrom, sendAdminPage, textField, type FormFields } from '../http/admin-page.js';
import type { HttpContext } from '../http/app.js';
import type { Section } from './article.js';
import { sectionChoices } from './section-tree.js';
import { countArticlesPerSection, listSections } from './store.js';
import { SectionFormPage, type SectionFormValues } from './admin-views/section-form-page.js';
import { SectionTreePage } from './admin-views/section-tree-page.js';

const NOTICES: Readonly<Record<string, string>> = Object.freeze({
  cree: 'Rubrique créée.',
  enregistre: 'Rubrique enregistrée.',
  deplace: 'Ordre des rubriques enregistré.',
  supprime: 'Rubrique supprimée.',
});

const EMPTY: SectionFormValues = Object.freeze({ title: '', parentId: '', description: '' });
const TOP_LEVEL = '(aucune : rubrique principale)';

type Params = { Params: { id: string } };

/** Reads the section form; the parent must be an existing section. */
function parseSectionForm(values: SectionFormValues, sections: readonly Section[]) {
  const parentId = values.parentId === '' ? null : Number(values.parentId);
  if (parentId !== null && !sections.some((s) => s.id === parentId)) throw new ValidationError({ parentId: 'Choisissez une rubrique dans la liste.' });
  if (values.title.trim().length > 200) throw new ValidationError({ title: 'Le titre ne peut pas dépasser 200 caractères.' });
  return { title: values.title, parentId, description: values.description.trim() };
}

/** Back-office sections: tree, create, edit (rename, nest), reorder, delete. */
export function registerSectionAdminRoutes(app: FastifyInstance, http: HttpContext): void {
  const { db, blog } = http.relais;
  const view = { preHandler: requirePermission('backoffice.view') };
  const edit = { preHandler: requirePermission('blog.section.edit') };
  const actor = (request: FastifyRequest) => ({ userId: request.visitor?.id ?? null });
  const valuesFrom = (form: FormFields): SectionFormValues =>
    ({ title: textField(form, 'title'), parentId: textField(form, 'parentId'), description: textField(form, 'description') });

  async function findSection(rawId: string): Promise<{ section: Section; sections: Section[] }> {
    const sections = await listSections(db.kysely);
    const section = sections.find((s) => s.id === idParam(rawId));
    if (!section) throw new NotFoundError();
    return { section, sections };
  }

  async function treePage(request: FastifyRequest, reply: FastifyReply, values = EMPTY, errors?: Record<string, string>) {
    const sections = await listSections(db.kysely);
    return sendAdminPage(reply, SectionTreePage({
      ctx: await adminContext(http, request, reply), sections, counts: await countArticlesPerSection(db.kysely),
      canEdit: can(request.visitor, 'blog.section.edit'), notice: noticeFrom(request.query, NOTICES),
      form: { values, errors, parents: sectionChoices(sections, TOP_LEVEL) },
    }), errors ? 400 : 200);
  }

  async function deletePage(request: FastifyRequest<Params>, reply: FastifyReply, status = 200) {
    const { section, sections } = await findSection(request.params.id);
    const count = (await countArticlesPerSection(db.kysely)).get(section.id) ?? 0;
    const hasChildren = sections.some((s) => s.parentId === section.id);
    return sendAdminPage(reply, ConfirmPage({
      ctx: await adminContext(http, request, reply), title: `Supprimer la rubrique « ${section.title} » ?`, current: '/ecrire/rubriques',
      action: `/ecrire/rubriques/${section.id}/supprimer`, confirmLabel: 'Supprimer la rubrique', cancelHref: '/ecrire/rubriques',
      message: count === 0
        ? 'Cette rubrique ne contient aucun article.'
        : `Ses ${count === 1 ? 'un article' : `${count} articles`} ne ${count === 1 ? 'sera pas supprimé : il restera' : 'seront pas supprimés : ils resteront'} sur le site, sans rubrique, et vous pourrez ${count === 1 ? 'le' : 'les'} reclasser depuis leur formulaire.`,
      refusal: hasChildren ? 'Cette rubrique contient des sous-rubriques : déplacez-les ou supprimez-les d’abord.' : undefined,
    }), status);
  }

  app.get('/ecrire/rubriques', view, (request, reply) => treePage(request, reply));

  app.post<{ Body: FormFields }>('/ecrire/rubriques/nouvelle', edit, async (request, reply) => {
    const values = valuesFrom(request.body);
    try {
      await blog.createSection(actor(request), parseSectionForm(values, await listSections(db.kysely)));
      return reply.redirect('/ecrire/rubriques?ok=cree', 303);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      return treePage(request, reply, values, { ...error.fields });
    }
  });

  app.get<Params>('/ecrire/rubriques/:id', edit, async (request, reply) => {
    const { section, sections } = await findSection(request.params.id);
    const values = { title: section.title, parentId: section.parentId === null ? '' : String(section.parentId), description: section.description };
    return sendAdminPage(reply, SectionFormPage({
      ctx: await adminContext(http, request, reply), section, values, parents: sectionChoices(sections, TOP_LEVEL, section.id),
    }));
  });

  app.post<Params & { Body: FormFields }>('/ecrire/rubriques/:id', edit, async (request, reply) => {
    const { section, sections } = await findSection(request.params.id);
    const values = valuesFrom(request.body);
    try {
      await blog.updateSection(actor(request), section.id, parseSectionForm(values, sections));
      return reply.redirect('/ecrire/rubriques?ok=enregistre', 303);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      return sendAdminPage(reply, SectionFormPage({
        ctx: await adminContext(http, request, reply), section, values, errors: error.fields, parents: sectionChoices(sections, TOP_LEVEL, section.id),
      }), 400);
    }
  });

  for (const [path, direction] of [['monter', 'up'], ['descendre', 'down']] as const) {
    app.post<Params>(`/ecrire/rubriques/:id/${path}`, edit, async (request, reply) => {
      await blog.moveSection(actor(request), idParam(request.params.id), direction);
      return reply.redirect('/ecrire/rubriques?ok=deplace', 303);
    });
  }

  app.get<Params>('/ecrire/rubriques/:id/supprimer', edit, (request, reply) => deletePage(request, reply));
  app.post<Params>('/ecrire/rubriques/:id/supprimer', edit, async (request, reply) => {
    try {
      await blog.deleteSection(actor(request), idParam(request.params.id));
      return reply.redirect('/ecrire/rubriques?ok=supprime', 303);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      return deletePage(request, reply, 400);
    }
  });
}
