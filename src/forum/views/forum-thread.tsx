import { formatDateTime } from '../../i18n/format-date.js';
import { renderContributionText } from '../render-contribution.js';
import type { ThreadNode } from '../thread.js';

/** One published message: author, French date, text, "Répondre", then its replies indented. */
function Message(props: { node: ThreadNode; timeZone: string; canReply: boolean }) {
  const c = props.node.contribution;
  return (
    <li class={c.isOrganisationAnswer ? 'forum-message organisation' : 'forum-message'} id={`message${c.id}`}>
      <article aria-labelledby={`message${c.id}-auteur`}>
        <header class="forum-message-header">
          <p id={`message${c.id}-auteur`}>
            <strong class="forum-author">{c.authorName}</strong>
            {c.isOrganisationAnswer ? <span class="forum-badge"> (réponse de l’organisation)</span> : null}
            {' · '}<time datetime={c.createdAt}>{formatDateTime(c.createdAt, 'fr', props.timeZone)}</time>
          </p>
        </header>
        <div class="forum-text" dangerouslySetInnerHTML={{ __html: renderContributionText(c) }} />
        {props.canReply ? <p class="forum-reply"><a href={`/forum/repondre/${c.id}#formulaire`}>Répondre à ce message<span class="visually-hidden"> de {c.authorName}</span></a></p> : null}
      </article>
      {props.node.replies.length > 0 ? (
        <ul class="forum-replies">{props.node.replies.map((r) => <Message node={r} timeZone={props.timeZone} canReply={props.canReply} />)}</ul>
      ) : null}
    </li>
  );
}

/** The published messages as threads (replies indented under what they answer, oldest first). */
export function ForumThread(props: { threads: readonly ThreadNode[]; timeZone: string; canReply: boolean }) {
  if (props.threads.length === 0) return <p class="forum-empty">Aucun message pour l’instant.</p>;
  return <ul class="forum-thread">{props.threads.map((node) => <Message node={node} timeZone={props.timeZone} canReply={props.canReply} />)}</ul>;
}
