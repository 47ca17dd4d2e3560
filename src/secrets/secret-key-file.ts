import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { secretKeyFile } from './secret-key.js';

/** Where a new key waits until its rotation commits: beside `secret.key`, so the rename is atomic. */
export function stagedSecretKeyFile(dataDir: string): string {
  return secretKeyFile(dataDir) + '.new';
}

/**
 * Writes the new key to `secret.key.new` (owner-only, flushed to disk) before the rotation
 * commits: if the process dies between commit and rename, the key the database now expects
 * is still on disk.
 */
export function stageSecretKeyFile(dataDir: string, key: string): void {
  const file = stagedSecretKeyFile(dataDir);
  rmSync(file, { force: true });
  const fd = openSync(file, 'wx', 0o600);
  try {
    writeSync(fd, key + '\n');
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Replaces `secret.key` with the staged key (atomic rename, then the folder is flushed). */
export function installStagedSecretKeyFile(dataDir: string): void {
  renameSync(stagedSecretKeyFile(dataDir), secretKeyFile(dataDir));
  const dir = openSync(dirname(secretKeyFile(dataDir)), 'r');
  try {
    fsyncSync(dir);
  } finally {
    closeSync(dir);
  }
}

/** Removes the staged key after a failed rotation. */
export function discardStagedSecretKeyFile(dataDir: string): void {
  rmSync(stagedSecretKeyFile(dataDir), { force: true });
}
