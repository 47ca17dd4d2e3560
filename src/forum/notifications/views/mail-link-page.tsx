import { PublicLayout, type PublicContext } from '../../../http/layout.js';

/** The button of a mail-link page: a POST to `action` with these hidden fields. */
export interface MailLinkForm {
  readonly action: string;
  readonly label: string;
  readonly fields: Readonly<Record<string, string>>;
  /** Absent on the one-click unsubscribe, whose signed link is its own proof (RFC 8058). */
  readonly csrfToken?: string;
}

/**
 * The page behind a link of a forum e-mail (stop the mails, remove a message): what will happen and
 * a button, or what happened, or why the link does not work. Opening it never changes anything.
 */
export function MailLinkPage(props: { ctx: PublicContext; title: string; paragraphs: readonly string[]; form?: MailLinkForm; alert?: boolean }) {
  const { ctx, form } = props;
  return (
    <PublicLayout ctx={ctx} meta={{ title: props.title, canonical: `${ctx.publicUrl}/`, noindex: true }}>
      <div class="article-column forum-page">
        <h1 class="page-title">{props.title}</h1>
        {props.paragraphs.map((text, i) => <p role={i === 0 ? (props.alert ? 'alert' : 'status') : undefined}>{text}</p>)}
        {form ? (
          <form method="post" action={form.action} class="forum-actions">
            {form.csrfToken ? <input type="hidden" name="_csrf" value={form.csrfToken} /> : null}
            {Object.entries(form.fields).map(([name, value]) => <input type="hidden" name={name} value={value} />)}
            <button type="submit" class="button">{form.label}</button>
          </form>
        ) : null}
        <p><a href="/">Retour à l’accueil du site</a></p>
      </div>
    </PublicLayout>
  );
}
