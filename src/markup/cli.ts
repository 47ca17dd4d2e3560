import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { CliUsageError, type CliCommand } from '../cli/command.js';
import type { Profile } from './render-options.js';
import { renderSpip } from './render-spip.js';

interface MarkupFlags {
  readonly profile: Profile;
  readonly notes: boolean;
  readonly jsonl: boolean;
}

function parseFlags(args: readonly string[]): MarkupFlags {
  const known = new Set(['--forum', '--notes', '--jsonl']);
  const unknown = args.find((arg) => !known.has(arg));
  if (unknown !== undefined) throw new CliUsageError(`option inconnue : ${unknown}`);
  return { profile: args.includes('--forum') ? 'forum' : 'article', notes: args.includes('--notes'), jsonl: args.includes('--jsonl') };
}

async function readAll(stream: Readable): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

function write(stream: Writable, text: string): Promise<void> {
  return new Promise((resolve, reject) => stream.write(text, (error) => (error ? reject(error) : resolve())));
}

/** One JSON line `{"id", "text"}` → `{"id", "html", "notes"}`; a bad line gives `{"id", "error"}`. */
function renderLine(line: string, profile: Profile): { readonly output: string; readonly ok: boolean } {
  let id: unknown = null;
  try {
    const input: unknown = JSON.parse(line);
    if (typeof input !== 'object' || input === null) throw new Error('une ligne doit être un objet JSON');
    id = 'id' in input ? input.id : null;
    const text = 'text' in input ? input.text : undefined;
    if (typeof text !== 'string') throw new Error('le champ "text" doit être une chaîne');
    const { html, notes } = renderSpip(text, { profile });
    return { output: JSON.stringify({ id, html, notes }), ok: true };
  } catch (error) {
    return { output: JSON.stringify({ id, error: (error as Error).message }), ok: false };
  }
}

async function runJsonl(flags: MarkupFlags, stdin: Readable, stdout: Writable): Promise<number> {
  let failures = 0;
  const lines = createInterface({ input: stdin, crlfDelay: Infinity });
  for await (const line of lines) {
    if (line.trim() === '') continue;
    const { output, ok } = renderLine(line, flags.profile);
    if (!ok) failures++;
    await write(stdout, `${output}\n`);
  }
  return failures === 0 ? 0 : 1;
}

/**
 * `relais markup [--forum] [--notes] [--jsonl]` (MARKUP.md, "The interface"):
 * renders standard input with the default resolvers (SPIP's link pattern,
 * no documents). `--notes` appends the notes block; `--jsonl` renders one
 * JSON object per line, in order, and exits with 1 if a line was invalid.
 */
export const markupCommand: CliCommand = {
  name: 'markup',
  summary: 'Rend du texte SPIP (raccourcis typographiques) en HTML',
  usage: 'relais markup [--forum] [--notes] [--jsonl]',
  async run(args, ctx) {
    const flags = parseFlags(args);
    if (flags.jsonl) return runJsonl(flags, ctx.stdin, ctx.stdout);
    const { html, notes } = renderSpip(await readAll(ctx.stdin), { profile: flags.profile });
    await write(ctx.stdout, `${html}\n${flags.notes && notes ? `${notes}\n` : ''}`);
    return 0;
  },
};
