import type { Db } from '../../db/database.js';
import type { JobQueue } from '../../jobs/job.js';
import type { Logger } from '../../logger.js';
import type { Keyring } from '../../secrets/keyring.js';
import type { FetchResource } from '../fetch/create-guarded-fetch.js';

/** What the alert jobs are wired with in `main.ts`. */
export interface AlertDeps {
  readonly db: Db;
  readonly jobs: Pick<JobQueue, 'enqueue'>;
  readonly now: () => Date;
  readonly logger: Pick<Logger, 'warn' | 'error'>;
  readonly publicUrl: string;
  /** The guarded client: every webhook goes through it. */
  readonly fetchResource: FetchResource;
  /** Opens the watches' webhook secrets. */
  readonly keyring: Keyring;
  /** Whether `SMTP_URL` is set: without it no alert e-mail is queued (it could only fail). */
  readonly mailEnabled: boolean;
}
