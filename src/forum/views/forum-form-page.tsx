import { ErrorSummary } from '../../http/admin-kit.js';
import { PublicLayout, type PublicContext } from '../../http/layout.js';
import type { Contribution } from '../contribution.js';
import { renderContributionText } from '../render-contribution.js';
import { FORUM_FIELD_LABELS, ForumForm, type ForumFormValues } from './forum-form.js';
import { ForumThread } from './forum-thread.js';
import { SignInNotice } from './sign-in-notice.js';

/** Everything the form page shows: the article, the message answered, a preview, errors, the form. */
export interface ForumFormPageProps {
  readonly ctx: PublicContext;
  readonly article: { readonly id: number; readonly slug: string; readonly title: string };
  readonly parent?: Contribution;
  readonly values: ForumFormValues;
  readonly errors?: Readonly<Record<string, string>>;
  /** Shown above the form: "Voici votre message tel qu'il apparaîtra". */
  readonly preview?: { readonly authorName: string; readonly body: string };
  readonly tokens: { readonly csrf: string; readonly time: string };
  /** *Sur abonnement*, signed in: the message goes out under the account's name. */
  readonly member?: { readonly name: string };
  /** *Sur abonnement*, nobody signed in: the sign-in notice, and the form only to keep a text typed. */
  readonly signInRequired?: boolean;
}

/**
 * The forum form on a page of its own (never cached): to answer a message, to preview one, or
 * to show what must be corrected, with everything typed kept.
 */
export function ForumFormPage(props: ForumFormPageProps) {
  const { ctx, article } = props;
  const title = props.parent ? `Répondre à ${props.parent.authorName}` : props.preview ? 'Prévisualisation de votre message' : 'Votre message';
  const kept = props.values.texte.trim() !== '';
  const errorTitle = props.errors && Object.keys(props.errors).length > 0 ? `Erreur : ${title}` : title;
  return (
    <PublicLayout ctx={ctx} meta={{ title: errorTitle, canonical: `${ctx.publicUrl}/article/${article.slug}`, noindex: true }}>
      <div class="article-column forum-page">
        <p class="forum-back"><a href={`/article/${article.slug}#forum`}>Retour à l’article « {article.title} »</a></p>
        <h1 class="page-title">{title}</h1>
        {props.parent ? (
          <section class="forum-parent" aria-labelledby="message-repondu">
            <h2 id="message-repondu">Le message auquel vous répondez</h2>
            <ForumThread threads={[{ contribution: props.parent, replies: [] }]} timeZone={ctx.site.settings.timeZone} canReply={false} />
          </section>
        ) : null}
        <ErrorSummary errors={props.errors} labels={FORUM_FIELD_LABELS} />
        {props.signInRequired ? (
          <SignInNotice kept={kept} links={{
            returnTo: props.parent ? `/forum/repondre/${props.parent.id}` : `/article/${article.slug}#forum`, signUp: ctx.site.settings.visitorSignup === 'oui',
          }} />
        ) : null}
        {props.preview ? (
          <section class="forum-preview" aria-labelledby="apercu">
            <h2 id="apercu">Votre message tel qu’il apparaîtra</h2>
            <div class="forum-message">
              <p><strong class="forum-author">{props.member?.name ?? (props.preview.authorName || 'Anonyme')}</strong></p>
              <div class="forum-text" dangerouslySetInnerHTML={{ __html: renderContributionText({ id: 0, body: props.preview.body }) }} />
            </div>
            <p>Si tout vous convient, cliquez sur « Envoyer » ; sinon, corrigez-le ci-dessous.</p>
          </section>
        ) : null}
        {props.signInRequired && !kept ? null : (
          <ForumForm articleId={article.id} parentId={props.parent?.id ?? null} values={props.values} errors={props.errors} tokens={props.tokens} member={props.member} />
        )}
      </div>
    </PublicLayout>
  );
}
