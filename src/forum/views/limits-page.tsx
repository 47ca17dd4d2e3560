import { CsrfField, ErrorSummary, NumberField } from '../../http/admin-kit.js';
import { AdminLayout, type AdminContext } from '../../http/admin-layout.js';
import type { ForumLimits } from '../forum-limits.js';
import { FORUM_LIMIT_FIELDS, type ForumLimitsFormValues } from '../limits-form.js';

const LABELS = Object.fromEntries(Object.entries(FORUM_LIMIT_FIELDS).map(([name, field]) => [name, field.label]));

/** The forum's anti-spam limits (administrators): what protects the forum without a CAPTCHA. */
export function LimitsPage(props: { ctx: AdminContext; values: ForumLimitsFormValues; errors?: Readonly<Record<string, string>>; notice?: string }) {
  const { values, errors = {} } = props;
  return (
    <AdminLayout ctx={props.ctx} title="Réglages du forum : protection contre les abus" current="/ecrire/reglages" notice={props.notice}>
      <p class="lead">
        Le forum se protège des robots sans CAPTCHA : un champ piège invisible, un délai entre l’affichage du formulaire
        et l’envoi, et des limites de débit. Les messages refusés ne sont jamais perdus : la personne garde son texte.
      </p>
      <ErrorSummary errors={errors} labels={LABELS} />
      <form method="post" action="/ecrire/reglages/forum" class="form" noValidate>
        <CsrfField token={props.ctx.csrfToken} />
        {(Object.entries(FORUM_LIMIT_FIELDS) as [keyof ForumLimits, (typeof FORUM_LIMIT_FIELDS)[keyof ForumLimits]][]).map(([name, field]) => (
          <NumberField name={name} label={field.label} unit={field.unit} value={values[name]} error={errors[name]} min={field.min} max={field.max} hint={field.hint} />
        ))}
        <div class="actions">
          <button type="submit" class="button primary">Enregistrer les limites</button>
          <a class="button" href="/ecrire/reglages">Retour aux réglages du site</a>
        </div>
      </form>
    </AdminLayout>
  );
}
