// A worker process for the multi-process test: runs CountJob by recording (n, worker) in job_runs.
import { sql } from 'kysely';
import { openDatabase } from '../../db/open-database.js';
import { createJobQueue } from '../create-job-queue.js';
import { captureLogger, sleep } from './job-test-kit.js';
import { CountJob } from './count-job.js';

const worker = process.argv[2] ?? String(process.pid);
const db = openDatabase({ databaseUrl: process.env.DATABASE_URL! });
const queue = createJobQueue(db, { logger: captureLogger().logger, now: () => new Date(), pollIntervalMs: 50 });
queue.handle(CountJob, async ({ n }) => {
  await sql`insert into job_runs (n, worker) values (${n}, ${worker})`.execute(db.kysely);
  await sleep(5);
});
await queue.start();
process.stdout.write('ready\n');
process.once('SIGTERM', () => {
  void queue.stop().then(() => db.close()).then(() => process.exit(0));
});
