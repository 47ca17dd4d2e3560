import type { ComponentChildren } from 'preact';
import { AdminLayout, type AdminContext } from './admin-layout.js';

/** What a labelled form field says about itself: its name, label, an optional hint and error. */
export interface FieldProps {
  /** The submitted name; the element id is `f-<name>`. */
  readonly name: string;
  readonly label: string;
  readonly hint?: ComponentChildren;
  readonly error?: string;
}

/** The id of a field's control, so error summaries can link to it. */
export const fieldId = (name: string): string => `f-${name}`;

/** The attributes that tie a control to its label, hint and error (aria-describedby, aria-invalid). */
export function controlAttributes(props: FieldProps) {
  const id = fieldId(props.name);
  const described = [props.hint ? `${id}-hint` : '', props.error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return { id, name: props.name, 'aria-describedby': described || undefined, 'aria-invalid': props.error ? ('true' as const) : undefined };
}

/** A label, the control (children), the hint and the error message under it. */
export function Field(props: FieldProps & { children: ComponentChildren }) {
  const id = fieldId(props.name);
  return (
    <div class={props.error ? 'field has-error' : 'field'}>
      <label for={id}>{props.label}</label>
      {props.hint ? <p class="hint" id={`${id}-hint`}>{props.hint}</p> : null}
      {props.error ? <p class="field-error" id={`${id}-error`}>{props.error}</p> : null}
      {props.children}
    </div>
  );
}

/** A one-line text input inside a `Field`. */
export function TextField(props: FieldProps & { value: string; type?: 'text' | 'email' | 'password' | 'datetime-local'; required?: boolean; autocomplete?: string; maxLength?: number }) {
  return (
    <Field {...props}>
      <input type={props.type ?? 'text'} value={props.value} required={props.required} autocomplete={props.autocomplete}
        maxLength={props.maxLength} {...controlAttributes(props)} />
    </Field>
  );
}

/** A multi-line text area inside a `Field`. */
export function TextAreaField(props: FieldProps & { value: string; rows?: number }) {
  return (
    <Field {...props}>
      <textarea rows={props.rows ?? 6} {...controlAttributes(props)}>{props.value}</textarea>
    </Field>
  );
}

/** One choice of a select. */
export interface Choice {
  readonly value: string;
  readonly label: string;
}

/** A select inside a `Field`; the option whose value equals `value` is selected. */
export function SelectField(props: FieldProps & { value: string; choices: readonly Choice[] }) {
  return (
    <Field {...props}>
      <select {...controlAttributes(props)}>
        {props.choices.map((c) => <option value={c.value} selected={c.value === props.value}>{c.label}</option>)}
      </select>
    </Field>
  );
}

/**
 * The list of a form's errors, announced at once (role=alert), each linking to its field.
 * `labels` names the fields; a message for an unknown field is listed without a link.
 */
export function ErrorSummary(props: { errors: Readonly<Record<string, string>> | undefined; labels: Readonly<Record<string, string>> }) {
  const entries = Object.entries(props.errors ?? {});
  if (entries.length === 0) return null;
  return (
    <div class="error-summary" role="alert" tabIndex={-1} id="erreurs">
      <p><strong>{entries.length === 1 ? 'Le formulaire contient une erreur :' : `Le formulaire contient ${entries.length} erreurs :`}</strong></p>
      <ul>
        {entries.map(([name, message]) => (
          <li>{props.labels[name] ? <a href={`#${fieldId(name)}`}>{props.labels[name]} : {message}</a> : message}</li>
        ))}
      </ul>
    </div>
  );
}

/** The hidden form token every state-changing form carries. */
export function CsrfField(props: { token: string }) {
  return <input type="hidden" name="_csrf" value={props.token} />;
}

/** The two submit buttons of a form with a preview: `action=save` (the default on Enter) and `action=preview`. */
export function SaveOrPreviewButtons() {
  return (
    <div class="actions">
      <button type="submit" name="action" value="save" class="button primary">Enregistrer</button>
      <button type="submit" name="action" value="preview" class="button">Prévisualiser</button>
    </div>
  );
}

/** A form made of one button (publish, move up, disable…): POST with the token and extra hidden fields. */
export function ActionButton(props: { ctx: AdminContext; action: string; label: string; title?: string; tone?: 'primary' | 'danger'; fields?: Readonly<Record<string, string>> }) {
  return (
    <form method="post" action={props.action} class="inline-form">
      <CsrfField token={props.ctx.csrfToken} />
      {Object.entries(props.fields ?? {}).map(([name, value]) => <input type="hidden" name={name} value={value} />)}
      <button type="submit" class={props.tone ? `button small ${props.tone}` : 'button small'} title={props.title}
        aria-label={props.title}>{props.label}</button>
    </form>
  );
}

/**
 * A list table: caption, column headers (`scope="col"`; a null column is left out), then the rows
 * given as children — each row should start with a `<th scope="row">`.
 */
export function DataTable(props: { caption: ComponentChildren; columns: readonly (string | null)[]; class?: string; children: ComponentChildren }) {
  return (
    <table class={props.class ? `list ${props.class}` : 'list'}>
      <caption>{props.caption}</caption>
      <thead>
        <tr>{props.columns.filter((c) => c !== null).map((c) => <th scope="col">{c}</th>)}</tr>
      </thead>
      <tbody>{props.children}</tbody>
    </table>
  );
}

/** A small coloured label (status, role). */
export function Badge(props: { tone?: string; children: ComponentChildren }) {
  return <span class={props.tone ? `badge ${props.tone}` : 'badge'}>{props.children}</span>;
}

/** "Page précédente / Page N / Page suivante" for back-office lists; `href(n)` keeps the list's filters. */
export function AdminPager(props: { page: number; pages?: number; hasNext: boolean; href: (page: number) => string }) {
  const { page, pages, hasNext } = props;
  if (page === 1 && !hasNext) return null;
  return (
    <nav class="pagination" aria-label="Pagination">
      {page > 1 ? <a rel="prev" href={props.href(page - 1)}>Page précédente</a> : null}
      <span aria-current="page">{pages ? `Page ${page} sur ${pages}` : `Page ${page}`}</span>
      {hasNext ? <a rel="next" href={props.href(page + 1)}>Page suivante</a> : null}
    </nav>
  );
}

/**
 * The confirmation step of a destructive action: says what will happen, then a POST button and a
 * way back. With `refusal`, the action is impossible: the reason is shown and no button.
 */
export function ConfirmPage(props: {
  ctx: AdminContext; title: string; current: string; action: string; confirmLabel: string; cancelHref: string;
  message: string; refusal?: string;
}) {
  return (
    <AdminLayout ctx={props.ctx} title={props.title} current={props.current}>
      <div class="panel"><p>{props.message}</p></div>
      {props.refusal ? <p class="error-summary" role="alert">{props.refusal}</p> : null}
      <div class="actions">
        {props.refusal ? null : <ActionButton ctx={props.ctx} action={props.action} label={props.confirmLabel} tone="danger" />}
        <a class="button" href={props.cancelHref}>{props.refusal ? 'Retour' : 'Annuler'}</a>
      </div>
    </AdminLayout>
  );
}

/** A whole-number input inside a `Field`, with its bounds (the browser helps, the server checks again) and its unit, read out with the field. */
export function NumberField(props: FieldProps & { value: string; min: number; max: number; unit?: string }) {
  const attributes = controlAttributes(props);
  const unitId = `${attributes.id}-unit`;
  const described = [attributes['aria-describedby'], props.unit ? unitId : undefined].filter(Boolean).join(' ') || undefined;
  return (
    <Field {...props}>
      <span class="number-input">
        <input type="number" inputMode="numeric" step={1} min={props.min} max={props.max} value={props.value} {...attributes} aria-describedby={described} />
        {props.unit ? <span class="unit" id={unitId}>{props.unit}</span> : null}
      </span>
    </Field>
  );
}
