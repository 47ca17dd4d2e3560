import type { ComponentChildren } from 'preact';
import { ErrorSummary } from '../../../http/admin-kit.js';
import { PublicLayout, type PublicContext } from '../../../http/layout.js';

/** What every public account page receives: the public context, its address and form token. */
export interface AccountPageBase {
  readonly ctx: PublicContext;
  readonly path: string;
  readonly csrfToken: string;
}

/**
 * The frame of the visitors' account pages on the public site: the site's layout, never indexed,
 * a title ("Erreur : …" when the form has errors), a notice and the error summary.
 */
export function AccountPageFrame(props: {
  base: AccountPageBase; title: string; notice?: string; errors?: Readonly<Record<string, string>>;
  labels?: Readonly<Record<string, string>>; children: ComponentChildren;
}) {
  const { ctx } = props.base;
  const failed = props.errors !== undefined && Object.keys(props.errors).length > 0;
  return (
    <PublicLayout ctx={ctx} meta={{ title: failed ? `Erreur : ${props.title}` : props.title, canonical: `${ctx.publicUrl}${props.base.path}`, noindex: true }}>
      <div class="article-column forum-page account-page">
        <h1 class="page-title">{props.title}</h1>
        {props.notice ? <p class="notice" role="status">{props.notice}</p> : null}
        <ErrorSummary errors={props.errors} labels={props.labels ?? {}} />
        {props.children}
      </div>
    </PublicLayout>
  );
}
