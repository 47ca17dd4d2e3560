import { PublicLayout, type PublicContext } from './layout.js';

/** A plain-French error page: what happened and a way back. Never carries technical detail. */
export function ErrorPage(props: { ctx: PublicContext; title: string; text: string; path: string }) {
  const { ctx } = props;
  return (
    <PublicLayout ctx={ctx} meta={{ title: props.title, canonical: `${ctx.publicUrl}${props.path}`, noindex: true }}>
      <div class="error-page">
        <h1 class="page-title">{props.title}</h1>
        <p>{props.text}</p>
        <p><a href="/">{ctx.t('error.backHome')}</a></p>
      </div>
    </PublicLayout>
  );
}
