import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import type { CliCommand, CliContext } from '../cli/command.js';
import { runCli } from '../cli/run-cli.js';
import { PACKAGE_ROOT } from '../package-root.js';

export interface CliResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the real `relais` command (from source, through tsx) in a child process, with a time limit. */
export function runRelaisCli(args: readonly string[], env: Readonly<Record<string, string | undefined>>, input?: string, timeoutMs = 60_000): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(PACKAGE_ROOT, 'src/cli.ts'), ...args], {
      cwd: PACKAGE_ROOT,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', LOG_LEVEL: 'warn', ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
      timeout: timeoutMs,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => { stdout += chunk; });
    child.stderr.on('data', (chunk) => { stderr += chunk; });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input ?? '');
  });
}

/** Runs commands in this process on in-memory streams, as `relais` would dispatch them. */
export async function runCommandInMemory(
  commands: readonly CliCommand[],
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
  input = '',
): Promise<CliResult> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (chunk) => { out += String(chunk); });
  stderr.on('data', (chunk) => { err += String(chunk); });
  const ctx: CliContext = { stdin: Readable.from(input === '' ? [] : [input]), stdout, stderr, env };
  const code = await runCli(commands, argv, ctx);
  return { code, stdout: out, stderr: err };
}
