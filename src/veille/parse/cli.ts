import { readFile } from 'node:fs/promises';
import type { Writable } from 'node:stream';
import { parseArgs } from '../../cli/args.js';
import { CliUsageError, type CliCommand, type CliContext } from '../../cli/command.js';
import { parseConfig } from '../../config.js';
import { createGuardedFetch } from '../fetch/create-guarded-fetch.js';
import { canonicalLink } from '../normalize/canonical-link.js';
import { FEED_ACCEPT } from './feed-accept.js';
import { readFeed, type FeedReading } from './parse-feed.js';
import type { FeedEntry } from './parsed-feed.js';

const MAX_BYTES = 10 * 1024 * 1024;

function write(stream: Writable, text: string): Promise<void> {
  return new Promise((resolve, reject) => stream.write(text, (error) => (error ? reject(error) : resolve())));
}

/**
 * A file read as bytes, or a URL fetched (`http:` / `https:`) through the guarded client — never
 * into a private network unless `FETCH_ALLOW_HOSTS` says so — then parsed.
 */
async function readSource(source: string, env: CliContext['env']): Promise<FeedReading> {
  if (/^https?:\/\//i.test(source)) {
    const config = parseConfig(env);
    const fetchResource = createGuardedFetch({ publicUrl: config.publicUrl, allowHosts: config.fetchAllowHosts, maxBodyBytes: MAX_BYTES });
    const fetched = await fetchResource(source, { headers: { accept: FEED_ACCEPT } });
    // No ETag or date was sent: a 304 is a server's mistake, not a feed.
    if (fetched.status !== 'ok') throw new Error('le serveur a répondu « non modifié » sans qu’on le lui demande');
    return readFeed(Buffer.from(fetched.body), { url: fetched.url, contentType: fetched.contentType, maxBytes: MAX_BYTES });
  }
  return readFeed(await readFile(source), { maxBytes: MAX_BYTES });
}

/**
 * The entries as printed: each with its `canonical_link` beside its own `link` — the form used for
 * de-duplication (issue 6), which may drop tracking parameters and the fragment the link keeps.
 */
function printedEntries(entries: readonly FeedEntry[]): object[] {
  return entries.map((entry) => {
    const canonical = canonicalLink(entry.link);
    return canonical === undefined ? entry : { ...entry, canonical_link: canonical };
  });
}

/** Why a file could not be read, in French, without a stack. */
function describeFailure(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'fichier introuvable';
  if (code === 'EISDIR') return 'c’est un dossier, pas un fichier';
  if (code === 'EACCES') return 'lecture du fichier refusée';
  return error instanceof Error ? error.message : String(error);
}

/** `--jsonl FILE...`: one line per file, in order; a file that is not a feed at all gets `"error"`. */
async function runJsonl(files: readonly string[], ctx: CliContext): Promise<number> {
  let failures = 0;
  for (const file of files) {
    let line: string;
    try {
      const { format, parsed } = await readSource(file, ctx.env);
      if (format === undefined) throw new Error(parsed.problems.at(-1));
      line = JSON.stringify({ file, feed: parsed.feed, entries: printedEntries(parsed.entries), problems: parsed.problems });
    } catch (error) {
      failures++;
      line = JSON.stringify({ file, error: describeFailure(error) });
    }
    await write(ctx.stdout, `${line}\n`);
  }
  return failures === 0 ? 0 : 1;
}

function summary({ format, parsed }: FeedReading): string {
  const lines = [
    `Format : ${format === undefined ? 'non reconnu' : { rss: 'RSS', atom: 'Atom', json: 'JSON Feed' }[format]}`,
    `Titre : ${parsed.feed.title ?? '(sans titre)'}`,
    `Entrées : ${parsed.entries.length}`,
    ...parsed.entries.slice(0, 10).map((entry) => `  - ${entry.published ?? '          '} ${entry.title ?? '(sans titre)'}`),
    ...parsed.problems.map((problem) => `Problème : ${problem}`),
  ];
  return `${lines.join('\n')}\n`;
}

/**
 * `relais feed parse <fichier-ou-url> [--json]` and `relais feed parse --jsonl FICHIER...`
 * (issue 6): parses feeds liberally and prints the normalised result —
 * `--json` the whole object, `--jsonl` one object per line with its `"file"`,
 * otherwise a short French summary. Exits with 1 when a document is not a
 * feed at all (or a file cannot be read).
 */
export const feedParseCommand: CliCommand = {
  name: 'feed parse',
  summary: 'Lit un flux RSS, Atom ou JSON Feed et affiche sa forme normalisée',
  usage: 'relais feed parse <fichier-ou-url> [--json] | relais feed parse --jsonl FICHIER...',
  async run(args, ctx) {
    const { positionals, options } = parseArgs(args, { json: 'flag', jsonl: 'flag' });
    if (options['jsonl']) {
      if (positionals.length === 0) throw new CliUsageError('Indiquez au moins un fichier.');
      return runJsonl(positionals, ctx);
    }
    if (positionals.length !== 1) throw new CliUsageError('Indiquez un fichier ou une adresse, et un seul.');
    const source = positionals[0]!;
    let reading: FeedReading;
    try {
      reading = await readSource(source, ctx.env);
    } catch (error) {
      await write(ctx.stderr, `Impossible de lire « ${source} » : ${describeFailure(error)}.\n`);
      return 1;
    }
    const { feed, entries, problems } = reading.parsed;
    const printed = { feed, entries: printedEntries(entries), problems };
    await write(ctx.stdout, options['json'] ? `${JSON.stringify(printed, null, 2)}\n` : summary(reading));
    return reading.format === undefined ? 1 : 0;
  },
};
