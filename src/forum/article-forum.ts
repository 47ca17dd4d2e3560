import type { VNode } from 'preact';
import type { Executor } from '../db/database.js';
import type { ForumService } from './service.js';
import { listPublishedContributions } from './store.js';
import { buildThreads } from './thread.js';
import { ForumSection } from './views/forum-section.js';
import type { SiteSettings } from '../site/settings-store.js';

/** The forum section of an article page, as cached: published messages only, their count, the mode's notice and form. */
export async function articleForum(
  db: Executor, forum: Pick<ForumService, 'modeOf'>, article: { readonly id: number; readonly slug: string },
  settings: Pick<SiteSettings, 'timeZone' | 'visitorSignup'>,
): Promise<VNode> {
  const [mode, published] = await Promise.all([forum.modeOf(article.id), listPublishedContributions(db, article.id)]);
  // A members-only forum's notice may offer "Créer un compte".
  const signUp = mode === 'abo' && settings.visitorSignup === 'oui';
  return ForumSection({ article, mode, threads: buildThreads(published), count: published.length, timeZone: settings.timeZone, signUp });
}
