import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../package-root.js';

/** A real `relais serve` process, started from source, and the address it listens on. */
export interface ServerProcess {
  /** `http://127.0.0.1:<port>`, the port the process chose (it starts with `PORT=0`). */
  readonly url: string;
  readonly child: ChildProcess;
  /** Everything it wrote so far (standard output, then standard error). */
  output(): string;
  /** SIGKILL: no shutdown, no goodbye; resolves once the process is gone. */
  kill(): Promise<void>;
  /** SIGTERM, then SIGKILL after 10 seconds; resolves with the exit code. */
  stop(): Promise<number | null>;
}

export interface ServerProcessOptions {
  /** Extra `node` flags (`--cpu-prof`, …). */
  readonly nodeArgs?: readonly string[];
  /** How long starting may take: a TypeScript child process is slow to start on a busy machine. */
  readonly timeoutMs?: number;
}

const LISTENING = /"msg":"Server listening at (http:\/\/127\.0\.0\.1:\d+)"/;
const ONLINE = 'Relais est en ligne';

/**
 * Starts `relais serve` in a child process on 127.0.0.1 and a free port, with only the given
 * environment (plus PATH and HOME), and waits until it serves (on SQLite, background jobs too).
 *
 * @example
 * const server = await startServerProcess({ DATA_DIR: dir, RELAIS_DEMO: '0' });
 * await fetch(`${server.url}/`);
 * await server.stop();
 */
export async function startServerProcess(env: Readonly<Record<string, string>>, options: ServerProcessOptions = {}): Promise<ServerProcess> {
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), '--import', 'tsx', join(PACKAGE_ROOT, 'src/cli.ts'), 'serve'], {
    cwd: PACKAGE_ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', LOG_LEVEL: 'info', ...env, PORT: '0', HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk: Buffer) => { stdout += chunk.toString(); });
  child.stderr!.on('data', (chunk: Buffer) => { stderr += chunk.toString(); });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const gone = () => child.exitCode !== null || child.signalCode !== null;
  const server: ServerProcess = {
    url: '',
    child,
    output: () => `${stdout}\n${stderr}`,
    async kill() {
      if (!gone()) child.kill('SIGKILL');
      await exited;
    },
    async stop() {
      if (!gone()) child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      try {
        return await exited;
      } finally {
        clearTimeout(timer);
      }
    },
  };
  const deadline = Date.now() + (options.timeoutMs ?? 60_000);
  while (!(LISTENING.test(stderr) && stdout.includes(ONLINE))) {
    if (gone() || Date.now() > deadline) {
      await server.kill();
      throw new Error(`relais serve did not start (exit ${child.exitCode ?? child.signalCode ?? 'none, too slow'}):\n${server.output()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return { ...server, url: LISTENING.exec(stderr)![1]! };
}
