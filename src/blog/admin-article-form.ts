import type { FormFields } from '../http/admin-page.js';
import { textField } from '../http/admin-page.js';
import { toLocalInputValue } from '../i18n/format-date.js';
import type { Article, ArticleKind } from './article.js';
import type { ArticleInput } from './schema.js';
import { slugify } from './slugify.js';

/** Where an editable kind lives in the back office and on the site; articles and footer pages share one editor. */
export interface EditorKind {
  readonly kind: ArticleKind;
  /** The back-office list address; the form of item 12 is `${base}/12`. */
  readonly base: string;
  /** The public address prefix: `/article` or `/page`. */
  readonly publicBase: string;
  readonly listTitle: string;
  /** "l'article" / "la page", for sentences. */
  readonly the: string;
  /** Articles have a section, an editable address and a date, can be created and deleted; footer pages are fixed. */
  readonly full: boolean;
}

/** Articles: the whole editor. */
export const ARTICLE_EDITOR: EditorKind = Object.freeze({
  kind: 'article', base: '/ecrire/articles', publicBase: '/article', listTitle: 'Articles', the: 'l’article', full: true,
});

/** Footer pages (accessibilité, mentions légales, données personnelles): their address is linked from every page, so it stays. */
export const PAGE_EDITOR: EditorKind = Object.freeze({
  kind: 'page', base: '/ecrire/pages', publicBase: '/page', listTitle: 'Pages du pied de page', the: 'la page', full: false,
});

/** The article form as typed: every field a string, so an invalid form comes back exactly as it was sent. */
export interface ArticleFormValues {
  readonly title: string;
  readonly slug: string;
  readonly sectionId: string;
  readonly lead: string;
  readonly body: string;
  readonly credits: string;
  readonly status: string;
  /** `datetime-local` value in the site's time zone. */
  readonly publishedAt: string;
  /** The article's own forum mode, or '' to follow the site default (articles only). */
  readonly forumMode: string;
  /** The main illustration's media id, or '' for none (articles only). */
  readonly logoMediaId: string;
}

/** A new article's empty form. */
export const EMPTY_ARTICLE_FORM: ArticleFormValues = Object.freeze({
  title: '', slug: '', sectionId: '', lead: '', body: '', credits: '', status: 'draft', publishedAt: '', forumMode: '', logoMediaId: '',
});

/** The form showing a saved article, its date in the site's time zone, its own forum mode ('' for the site default). */
export function formValuesOf(article: Article, timeZone: string, forumMode = ''): ArticleFormValues {
  return {
    title: article.title, slug: article.slug, sectionId: article.sectionId === null ? '' : String(article.sectionId),
    lead: article.lead, body: article.body, credits: article.credits, status: article.status,
    publishedAt: article.publishedAt ? toLocalInputValue(article.publishedAt, timeZone) : '', forumMode,
    logoMediaId: article.logoMediaId === null ? '' : String(article.logoMediaId),
  };
}

/** The form as submitted. */
export function formValuesFrom(form: FormFields): ArticleFormValues {
  const pick = (name: keyof ArticleFormValues) => textField(form, name);
  return {
    title: pick('title'), slug: pick('slug'), sectionId: pick('sectionId'), lead: pick('lead'), body: pick('body'),
    credits: pick('credits'), status: pick('status'), publishedAt: pick('publishedAt'), forumMode: pick('forumMode'),
    logoMediaId: pick('logoMediaId'),
  };
}

/** The fields a footer page's form does not show keep their saved values. */
export function withFixedFields(values: ArticleFormValues, kind: EditorKind, saved: Article | undefined, timeZone: string): ArticleFormValues {
  if (kind.full || !saved) return values;
  const fixed = formValuesOf(saved, timeZone);
  return { ...values, slug: fixed.slug, sectionId: fixed.sectionId, publishedAt: fixed.publishedAt, forumMode: '', logoMediaId: fixed.logoMediaId };
}

/** The article as it would be saved, for the preview (nothing is written). */
export function unsavedArticle(input: ArticleInput, kind: ArticleKind, saved: Article | undefined, now: Date): Article {
  const at = now.toISOString();
  return {
    id: saved?.id ?? 0, kind, sectionId: input.sectionId, slug: input.slug ?? saved?.slug ?? slugify(input.title),
    title: input.title, lead: input.lead, body: input.body, credits: input.credits, status: input.status,
    publishedAt: input.publishedAt?.toISOString() ?? saved?.publishedAt ?? at,
    authorId: saved?.authorId ?? null, createdAt: saved?.createdAt ?? at, updatedAt: at,
    logoMediaId: input.logoMediaId !== undefined ? input.logoMediaId : saved?.logoMediaId ?? null,
  };
}
