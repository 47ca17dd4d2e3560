import type { VNode } from 'preact';
import type { Executor } from '../db/database.js';
import type { ForumService } from './service.js';
import { listPublishedContributions } from './store.js';
import { buildThreads } from './thread.js';
import { ForumSection } from './views/forum-section.js';

/** The forum section of an article page, as cached: published messages only, the mode's notice and form. */
export async function articleForum(db: Executor, forum: Pick<ForumService, 'modeOf'>, articleId: number, timeZone: string): Promise<VNode> {
  const [mode, published] = await Promise.all([forum.modeOf(articleId), listPublishedContributions(db, articleId)]);
  return ForumSection({ articleId, mode, threads: buildThreads(published), timeZone });
}
