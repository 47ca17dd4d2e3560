import type { Writable } from 'node:stream';

/** Reports how far each table is: items done / total. */
export interface ImportProgress {
  start(label: string, total: number): void;
  advance(count?: number): void;
  finish(): void;
}

/**
 * Progress on standard error: on a terminal, one line per table redrawn in place (at most every
 * 100 ms); elsewhere (a log, a pipe) one plain line per table when it is done.
 */
export function createImportProgress(stream: Writable & { isTTY?: boolean }, now: () => number = Date.now): ImportProgress {
  const tty = stream.isTTY === true;
  let label = '';
  let total = 0;
  let done = 0;
  let drawnAt = 0;
  const line = () => `${label} : ${done}/${total}`;
  const draw = () => {
    stream.write(`\r\u001b[2K${line()}`);
    drawnAt = now();
  };
  return {
    start(name, count) {
      label = name;
      total = count;
      done = 0;
      if (tty) draw();
    },
    advance(count = 1) {
      done += count;
      if (tty && now() - drawnAt >= 100) draw();
    },
    finish() {
      if (tty) {
        draw();
        stream.write('\n');
      } else {
        stream.write(`${line()}\n`);
      }
    },
  };
}

/** Progress that shows nothing (tests, library use). */
export const SILENT_PROGRESS: ImportProgress = Object.freeze({ start() {}, advance() {}, finish() {} });
