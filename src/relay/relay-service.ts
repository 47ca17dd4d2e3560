import { randomUUID } from 'node:crypto';
import type { Role } from '../accounts/user.js';
import { addAuditEntry } from '../audit/store.js';
import type { Article } from '../blog/article.js';
import { findArticleById, findArticleBySlug } from '../blog/store.js';
import type { Db } from '../db/database.js';
import { mayApprove, readApprovers } from './approvers-setting.js';
import type { ChannelAdapter } from './channels/channel-adapter.js';
import type { VariantMediaLoader } from './outbox/load-variant-media.js';
import { publishDueVariants, type OutboxDeps, type VariantOutcome } from './outbox/publish-due-variants.js';
import { findPagesByName, getPage, listPages, type PageRow } from './pages/page-store.js';
import { addPage, editPage, verifyPage, type PageInput } from './pages/save-page.js';
import { RelayError } from './relay-error.js';
import { draftText } from './variants/draft-text.js';
import { stripEmoji } from './variants/strip-emoji.js';
import { getVariant, insertVariants, transitionVariant, updateVariantDraft, type VariantRow, type VariantWithPage } from './variants/variant-store.js';
import type { ChannelCallDeps } from './channel-call-deps.js';

/** Who acts: a back-office user, or the CLI (an administrator with no user row). */
export interface RelayActor {
  readonly userId: number | null;
  readonly role: Role;
}

/** The CLI's actor. */
export const CLI_ACTOR: RelayActor = Object.freeze({ userId: null, role: 'admin' });

export interface RelayDeps extends ChannelCallDeps {
  readonly db: Db;
  readonly publicUrl: string;
  /** Reads the images variants carry (see `createVariantMediaLoader`). */
  readonly loadMedia?: VariantMediaLoader;
}

/** A variant with its length as its network counts it and the network's limit. */
export interface MeasuredVariant {
  readonly variant: VariantRow;
  readonly page: PageRow;
  readonly length: number;
  readonly limit: number;
}

