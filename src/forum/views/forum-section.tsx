import { render } from 'preact-render-to-string';
import type { ForumMode } from '../contribution.js';
import { MEMBERS_ONLY_END, MEMBERS_ONLY_START } from '../forum-marks.js';
import type { ThreadNode } from '../thread.js';
import { EMPTY_FORM, ForumForm } from './forum-form.js';
import { ForumThread } from './forum-thread.js';
import { ModeNotice } from './mode-notice.js';


/**
 * The forum under an article, as cached: the heading, the published threads, the mode notice and
 * the form (without its tokens, filled in per request). Closed: no form, the messages stay.
 */
export function ForumSection(props: { articleId: number; mode: ForumMode; threads: readonly ThreadNode[]; timeZone: string }) {
  const open = props.mode !== 'non';
  return (
    <section class="forum" id="forum" aria-labelledby="forum-titre">
      <h2 id="forum-titre">Un message, un commentaire ?</h2>
      <ForumThread threads={props.threads} timeZone={props.timeZone} canReply={open} />
      <ModeNotice mode={props.mode} />
      {props.mode === 'abo' ? (
        // Shown to signed-in visitors only: the filler replaces the marked part for anyone else.
        <div dangerouslySetInnerHTML={{ __html: MEMBERS_ONLY_START + render(<ForumForm articleId={props.articleId} parentId={null} values={EMPTY_FORM} />) + MEMBERS_ONLY_END }} />
      ) : open ? <ForumForm articleId={props.articleId} parentId={null} values={EMPTY_FORM} /> : null}
    </section>
  );
}
