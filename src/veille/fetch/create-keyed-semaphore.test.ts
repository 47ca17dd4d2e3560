import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { createKeyedSemaphore } from './create-keyed-semaphore.js';
import { createSemaphore } from './create-semaphore.js';

describe('semaphores', () => {
  test('hand out at most `limit` slots, in the order asked, and a slot given back twice counts once', async () => {
    const semaphore = createSemaphore(2);
    const order: number[] = [];
    const first = await semaphore.acquire();
    const second = await semaphore.acquire();
    const waiters = [3, 4].map((n) => semaphore.acquire().then((release) => (order.push(n), release)));
    await sleep(5);
    assert.deepEqual(order, []);
    assert.equal(semaphore.load, 4);
    first();
    first();
    await sleep(5);
    assert.deepEqual(order, [3]);
    second();
    for (const release of await Promise.all(waiters)) release();
    assert.deepEqual(order, [3, 4]);
    assert.equal(semaphore.load, 0);
    assert.throws(() => createSemaphore(0), RangeError);
  });

  test('limit each key separately', async () => {
    const perHost = createKeyedSemaphore(1);
    const a = await perHost.acquire('a.example.org');
    const b = await perHost.acquire('b.example.org');
    let secondA = false;
    const waiting = perHost.acquire('a.example.org').then((release) => ((secondA = true), release));
    await sleep(5);
    assert.equal(secondA, false);
    a();
    (await waiting)();
    b();
    assert.equal(secondA, true);
  });
});
