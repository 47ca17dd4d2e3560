import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { defineJob } from './job.js';
import { openJobTestKit, sleep, waitFor } from './testdata/job-test-kit.js';

const NoteJob = defineJob<{ n: number }>('test.note');

describe('job runner on sqlite', () => {
  test('backs off exponentially between tries, on the injected clock', async () => {
    const kit = await openJobTestKit('sqlite');
    try {
      let clock = Date.parse('2026-03-01T10:00:00.000Z');
      const queue = kit.queue({ now: () => new Date(clock) });
      let calls = 0;
      queue.handle(NoteJob, async () => { calls++; throw new Error(`try ${calls}`); }, { maxAttempts: 3, retryDelaySeconds: 10 });
      await queue.enqueue(NoteJob, { n: 1 });
      await queue.start();
      const row = () => kit.db.kysely.selectFrom('jobs').selectAll().executeTakeFirstOrThrow();

      await waitFor(async () => (await row()).attempts === 1 && (await row()).state === 'queued', 10_000, 'first try');
      assert.equal((await row()).run_at, '2026-03-01T10:00:10.000Z');
      assert.equal((await row()).last_error, 'try 1');
      await sleep(200);
      assert.equal(calls, 1, 'retried before its back-off');

      clock += 10_000;
      await waitFor(async () => (await row()).attempts === 2 && (await row()).state === 'queued', 10_000, 'second try');
      assert.equal((await row()).run_at, '2026-03-01T10:00:30.000Z');

      clock += 20_000;
      await waitFor(async () => (await row()).state === 'failed', 10_000, 'the last try');
      assert.equal((await row()).last_error, 'try 3');
      assert.equal(calls, 3);
    } finally {
      await kit.close();
    }
  });

  test('runs again the job of a process that died while running it, once its lease expired', async () => {
    const kit = await openJobTestKit('sqlite');
    try {
      const stale = new Date(Date.now() - 5000).toISOString();
      await kit.db.kysely.insertInto('jobs').values({
        name: NoteJob.name, payload: JSON.stringify({ n: 7 }), state: 'running', run_at: stale, attempts: 1, max_attempts: 5,
        singleton_key: null, last_error: null, created_at: stale, updated_at: stale,
      }).execute();
      const queue = kit.queue({ leaseSeconds: 2 });
      const seen: number[] = [];
      queue.handle(NoteJob, async ({ n }) => { seen.push(n); });
      await queue.start();
      await waitFor(() => seen.length === 1, 10_000, 'the abandoned job');
      assert.deepEqual(seen, [7]);
      const row = await kit.db.kysely.selectFrom('jobs').selectAll().executeTakeFirstOrThrow();
      assert.equal(row.state, 'done');
      assert.equal(row.attempts, 2);
    } finally {
      await kit.close();
    }
  });

  test('two processes sharing the file never run one job twice', async () => {
    const kit = await openJobTestKit('sqlite');
    try {
      const runs = new Map<number, string[]>();
      const queues = [kit.queue(), kit.queue()];
      queues.forEach((queue, i) => {
        queue.handle(NoteJob, async ({ n }) => {
          runs.set(n, [...(runs.get(n) ?? []), `p${i}`]);
          await sleep(2);
        });
      });
      for (let n = 0; n < 200; n++) await queues[0]!.enqueue(NoteJob, { n });
      await Promise.all(queues.map((queue) => queue.start()));
      await waitFor(() => runs.size === 200, 20_000, '200 jobs');
      await sleep(200);
      assert.deepEqual([...runs.values()].filter((by) => by.length !== 1), []);
      const workers = new Set([...runs.values()].flat());
      assert.equal(workers.size, 2, 'one process did all the work');
    } finally {
      await kit.close();
    }
  });
});
