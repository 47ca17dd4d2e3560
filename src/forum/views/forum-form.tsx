import { spipShortcutHelp } from '../../markup/spip-shortcut-help.js';
import { FORUM_TOKENS_MARK, MEMBER_NAME_MARK } from '../forum-marks.js';

/** What the visitor typed, kept across previews and errors. */
export interface ForumFormValues {
  readonly nom: string;
  readonly email: string;
  readonly texte: string;
  readonly prevenir: boolean;
}

export const EMPTY_FORM: ForumFormValues = Object.freeze({ nom: '', email: '', texte: '', prevenir: false });

/** The labels of the fields, for the error summary's links. */
export const FORUM_FIELD_LABELS: Readonly<Record<string, string>> = Object.freeze({
  nom: 'Qui êtes-vous ?', email: 'Votre adresse électronique', texte: 'Votre message',
});

const HELP = spipShortcutHelp.filter((line) => line.forum);

/** One field's error paragraph and the attributes tying its control to it. */
function described(name: string, errors: Readonly<Record<string, string>>, hint?: string) {
  const ids = [hint ? `f-${name}-hint` : '', errors[name] ? `f-${name}-error` : ''].filter(Boolean).join(' ');
  return { id: `f-${name}`, name, 'aria-describedby': ids || undefined, 'aria-invalid': errors[name] ? ('true' as const) : undefined };
}

function FieldError(props: { name: string; errors: Readonly<Record<string, string>> }) {
  const message = props.errors[props.name];
  return message ? <p class="field-error" id={`f-${props.name}-error`}>{message}</p> : null;
}

const MEMBER_INTRO = 'Vous écrivez sous le nom de votre compte : ';

/** A member's identity, fixed: their account's name (or, in the cached page, its marker) and e-mail. */
function MemberIdentity(props: { member: { readonly name: string } | 'mark' }) {
  if (props.member === 'mark') return <p class="forum-member" dangerouslySetInnerHTML={{ __html: `${MEMBER_INTRO}<strong>${MEMBER_NAME_MARK}</strong>.` }} />;
  return <p class="forum-member">{MEMBER_INTRO}<strong>{props.member.name}</strong>.</p>;
}

/**
 * The forum form. With `member` (*sur abonnement*), the name and address are the account's and
 * not asked for. Without `tokens`, it carries a marker in their place (the cached article page:
 * the tokens are filled in at each request); with them, they are written in (pages never cached).
 */
export function ForumForm(props: {
  articleId: number; parentId: number | null; values: ForumFormValues; errors?: Readonly<Record<string, string>>;
  tokens?: { readonly csrf: string; readonly time: string }; member?: { readonly name: string } | 'mark';
}) {
  const errors = props.errors ?? {};
  const v = props.values;
  return (
    <form method="post" action="/forum/envoyer" class="forum-form" id="formulaire" novalidate>
      {props.tokens ? (
        <>
          <input type="hidden" name="_csrf" value={props.tokens.csrf} />
          <input type="hidden" name="jeton" value={props.tokens.time} />
        </>
      ) : <div class="forum-tokens" dangerouslySetInnerHTML={{ __html: FORUM_TOKENS_MARK }} />}
      <input type="hidden" name="article" value={String(props.articleId)} />
      {props.parentId !== null ? <input type="hidden" name="parent" value={String(props.parentId)} /> : null}
      {props.member ? <MemberIdentity member={props.member} /> : null}
      {props.member ? null : <div class={errors.nom ? 'field has-error' : 'field'}>
        <label for="f-nom">Qui êtes-vous ? <span class="required">(obligatoire)</span></label>
        <FieldError name="nom" errors={errors} />
        <input type="text" value={v.nom} required autocomplete="name" maxLength={100} {...described('nom', errors)} />
      </div>}
      {props.member ? null : <div class={errors.email ? 'field has-error' : 'field'}>
        <label for="f-email">Votre adresse électronique <span class="optional">(facultatif)</span></label>
        <p class="hint" id="f-email-hint">Jamais affichée ; elle sert seulement à vous prévenir si vous le demandez.</p>
        <FieldError name="email" errors={errors} />
        <input type="email" value={v.email} autocomplete="email" maxLength={254} {...described('email', errors, 'hint')} />
      </div>}
      <div class={errors.texte ? 'field has-error' : 'field'}>
        <label for="f-texte">Votre message <span class="required">(obligatoire)</span></label>
        <p class="hint" id="f-texte-hint">
          Raccourcis acceptés : {HELP.map((line, i) => <>{i > 0 ? ' ; ' : ''}<code>{line.shortcut}</code> ({line.description.replace(/\.$/, '').toLowerCase()})</>)}.
        </p>
        <FieldError name="texte" errors={errors} />
        <textarea rows={10} required {...described('texte', errors, 'hint')}>{v.texte}</textarea>
      </div>
      <div class="field forum-hp" aria-hidden="true">
        <label for="f-site-web">Ne remplissez pas ce champ</label>
        <input type="text" id="f-site-web" name="site_web" value="" tabIndex={-1} autocomplete="off" />
      </div>
      <div class="field checkbox">
        <input type="checkbox" id="f-prevenir" name="prevenir" value="1" checked={v.prevenir} />
        <label for="f-prevenir">Me prévenir des réponses (par courriel, si vous avez donné une adresse)</label>
      </div>
      <div class="forum-actions">
        {/* "Envoyer" comes first: the Enter key submits with the first button, and must send. */}
        <button type="submit" name="action" value="envoyer" class="button">Envoyer</button>
        <button type="submit" name="action" value="previsualiser" class="button secondary">Prévisualiser</button>
      </div>
    </form>
  );
}
