import type { DialectName } from '../db/database.js';
import { startSmtpPeer, type SmtpPeer } from './smtp-peer.js';
import { startTestSite, type TestSite } from './test-site.js';

/** A test site whose mail really leaves, through its job queue, for an SMTP peer on 127.0.0.1. */
export interface MailingTestSite {
  readonly site: TestSite;
  readonly smtp: SmtpPeer;
  /** Stops the site, then the SMTP peer. */
  close(): Promise<void>;
}

/** Starts an SMTP peer and a test site sending to it (`SMTP_URL`), with its jobs running. */
export async function startMailingTestSite(dialect: DialectName, env: Record<string, string> = {}): Promise<MailingTestSite> {
  const smtp = await startSmtpPeer();
  const site = await startTestSite(dialect, { SMTP_URL: smtp.url, ...env });
  await site.relais.jobs.start();
  return {
    site, smtp,
    async close() {
      await site.close();
      await smtp.close();
    },
  };
}
