import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';

/**
 * A name for one outbox run, `host:pid:random`: what `claimed_by` holds, so a claim can be told
 * apart from every other run, and a run of this machine whose process is gone can be recognised.
 */
export function newWorkerIdentity(): string {
  return `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
}

/**
 * Whether a claim holder is a process of this machine that no longer exists (killed, crashed):
 * its variants need not wait for their lease. Holders of other machines are never presumed dead.
 */
export function isGoneWorker(holder: string): boolean {
  const [host, pidText] = holder.split(':');
  const pid = Number(pidText);
  if (host !== hostname() || !Number.isSafeInteger(pid) || pid <= 0 || pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    // EPERM: it exists, under another user.
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}
