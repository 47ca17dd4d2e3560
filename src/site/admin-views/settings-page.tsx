import { CsrfField, ErrorSummary, SelectField, TextField } from '../../http/admin-kit.js';
import { AdminLayout, type AdminContext } from '../../http/admin-layout.js';
import { FORUM_MODE_LABELS, LANGUAGE_LABELS, MODERATOR_MAIL_LABELS, TIME_ZONE_CHOICES, type SettingsFormValues } from '../settings-form.js';

const LABELS = {
  siteName: 'Nom du site', tagline: 'Slogan', language: 'Langue du site public', timeZone: 'Fuseau horaire', defaultForumMode: 'Forum des nouveaux articles',
  visitorSignup: 'Permettre aux visiteurs de créer un compte',
  forumModeratorMail: 'Courriels aux modérateurs sur les nouveaux messages du forum', forumIpRetentionDays: 'Conservation des adresses IP du forum, en jours',
} as const;

const SIGNUP_CHOICES = [
  { value: 'non', label: 'Non : comptes de visiteurs sur invitation seulement' },
  { value: 'oui', label: 'Oui, avec confirmation par e-mail' },
] as const;

const choicesOf = (labels: Readonly<Record<string, string>>) => Object.entries(labels).map(([value, label]) => ({ value, label }));

/** The site settings form (administrators). */
export function SettingsPage(props: { ctx: AdminContext; values: SettingsFormValues; errors?: Readonly<Record<string, string>>; notice?: string }) {
  const { values, errors = {} } = props;
  // A zone set elsewhere (CLI) and not in the list stays selectable, so saving keeps it.
  const zones = TIME_ZONE_CHOICES.some((z) => z.value === values.timeZone) || values.timeZone === ''
    ? TIME_ZONE_CHOICES : [...TIME_ZONE_CHOICES, { value: values.timeZone, label: values.timeZone }];
  return (
    <AdminLayout ctx={props.ctx} title="Réglages du site" current="/ecrire/reglages" notice={props.notice}>
      <ErrorSummary errors={errors} labels={LABELS} />
      <form method="post" action="/ecrire/reglages" class="form" noValidate>
        <CsrfField token={props.ctx.csrfToken} />
        <TextField name="siteName" label={LABELS.siteName} value={values.siteName} error={errors.siteName} required maxLength={100}
          hint="En tête de chaque page, dans les fils RSS et les partages sur les réseaux sociaux." />
        <TextField name="tagline" label={LABELS.tagline} value={values.tagline} error={errors.tagline} maxLength={200} />
        <SelectField name="language" label={LABELS.language} value={values.language} error={errors.language} choices={choicesOf(LANGUAGE_LABELS)}
          hint="L’espace de rédaction reste en français." />
        <SelectField name="timeZone" label={LABELS.timeZone} value={values.timeZone} error={errors.timeZone} choices={zones}
          hint="Toutes les dates affichées et toutes les publications programmées suivent ce fuseau." />
        <SelectField name="defaultForumMode" label={LABELS.defaultForumMode} value={values.defaultForumMode} error={errors.defaultForumMode}
          choices={choicesOf(FORUM_MODE_LABELS)} />
        <SelectField name="visitorSignup" label={LABELS.visitorSignup} value={values.visitorSignup} error={errors.visitorSignup} choices={SIGNUP_CHOICES}
          hint="Pour écrire dans un forum « sur abonnement », il faut un compte de visiteur. Un administrateur peut toujours en inviter. La confirmation par e-mail demande l’envoi de courriels (SMTP_URL) : sans lui, la création reste fermée." />
        <SelectField name="forumModeratorMail" label={LABELS.forumModeratorMail} value={values.forumModeratorMail} error={errors.forumModeratorMail}
          choices={choicesOf(MODERATOR_MAIL_LABELS)} hint="Envoyés aux administrateurs et aux modérateurs. Les messages classés comme spam ne sont jamais annoncés un par un." />
        <TextField name="forumIpRetentionDays" label={LABELS.forumIpRetentionDays} value={values.forumIpRetentionDays} error={errors.forumIpRetentionDays} required maxLength={3}
          hint="L’adresse IP d’un message ne sert qu’à traiter les abus ; elle est effacée passé ce délai (RGPD). Par défaut : 30 jours." />
        <div class="actions"><button type="submit" class="button primary">Enregistrer les réglages</button></div>
      </form>
      <p class="more-settings"><a href="/ecrire/reglages/forum">Réglages du forum : protection contre les abus (délais, longueur des messages, limites de débit)</a></p>
    </AdminLayout>
  );
}
