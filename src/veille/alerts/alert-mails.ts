import type { MailMessage } from '../../mail/mailer.js';
import { escapeAttribute, escapeHtml } from '../../markup/escape-html.js';
import { formatDateTime, formatLongDate } from '../../i18n/format-date.js';
import { PARIS_TIME_ZONE } from '../dashboard/paris-clock.js';
import type { AlertExcerpt } from './alert-excerpt.js';
import { alertSettingsPath, watchInboxPath } from './alert-links.js';
import type { AlertView, DigestEntry } from './alert-view-store.js';

/** What every alert e-mail is written with. */
export interface AlertMailContext {
  readonly siteName: string;
  readonly publicUrl: string;
}

const sources = (n: number) => (n > 1 ? `${n} sources` : '1 source');

/** The simple HTML alternative: a paragraph per block, links as they are, nothing else. */
function htmlMail(blocks: readonly string[]): string {
  return `<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"></head><body style="font-family:sans-serif;line-height:1.5;color:#222">${blocks.join('')}</body></html>`;
}
const link = (href: string, label: string) => `<a href="${escapeAttribute(href)}">${escapeHtml(label)}</a>`;
const footerText = (ctx: AlertMailContext, watch: { id: number; name: string }) =>
  `Vous recevez ce courriel parce que vous suivez la veille « ${watch.name} » sur ${ctx.siteName}.\nRéglages de ses alertes : ${ctx.publicUrl}${alertSettingsPath(watch.id)}`;
const footerHtml = (ctx: AlertMailContext, watch: { id: number; name: string }) =>
  `<p style="color:#555;font-size:90%">Vous recevez ce courriel parce que vous suivez la veille « ${escapeHtml(watch.name)} » sur ${escapeHtml(ctx.siteName)}. ${link(`${ctx.publicUrl}${alertSettingsPath(watch.id)}`, 'Réglages de ses alertes')}</p>`;

/** To one owner, the moment a watch finds a new story: its first item, source, excerpt with the matched words, links. */
export function instantAlertMail(ctx: AlertMailContext, to: string, view: AlertView, excerpt: AlertExcerpt): MailMessage {
  const { item, source, watch } = view;
  const inbox = `${ctx.publicUrl}${watchInboxPath(watch.id)}`;
  const when = item.publishedAt ? ` — ${formatDateTime(item.publishedAt, 'fr', PARIS_TIME_ZONE)}` : '';
  const by = item.author ? `, par ${item.author}` : '';
  const told = view.sourcesCount > 1 ? `Déjà repris par ${sources(view.sourcesCount)}.` : '';
  return {
    to,
    subject: `[${ctx.siteName}] Veille « ${watch.name} » : ${item.title}`,
    text: [
      `Nouvel élément pour la veille « ${watch.name} » :`, '', item.title, `Source : ${source.title || source.url}${by}${when}`,
      ...(told ? [told] : []), '', excerpt.text, '',
      ...(item.link ? [`Lire l’original : ${item.link}`] : []), `Ouvrir la boîte de réception de la veille : ${inbox}`, '', '-- ', footerText(ctx, watch),
    ].join('\n'),
    html: htmlMail([
      `<p>Nouvel élément pour la veille « ${escapeHtml(watch.name)} » :</p>`,
      `<h1 style="font-size:1.2em">${item.link ? link(item.link, item.title) : escapeHtml(item.title)}</h1>`,
      `<p>Source : ${escapeHtml(source.title || source.url)}${escapeHtml(by)}${escapeHtml(when)}${told ? `<br>${escapeHtml(told)}` : ''}</p>`,
      `<blockquote style="margin:0;padding-left:1em;border-left:3px solid #ccc">${excerpt.html}</blockquote>`,
      `<p>${link(inbox, 'Ouvrir la boîte de réception de la veille')}</p>`, footerHtml(ctx, watch),
    ]),
  };
}

/** To one owner, once a day: the stories of a watch's day, the most told first, with their number of sources. */
export function digestMail(ctx: AlertMailContext, to: string, watch: { id: number; name: string }, day: string, entries: readonly DigestEntry[]): MailMessage {
  const inbox = `${ctx.publicUrl}${watchInboxPath(watch.id)}`;
  const date = formatLongDate(`${day}T12:00:00Z`, 'fr', 'UTC');
  const count = entries.length > 1 ? `${entries.length} sujets` : '1 sujet';
  const line = (e: DigestEntry) => `${e.title} (${sources(e.sourcesCount)}${e.continued ? ', sujet déjà signalé' : ''})`;
  return {
    to,
    subject: `[${ctx.siteName}] Veille « ${watch.name} » : ${count} le ${date}`,
    text: [
      `Le résumé du ${date} de la veille « ${watch.name} » : ${count}.`, '',
      ...entries.flatMap((e) => [`- ${line(e)}`, ...(e.link ? [`  ${e.link}`] : [])]), '',
      `Ouvrir la boîte de réception de la veille : ${inbox}`, '', '-- ', footerText(ctx, watch),
    ].join('\n'),
    html: htmlMail([
      `<p>Le résumé du ${escapeHtml(date)} de la veille « ${escapeHtml(watch.name)} » : ${count}.</p>`,
      `<ul>${entries.map((e) => `<li>${e.link ? link(e.link, e.title) : escapeHtml(e.title)} (${sources(e.sourcesCount)}${e.continued ? ', sujet déjà signalé' : ''})</li>`).join('')}</ul>`,
      `<p>${link(inbox, 'Ouvrir la boîte de réception de la veille')}</p>`, footerHtml(ctx, watch),
    ]),
  };
}

/** The "send a test" e-mail: proves the address and the mail server work, without any real alert. */
export function testAlertMail(ctx: AlertMailContext, to: string, watch: { id: number; name: string }): MailMessage {
  const text = `Ceci est un essai des alertes de la veille « ${watch.name} » : les courriels de cette veille vous parviendront ainsi.`;
  return {
    to,
    subject: `[${ctx.siteName}] Essai des alertes de la veille « ${watch.name} »`,
    text: [text, '', '-- ', footerText(ctx, watch)].join('\n'),
    html: htmlMail([`<p>${escapeHtml(text)}</p>`, footerHtml(ctx, watch)]),
  };
}
