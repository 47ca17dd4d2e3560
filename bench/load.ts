// The load generators the benchmarks share: wrk when installed (a separate, lighter client), else autocannon.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';

/** Whether wrk is installed. */
export const WRK = (() => {
  try {
    execFileSync('wrk', ['--version'], { stdio: 'ignore' });
    return true;
  } catch (error) {
    // wrk prints its version and exits 1; only a missing binary is "not installed".
    return (error as NodeJS.ErrnoException).code !== 'ENOENT';
  }
})();

const CONNECTIONS = 10;

/** The client used, for the report: "wrk, 10 connexions". */
export const LOAD_CLIENT = `${WRK ? 'wrk' : 'autocannon'}, ${CONNECTIONS} connexions`;

/** Requests per second on a GET at 10 connections; any non-2xx answer is an error. */
export async function requestsPerSecond(url: string, seconds: number): Promise<number> {
  if (WRK) {
    const output = execFileSync('wrk', ['-t', '1', '-c', String(CONNECTIONS), '-d', `${seconds}s`, url], { encoding: 'utf8' });
    if (/Non-2xx/.test(output)) throw new Error(`${url}: non-2xx responses`);
    return Number(/Requests\/sec:\s+([\d.]+)/.exec(output)?.[1]);
  }
  const result = await autocannon({ url, connections: CONNECTIONS, duration: seconds });
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`${url}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  return result.requests.average;
}

/** What a stream of form posts got: answers per second that were redirects (accepted) and the others. */
export interface PostOutcome {
  readonly acceptedPerSecond: number;
  readonly otherPerSecond: number;
  /** Answers that were not redirects, and connection errors. */
  readonly others: number;
  readonly total: number;
}

/**
 * Sends urlencoded form posts at 10 connections for `seconds`, each with its own body:
 * `prefix` then a counter (so no two are the same text). A 3xx answer counts as accepted.
 */
export async function formPostsPerSecond(url: string, cookie: string, prefix: string, seconds: number): Promise<PostOutcome> {
  const headers = { 'content-type': 'application/x-www-form-urlencoded', cookie };
  if (WRK) {
    const dir = mkdtempSync(join(tmpdir(), 'relais-bench-wrk-'));
    try {
      const script = join(dir, 'post.lua');
      writeFileSync(script, [
        'local n = 0',
        `local headers = ${luaTable(headers)}`,
        'request = function()',
        '  n = n + 1',
        `  return wrk.format("POST", ${luaString(new URL(url).pathname)}, headers, ${luaString(prefix)} .. n)`,
        'end',
      ].join('\n'));
      const output = execFileSync('wrk', ['-t', '1', '-c', String(CONNECTIONS), '-d', `${seconds}s`, '-s', script, url], { encoding: 'utf8' });
      const total = Number(/(\d+) requests in/.exec(output)?.[1]);
      const errors = [...output.matchAll(/(?:connect|read|write|timeout) (\d+)/g)].reduce((sum, m) => sum + Number(m[1]), 0);
      const others = Number(/Non-2xx or 3xx responses: (\d+)/.exec(output)?.[1] ?? 0) + errors;
      const perSecond = Number(/Requests\/sec:\s+([\d.]+)/.exec(output)?.[1]);
      return { acceptedPerSecond: perSecond * (total - others) / total, otherPerSecond: perSecond * others / total, others, total };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  let n = 0;
  const result = await autocannon({
    url, connections: CONNECTIONS, duration: seconds, method: 'POST', headers,
    requests: [{ setupRequest: (request) => ({ ...request, body: `${prefix}${++n}` }) }],
  });
  const others = result.non2xx - result['3xx'] + result.errors;
  const total = result.requests.total;
  return { acceptedPerSecond: (total - others) / seconds, otherPerSecond: others / seconds, others, total };
}

/** A Lua string literal: JSON's escapes are Lua's for ASCII, and every text given here is ASCII (urlencoded). */
function luaString(text: string): string {
  if (!/^[\x20-\x7e]*$/.test(text)) throw new Error('wrk script: ASCII text only');
  return JSON.stringify(text);
}

function luaTable(record: Readonly<Record<string, string>>): string {
  return `{ ${Object.entries(record).map(([k, v]) => `[${luaString(k)}] = ${luaString(v)}`).join(', ')} }`;
}
