import { readMail, type ReadMail } from '../../../forum/notifications/testdata/read-mail.js';

/** A multipart/alternative message decoded: its headers and subject, its plain text and HTML parts. */
export interface AlternativeMail extends ReadMail {
  readonly html: string;
}

/** Decodes a message nodemailer wrote with `text` and `html` (a single-part one has an empty `html`). */
export function readAlternativeMail(raw: string): AlternativeMail {
  const outer = readMail(raw);
  const boundary = /boundary="?([^";\s]+)"?/i.exec(outer.headers.get('content-type') ?? '')?.[1];
  if (!boundary) return { ...outer, html: '' };
  const parts = raw.split(`--${boundary}`).slice(1, -1).map((part) => readMail(part.replace(/^\r\n/, '')));
  const find = (type: string) => parts.find((p) => (p.headers.get('content-type') ?? '').startsWith(type))?.text ?? '';
  return { headers: outer.headers, subject: outer.subject, text: find('text/plain'), html: find('text/html') };
}
