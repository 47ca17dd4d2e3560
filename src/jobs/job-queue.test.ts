import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { openDatabase } from '../db/open-database.js';
import { createJobQueue } from './create-job-queue.js';
import { DIALECTS } from '../test-support/databases.js';
import { defineJob } from './job.js';
import { openJobTestKit, sleep, waitFor, type JobTestKit } from './testdata/job-test-kit.js';

const NoteJob = defineJob<{ n: number }>('test.note');
const TickJob = defineJob<Record<string, never>>('test.tick');

async function withKit(dialect: (typeof DIALECTS)[number], work: (kit: JobTestKit) => Promise<void>): Promise<void> {
  const kit = await openJobTestKit(dialect);
  try {
    await work(kit);
  } finally {
    await kit.close();
  }
}

for (const dialect of DIALECTS) {
  describe(`job queue on ${dialect}`, () => {
    test('runs a delayed job only once its time has come', () => withKit(dialect, async (kit) => {
      const queue = kit.queue();
      const ranAt: number[] = [];
      queue.handle(NoteJob, async () => { ranAt.push(Date.now()); });
      await queue.start();
      const runAt = new Date(Date.now() + 1500);
      await queue.enqueue(NoteJob, { n: 1 }, { runAt });
      await sleep(700);
      assert.deepEqual(ranAt, [], 'ran before its time');
      await waitFor(() => ranAt.length === 1, 10_000, 'the delayed job');
      assert.ok(ranAt[0]! >= runAt.getTime() - 50, 'ran before its time');
    }));

    test('retries a failing handler, then marks it failed and logs each failure', () => withKit(dialect, async (kit) => {
      const queue = kit.queue();
      let calls = 0;
      queue.handle(NoteJob, async () => { calls++; throw new Error('boom'); }, { maxAttempts: 3, retryDelaySeconds: 0 });
      const seen: number[] = [];
      queue.handle(TickJob, async () => { seen.push(calls); });
      await queue.enqueue(NoteJob, { n: 1 });
      await queue.start();
      await waitFor(() => calls === 3, 15_000, 'three tries');
      await sleep(500);
      assert.equal(calls, 3, 'tried again after its last attempt');
      const failures = kit.log.lines.filter((line) => line.msg === 'jobs.run.failed');
      assert.equal(failures.length, 3);
      assert.equal((failures[0]!.err as { message: string }).message, 'boom');
      // The loop survives: a later job still runs.
      await queue.enqueue(TickJob, {});
      await waitFor(() => seen.length === 1, 10_000, 'a job after the failures');
    }));

    test('enqueueing with a singleton key replaces the waiting job', () => withKit(dialect, async (kit) => {
      const queue = kit.queue();
      const seen: number[] = [];
      queue.handle(NoteJob, async ({ n }) => { seen.push(n); });
      const soon = new Date(Date.now() + 600);
      await queue.enqueue(NoteJob, { n: 1 }, { runAt: soon, singletonKey: 'article:1' });
      await queue.enqueue(NoteJob, { n: 2 }, { runAt: soon, singletonKey: 'article:1' });
      await queue.enqueue(NoteJob, { n: 3 }, { runAt: soon, singletonKey: 'article:2' });
      await queue.start();
      await waitFor(() => seen.length >= 2, 10_000, 'the singleton jobs');
      await sleep(400);
      assert.deepEqual(seen.sort(), [2, 3]);
    }));

    test('cancel removes the waiting job of a singleton key', () => withKit(dialect, async (kit) => {
      const queue = kit.queue();
      const seen: number[] = [];
      queue.handle(NoteJob, async ({ n }) => { seen.push(n); });
      const soon = new Date(Date.now() + 300);
      await queue.enqueue(NoteJob, { n: 1 }, { runAt: soon, singletonKey: 'article:1' });
      await queue.enqueue(NoteJob, { n: 2 }, { runAt: soon, singletonKey: 'article:2' });
      await queue.cancel(NoteJob, 'article:1');
      await queue.start();
      await waitFor(() => seen.length >= 1, 10_000, 'the other job');
      await sleep(500);
      assert.deepEqual(seen, [2]);
    }));

    test('every() runs a job again and again, one run at a time across processes', () => withKit(dialect, async (kit) => {
      let running = 0;
      let most = 0;
      let runs = 0;
      const started = Date.now();
      for (const queue of [kit.queue(), kit.queue()]) {
        queue.handle(TickJob, async () => {
          running++;
          most = Math.max(most, running);
          await sleep(100);
          running--;
          runs++;
        });
        await queue.every(TickJob, 1);
        await queue.start();
      }
      await waitFor(() => runs >= 3, 15_000, 'three runs');
      const elapsedSeconds = (Date.now() - started) / 1000;
      assert.equal(most, 1);
      assert.ok(runs <= Math.ceil(elapsedSeconds) + 1, `${runs} runs in ${elapsedSeconds} s`);
    }));

    test('a job enqueued before a restart runs after it', () => withKit(dialect, async (kit) => {
      const before = openDatabase(kit.testDb.target);
      const first = createJobQueue(before, { logger: kit.log.logger, now: () => new Date() });
      await first.enqueue(NoteJob, { n: 42 });
      await first.stop();
      await before.close();

      const queue = kit.queue();
      const seen: number[] = [];
      queue.handle(NoteJob, async ({ n }) => { seen.push(n); });
      await queue.start();
      await waitFor(() => seen.length === 1, 10_000, 'the stored job');
      assert.deepEqual(seen, [42]);
    }));

    test('stop() waits for running handlers', () => withKit(dialect, async (kit) => {
      const queue = kit.queue();
      let finished = false;
      let begun = false;
      queue.handle(NoteJob, async () => { begun = true; await sleep(300); finished = true; });
      await queue.start();
      await queue.enqueue(NoteJob, { n: 1 });
      await waitFor(() => begun, 10_000, 'the job to start');
      await queue.stop();
      assert.equal(finished, true);
    }));
  });
}