/** The composer's and the workflow's use cases; the outbox is `publishDueVariants`. */
export function createRelayService(deps: RelayDeps) {
  const { db, now } = deps;

  function adapterOf(page: Pick<PageRow, 'network' | 'name'>): ChannelAdapter {
    const adapter = deps.adapters[page.network];
    if (!adapter) throw new RelayError('invalid_page', `Le réseau de la page « ${page.name} » n’est pas pris en charge.`);
    return adapter;
  }

  /** The length of a text as the page's network counts it, and its limit. */
  function measure(page: PageRow, text: string): { readonly length: number; readonly limit: number } {
    const adapter = adapterOf(page);
    return { length: adapter.countLength(text), limit: adapter.limits().maxLength };
  }

  function ensureFits(page: PageRow, text: string): void {
    if (text.trim() === '') throw new RelayError('empty_text', 'Le texte de la publication est vide.');
    const { length, limit } = measure(page, text);
    if (length > limit) {
      throw new RelayError('too_long', `Texte trop long pour « ${page.name} » : ${length} caractères comptés par le réseau pour ${limit} au plus.`);
    }
  }

  async function variantOr404(id: number): Promise<{ variant: VariantWithPage; page: PageRow }> {
    const variant = await getVariant(db.kysely, id);
    if (!variant) throw new RelayError('unknown_page', `Aucune publication n° ${id}.`);
    return { variant, page: (await getPage(db.kysely, variant.page_id))! };
  }

  async function audit(actor: RelayActor, action: string, variantId: number, summary: string): Promise<void> {
    await addAuditEntry(db.kysely, { userId: actor.userId, action, objectType: 'relay_variant', objectId: variantId, summary }, now());
  }

  async function draftFor(actor: RelayActor, article: Article, pages: readonly PageRow[]): Promise<MeasuredVariant[]> {
    const drafts = pages.map((page) => {
      const adapter = adapterOf(page);
      const content = draftText(article, page, deps.publicUrl, (t) => adapter.countLength(t), adapter.limits().maxLength);
      return { page, content };
    });
    const rows = await insertVariants(db.kysely, drafts.map(({ page, content }) => ({
      pageId: page.id, articleId: article.id, text: content.text, link: content.link, linkTitle: content.linkTitle,
      linkDescription: content.linkDescription, idempotencyKey: randomUUID(), createdBy: actor.userId,
      mediaIds: article.logoMediaId ? [article.logoMediaId] : [],
    })), now());
    return rows.map((variant, i) => ({ variant, page: drafts[i]!.page, ...measure(drafts[i]!.page, variant.text) }));
  }

  const pageDeps = { ...deps, db: db.kysely };

  return {
    measure,
    /** The adapters by network, for screens that show limits. */
    adapters: deps.adapters,

    /** Publishes what is due (see `publishDueVariants`); `relais relay run --once` and the job. */
    publishDue(options: Pick<OutboxDeps, 'worker' | 'batchSize'> = {}): Promise<VariantOutcome[]> {
      return publishDueVariants({ ...deps, ...options });
    },

    /** Adds a page with its credentials encrypted, then checks them with its network. */
    addPage: (input: PageInput, userId: number | null) => addPage(pageDeps, input, userId),
    /** Changes a page (an empty token keeps the stored credentials). */
    editPage: (id: number, input: PageInput, userId: number | null) => editPage(pageDeps, id, input, userId),
    /** Checks a page's credentials with its network, for the health screen. */
    verifyPage: (id: number) => verifyPage(pageDeps, id),

    /**
     * Drafts one variant per page for an article (by slug or id): the named pages, else every
     * active page. Unknown page names are refused before anything is written.
     */
    async draftFromArticle(actor: RelayActor, article: string | number, pageNames?: readonly string[]): Promise<MeasuredVariant[]> {
      const found = typeof article === 'number' ? await findArticleById(db.kysely, article) : await findArticleBySlug(db.kysely, article);
      if (!found) throw new RelayError('unknown_article', `Aucun article « ${article} ».`);
      let pages: PageRow[];
      if (pageNames === undefined) {
        pages = (await listPages(db.kysely)).filter((p) => p.active);
      } else {
        const byName = new Map((await findPagesByName(db.kysely, pageNames)).map((p) => [p.name, p]));
        const missing = pageNames.filter((name) => !byName.has(name));
        if (missing.length > 0) throw new RelayError('unknown_page', `Page inconnue : ${missing.join(', ')} (voir « relais relay pages »).`);
        pages = pageNames.map((name) => byName.get(name)!);
      }
      if (pages.length === 0) throw new RelayError('unknown_page', 'Aucune page active : ajoutez-en une avec « relais relay pages add ».');
      const drafted = await draftFor(actor, found, pages);
      for (const d of drafted) await audit(actor, 'relay.variant.drafted', d.variant.id, `${d.page.name} : ${found.title}`);
      return drafted;
    },

    /**
     * Drafts one variant per named page from a text written for the occasion (no article): the
     * same text everywhere, emoji removed where a page does not allow them, each page's hashtags added.
     */
    async draftFromText(actor: RelayActor, text: string, pageNames: readonly string[]): Promise<MeasuredVariant[]> {
      if (text.trim() === '') throw new RelayError('empty_text', 'Écrivez le texte de la publication.');
      const byName = new Map((await findPagesByName(db.kysely, pageNames)).map((p) => [p.name, p]));
      const pages = pageNames.map((name) => byName.get(name)).filter((p): p is PageRow => p !== undefined);
      if (pages.length === 0) throw new RelayError('unknown_page', 'Choisissez au moins une page.');
      const texts = pages.map((page) => [page.emoji_allowed ? text.trim() : stripEmoji(text).trim(), page.hashtags].filter(Boolean).join('\n\n'));
      const rows = await insertVariants(db.kysely, pages.map((page, i) => ({
        pageId: page.id, articleId: null, text: texts[i]!, link: null, linkTitle: null, linkDescription: null, idempotencyKey: randomUUID(), createdBy: actor.userId,
      })), now());
      for (const [i, variant] of rows.entries()) await audit(actor, 'relay.variant.drafted', variant.id, `${pages[i]!.name} : texte libre`);
      return rows.map((variant, i) => ({ variant, page: pages[i]!, ...measure(pages[i]!, variant.text) }));
    },

    /**
     * When an article is published: drafts for the pages that ask for it; a page that says so
     * has its draft scheduled at once (never otherwise without an approval).
     */
    async autoDraft(article: Article): Promise<void> {
      const pages = (await listPages(db.kysely)).filter((p) => p.active && p.auto_draft);
      if (pages.length === 0) return;
      const system: RelayActor = { userId: null, role: 'admin' };
      for (const drafted of await draftFor(system, article, pages)) {
        if (drafted.page.auto_approve && drafted.length <= drafted.limit) {
          // A scheduled article is relayed when it goes live, not before.
          const at = article.publishedAt !== null && article.publishedAt > now().toISOString() ? article.publishedAt : now().toISOString();
          await transitionVariant(db.kysely, drafted.variant.id, ['draft'], 'scheduled', { approved_at: now().toISOString(), scheduled_at: at, next_attempt_at: at }, now());
        }
      }
    },

    /** Changes a draft's text and chosen time; blocked when the network would refuse its length. */
    async editDraft(actor: RelayActor, id: number, text: string, scheduledAt: Date | null): Promise<void> {
      const { page } = await variantOr404(id);
      ensureFits(page, text);
      if (!(await updateVariantDraft(db.kysely, id, { text, scheduledAt: scheduledAt?.toISOString() ?? null }, now()))) {
        throw new RelayError('wrong_state', 'Cette publication n’est plus modifiable : elle a déjà été approuvée.');
      }
      await audit(actor, 'relay.variant.edited', id, page.name);
    },

    /** An editor submits a draft for approval. */
    async submit(actor: RelayActor, id: number): Promise<void> {
      const { variant, page } = await variantOr404(id);
      ensureFits(page, variant.text);
      if (!(await transitionVariant(db.kysely, id, ['draft'], 'submitted', {}, now()))) {
        throw new RelayError('wrong_state', 'Seul un brouillon peut être soumis.');
      }
      await audit(actor, 'relay.variant.submitted', id, page.name);
    },

    /**
     * Approves a draft or submitted variant, which schedules it at `at`, else at its chosen
     * time, else now. Who may approve is the site's setting (administrators, or also editors).
     */
    async approve(actor: RelayActor, id: number, at?: Date): Promise<VariantRow> {
      if (!mayApprove(actor.role, await readApprovers(db.kysely))) {
        throw new RelayError('not_allowed', 'Vous ne pouvez pas approuver de publication : seuls les administrateurs le peuvent sur ce site.');
      }
      const { variant, page } = await variantOr404(id);
      ensureFits(page, variant.text);
      if (!page.active) throw new RelayError('wrong_state', `La page « ${page.name} » est désactivée.`);
      const when = (at ?? (variant.scheduled_at ? new Date(variant.scheduled_at) : now())).toISOString();
      const after = await transitionVariant(db.kysely, id, ['draft', 'submitted'], 'scheduled', {
        approved_by: actor.userId, approved_at: now().toISOString(), scheduled_at: when, next_attempt_at: when, failure_reason: null,
      }, now());
      if (!after) throw new RelayError('wrong_state', 'Seul un brouillon ou une publication soumise peut être approuvé.');
      await audit(actor, 'relay.variant.approved', id, `${page.name} : ${when}`);
      return after;
    },

    /** Takes a scheduled variant back to draft (before the outbox takes it). */
    async unschedule(actor: RelayActor, id: number): Promise<void> {
      const { page } = await variantOr404(id);
      if (!(await transitionVariant(db.kysely, id, ['scheduled'], 'draft', { approved_by: null, approved_at: null, next_attempt_at: null }, now()))) {
        throw new RelayError('wrong_state', 'Cette publication n’est plus programmée (elle part peut-être en ce moment).');
      }
      await audit(actor, 'relay.variant.unscheduled', id, page.name);
    },

    /** Tries a failed variant again, now (its idempotency key unchanged). */
    async retry(actor: RelayActor, id: number): Promise<void> {
      if (!mayApprove(actor.role, await readApprovers(db.kysely))) throw new RelayError('not_allowed', 'Relancer une publication demande le droit d’approuver.');
      const { page } = await variantOr404(id);
      if (!(await transitionVariant(db.kysely, id, ['failed'], 'scheduled', { next_attempt_at: now().toISOString() }, now()))) {
        throw new RelayError('wrong_state', 'Seule une publication en échec peut être relancée.');
      }
      await audit(actor, 'relay.variant.retried', id, page.name);
    },
  };
}

/** The relay's use cases, as wired in `main.ts`. */
export type RelayService = ReturnType<typeof createRelayService>;
