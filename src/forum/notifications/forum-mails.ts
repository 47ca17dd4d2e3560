import { excerpt, plainText } from '../../blog/excerpt.js';
import type { MailMessage } from '../../mail/mailer.js';
import type { MailLinks } from './mail-link.js';
import type { MailableContribution } from './store.js';

/** What every forum e-mail is written with. */
export interface MailContext {
  readonly siteName: string;
  readonly publicUrl: string;
  readonly links: MailLinks;
}

/** A message's words as plain text, trimmed: e-mails are plain text, so no markup reaches a mail client. */
const textOf = (body: string, max = 600) => excerpt(plainText(body), max);

const messageUrl = (ctx: MailContext, c: MailableContribution) => `${ctx.publicUrl}/article/${c.articleSlug}#message${c.id}`;

/** The moderation queue, filtered on the message's status and article. */
const queueUrl = (ctx: MailContext, c: MailableContribution) =>
  `${ctx.publicUrl}/ecrire/forum?statut=${c.status === 'published' ? 'published' : 'proposed'}&article=${c.articleId}`;

/** To one moderator: a new message to look at. Its text may be unpublished: only moderators ever receive this. */
export function moderatorMail(ctx: MailContext, to: string, c: MailableContribution): MailMessage {
  const state = c.status === 'published'
    ? 'Il est déjà en ligne (forum modéré a posteriori) : vous pouvez le retirer.'
    : 'Il attend votre validation avant de paraître.';
  return {
    to,
    subject: `[${ctx.siteName}] Nouveau message sur « ${c.articleTitle} »`,
    text: [
      `Un nouveau message a été envoyé sous l’article « ${c.articleTitle} ».`, state, '',
      `Auteur : ${c.authorName}`, '', 'Extrait :', textOf(c.body), '',
      `File de modération : ${queueUrl(ctx, c)}`,
    ].join('\n'),
  };
}

/** To moderators: the day's new messages, and how many were set aside as spam (never their text). */
export function digestMail(ctx: MailContext, to: string, waiting: readonly MailableContribution[], spam: number): MailMessage {
  const lines = waiting.flatMap((c) => [
    `— ${c.authorName}, sur « ${c.articleTitle} »${c.status === 'published' ? ' (déjà en ligne)' : ''} :`, `  ${textOf(c.body, 200)}`, '',
  ]);
  const count = waiting.length;
  return {
    to,
    subject: `[${ctx.siteName}] Forum : ${count} nouveau${count > 1 ? 'x' : ''} message${count > 1 ? 's' : ''} en 24 heures`,
    text: [
      `Messages reçus depuis le dernier résumé : ${count}.`,
      spam > 0 ? `Classés automatiquement comme spam : ${spam} (à vérifier dans la file « Spam »).` : 'Aucun message classé comme spam.',
      '', ...lines,
      `File de modération : ${ctx.publicUrl}/ecrire/forum?statut=proposed`,
    ].join('\n'),
  };
}

/** The end of every mail to an author: how to stop these mails, or remove the message (RFC 8058 headers too). */
function toAuthor(ctx: MailContext, about: MailableContribution & { email: string }, subject: string, body: readonly string[]): MailMessage {
  const link = { contributionId: about.id, email: about.email };
  const unsubscribe = ctx.links.url('desabonner', link);
  return {
    to: about.email,
    subject: `[${ctx.siteName}] ${subject}`,
    text: [
      `Bonjour ${about.authorName},`, '', ...body, '', '-- ',
      'Vous recevez ce courriel parce que vous avez coché « me prévenir des réponses » en envoyant votre message.',
      `Ne plus recevoir de courriel à propos de ce message : ${unsubscribe}`,
      `Retirer votre message du site : ${ctx.links.url('retirer', link)}`,
    ].join('\n'),
    headers: { 'List-Unsubscribe': `<${unsubscribe}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
  };
}

/** To an author who asked for it: their message is online. */
export function publishedMail(ctx: MailContext, c: MailableContribution & { email: string }): MailMessage {
  return toAuthor(ctx, c, `Votre message est en ligne sur « ${c.articleTitle} »`, [
    `Votre message sous l’article « ${c.articleTitle} » est publié :`, messageUrl(ctx, c),
  ]);
}

/** To the author of `parent`, who asked for it: a published answer to their message (its text is public already). */
export function replyMail(ctx: MailContext, parent: MailableContribution & { email: string }, reply: MailableContribution): MailMessage {
  const who = reply.isOrganisationAnswer ? `${reply.authorName} (réponse de l’organisation)` : reply.authorName;
  return toAuthor(ctx, parent, `Nouvelle réponse à votre message sur « ${parent.articleTitle} »`, [
    `${who} a répondu à votre message sous l’article « ${parent.articleTitle} » :`, '', textOf(reply.body), '',
    `Lire la réponse : ${messageUrl(ctx, reply)}`,
  ]);
}
