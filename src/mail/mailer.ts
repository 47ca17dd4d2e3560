import nodemailer from 'nodemailer';
import { defineJob } from '../jobs/job.js';

/** One plain-text message, with an optional HTML alternative. */
export interface MailMessage {
  readonly to: string;
  readonly subject: string;
  readonly text: string;
  /** The same message as simple HTML (multipart/alternative); the plain text stays the reference. */
  readonly html?: string;
  /** Extra header fields (`List-Unsubscribe`, …). */
  readonly headers?: Readonly<Record<string, string>>;
}

/** Mail goes out through the job queue, so a slow or down SMTP server never blocks a page. */
export const SendMailJob = defineJob<MailMessage>('mail.send');

export interface Mailer {
  /** Whether SMTP is configured (features that need mail hide themselves otherwise). */
  readonly enabled: boolean;
  send(message: MailMessage): Promise<void>;
}

/** An SMTP mailer from `SMTP_URL` (smtp:// or smtps://); disabled when the URL is absent. */
export function createMailer(smtpUrl: string | undefined, from: string): Mailer {
  if (!smtpUrl) {
    return {
      enabled: false,
      async send() {
        throw new Error("Aucun serveur d'envoi de courriel n'est configuré (SMTP_URL).");
      },
    };
  }
  const transport = nodemailer.createTransport(smtpUrl);
  return {
    enabled: true,
    async send(message) {
      await transport.sendMail({ from, to: message.to, subject: message.subject, text: message.text, ...(message.html === undefined ? {} : { html: message.html }), headers: { ...message.headers } });
    },
  };
}
