import { PublicLayout, type PublicContext } from '../../http/layout.js';

/** After sending: thanks, and plainly whether the message awaits validation or is already online. */
export function ThanksPage(props: { ctx: PublicContext; article: { slug: string; title: string }; online: boolean }) {
  const { ctx, article } = props;
  return (
    <PublicLayout ctx={ctx} meta={{ title: 'Merci pour votre message', canonical: `${ctx.publicUrl}/article/${article.slug}`, noindex: true }}>
      <div class="article-column forum-page">
        <h1 class="page-title">Merci pour votre message</h1>
        <p class="forum-thanks" role="status">
          {props.online
            ? 'Votre message est en ligne : il est visible dès maintenant sous l’article.'
            : 'Votre message a bien été reçu. Il est en attente de validation : il apparaîtra sous l’article dès qu’un modérateur l’aura validé.'}
        </p>
        <p><a href={`/article/${article.slug}#forum`}>Retour à l’article « {article.title} »</a></p>
      </div>
    </PublicLayout>
  );
}
