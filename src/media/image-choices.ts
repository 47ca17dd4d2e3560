import type { Executor } from '../db/database.js';
import { listMediaItems } from './store.js';

/** How many of the newest images an illustration list offers. */
const CHOICES = 300;

/**
 * The library's images as choices of a select (an article's main illustration): "none" first,
 * then the newest images by title and number. `keep` stays listed even when older than the rest.
 */
export async function imageChoices(db: Executor, keep?: number | null): Promise<{ value: string; label: string }[]> {
  const images = await listMediaItems(db, { kind: 'image', limit: CHOICES, offset: 0 });
  const choices = images.map((i) => ({ value: String(i.id), label: `${i.title} (n° ${i.id})` }));
  if (keep != null && !images.some((i) => i.id === keep)) choices.push({ value: String(keep), label: `Image n° ${keep}` });
  return [{ value: '', label: '(aucune illustration)' }, ...choices];
}
