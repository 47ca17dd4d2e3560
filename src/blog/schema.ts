import { ValidationError } from '../errors.js';
import { fromLocalInputValue } from '../i18n/format-date.js';
import { ARTICLE_STATUSES, type ArticleStatus } from './article.js';
import { isValidSlug } from './slugify.js';

/** What an editor submits for an article (from the form or the CLI). */
export interface ArticleInput {
  readonly title: string;
  readonly slug: string | undefined;
  readonly sectionId: number | null;
  readonly lead: string;
  readonly body: string;
  readonly credits: string;
  readonly status: ArticleStatus;
  /** The publication date; undefined means "now" when published. */
  readonly publishedAt: Date | undefined;
  /** The main illustration: a media-library image id, null for none, undefined to keep it as it is. */
  readonly logoMediaId?: number | null;
}

type Form = Readonly<Record<string, unknown>>;

function text(form: Form, name: string): string {
  const value = form[name];
  return typeof value === 'string' ? value.replace(/\r\n?/g, '\n') : '';
}

/** Reads and checks the article form; every problem is reported at once, in French, per field. */
export function parseArticleForm(form: Form, timeZone: string): ArticleInput {
  const errors: Record<string, string> = {};
  const title = text(form, 'title').trim();
  if (title === '') errors.title = 'Donnez un titre à l’article.';
  else if (title.length > 300) errors.title = 'Le titre ne peut pas dépasser 300 caractères.';

  const rawSlug = text(form, 'slug').trim();
  if (rawSlug !== '' && !isValidSlug(rawSlug)) {
    errors.slug = 'L’adresse ne peut contenir que des lettres minuscules sans accent, des chiffres et des tirets (ex. : fete-de-la-musique).';
  }

  const rawSection = text(form, 'sectionId');
  const sectionId = rawSection === '' ? null : Number(rawSection);
  if (sectionId !== null && !Number.isInteger(sectionId)) errors.sectionId = 'Choisissez une rubrique dans la liste.';

  const status = text(form, 'status') || 'draft';
  if (!(ARTICLE_STATUSES as readonly string[]).includes(status)) errors.status = 'Choisissez un statut dans la liste.';

  const rawDate = text(form, 'publishedAt');
  const publishedAt = rawDate === '' ? undefined : fromLocalInputValue(rawDate, timeZone);
  if (rawDate !== '' && publishedAt === undefined) errors.publishedAt = 'La date de publication doit être de la forme 14/07/2026 10:00.';

  const rawLogo = form['logoMediaId'];
  const logoMediaId = typeof rawLogo !== 'string' ? undefined : rawLogo === '' ? null : /^[1-9]\d{0,9}$/.test(rawLogo) ? Number(rawLogo) : NaN;
  if (Number.isNaN(logoMediaId)) errors.logoMediaId = 'Choisissez l’illustration dans la liste des images.';

  if (Object.keys(errors).length > 0) throw new ValidationError(errors);
  return {
    title, slug: rawSlug || undefined, sectionId, lead: text(form, 'lead'), body: text(form, 'body'),
    credits: text(form, 'credits').trim(), status: status as ArticleStatus, publishedAt,
    ...(logoMediaId !== undefined && { logoMediaId }),
  };
}
