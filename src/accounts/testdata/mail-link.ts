import type { ReceivedMail } from '../../test-support/smtp-peer.js';

/** Quoted-printable soft line breaks and escapes undone, enough to read a link out of a mail. */
export function decodeQuotedPrintable(text: string): string {
  return text.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** The first link of the test site (`http://relais.test`) to `path` in a mail: its path with query, and its token. */
export function linkInMail(mail: ReceivedMail, path: string): { url: string; token: string } {
  const escaped = path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const match = new RegExp(`http://relais\\.test(${escaped}\\?(?:token|jeton)=([\\w-]+))`).exec(decodeQuotedPrintable(mail.raw));
  if (!match) throw new Error(`no ${path} link in the mail`);
  return { url: match[1]!, token: match[2]! };
}
