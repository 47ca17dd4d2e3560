import type { ForumService } from '../service.js';
import type { ForumEvent } from './forum-event.js';

/**
 * The forum service, announcing after each commit what may call for e-mail: a message received
 * (`post`), messages published (`post` in *a posteriori* mode, `moderate` to published, an
 * organisation's answer and the message it answers). Every caller (routes, bulk moderation, CLI)
 * goes through it, since `main.ts` hands out only this one.
 *
 * `emit` runs after the state change is durable and must not throw (it only queues a job): a
 * contribution is never refused or lost because mail is unavailable.
 */
export function withForumEvents(forum: ForumService, emit: (event: ForumEvent) => Promise<void>): ForumService {
  return {
    ...forum,
    async post(input, poster, mode) {
      const created = await forum.post(input, poster, mode);
      await emit({ kind: 'received', contributionId: created.id });
      if (created.status === 'published') await emit({ kind: 'published', contributionId: created.id });
      return created;
    },
    async moderate(actor, id, action) {
      const after = await forum.moderate(actor, id, action);
      if (after.status === 'published') await emit({ kind: 'published', contributionId: id });
      return after;
    },
    async answerAsOrganisation(actor, parentId, body) {
      const answer = await forum.answerAsOrganisation(actor, parentId, body);
      // The message answered may have been published with it; announcing it twice is prevented downstream.
      await emit({ kind: 'published', contributionId: parentId });
      await emit({ kind: 'published', contributionId: answer.id });
      return answer;
    },
  };
}
