import { render } from 'preact-render-to-string';
import type { ForumMode } from '../contribution.js';
import { ANONYMOUS_ONLY_END, ANONYMOUS_ONLY_START, MEMBERS_ONLY_END, MEMBERS_ONLY_START } from '../forum-marks.js';
import type { ThreadNode } from '../thread.js';
import { EMPTY_FORM, ForumForm } from './forum-form.js';
import { ForumThread } from './forum-thread.js';
import { ModeNotice } from './mode-notice.js';
import { SignInNotice } from './sign-in-notice.js';


/**
 * The forum under an article, as cached: the heading, how many messages are published, the
 * threads, the mode notice and the form (without its tokens, filled in per request). Closed: no
 * form, the messages stay.
 */
export function ForumSection(props: { article: { readonly id: number; readonly slug: string }; mode: ForumMode; threads: readonly ThreadNode[]; count: number; timeZone: string; signUp: boolean }) {
  const open = props.mode !== 'non';
  const articleId = props.article.id;
  return (
    <section class="forum" id="forum" aria-labelledby="forum-titre">
      <h2 id="forum-titre">Un message, un commentaire ?</h2>
      {props.count > 0 ? (
        <p class="forum-count">
          {props.count === 1 ? '1 message publié' : `${props.count.toLocaleString('fr-FR')} messages publiés`}
          {' · '}<a href={`/article/${props.article.slug}/forum.xml`}>Suivre les messages de ce forum (RSS)</a>
        </p>
      ) : null}
      <ForumThread threads={props.threads} timeZone={props.timeZone} canReply={open} />
      <ModeNotice mode={props.mode} />
      {props.mode === 'abo' ? (
        // The filler keeps the form (under the member's name) for a signed-in visitor, the sign-in notice for anyone else.
        <div dangerouslySetInnerHTML={{ __html: MEMBERS_ONLY_START + render(<ForumForm articleId={articleId} parentId={null} values={EMPTY_FORM} member="mark" />) + MEMBERS_ONLY_END +
          ANONYMOUS_ONLY_START + render(<SignInNotice links={{ returnTo: `/article/${props.article.slug}#forum`, signUp: props.signUp }} />) + ANONYMOUS_ONLY_END }} />
      ) : open ? <ForumForm articleId={articleId} parentId={null} values={EMPTY_FORM} /> : null}
    </section>
  );
}
