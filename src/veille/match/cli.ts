import { readFile } from 'node:fs/promises';
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Writable } from 'node:stream';
import { parseArgs } from '../../cli/args.js';
import { CliUsageError, type CliCommand } from '../../cli/command.js';
import { createWatchIndex } from './create-watch-index.js';
import { highlightMatches } from './highlight-matches.js';
import type { MatchableItem } from './matchable-item.js';
import { parseWatchQuery } from './parse-watch-query.js';
import { WatchQuerySyntaxError } from './watch-query-syntax-error.js';

/** The error's message, then the query with a caret under the position. */
function writeSyntaxError(stream: Writable, query: string, error: WatchQuerySyntaxError, prefix = ''): void {
  const line = query.replace(/[\t\r\n]/g, ' ');
  stream.write(`${prefix}${error.message}\n  ${line}\n  ${' '.repeat(error.position)}^\n`);
}

/** `relais watch test "<query>" --text "<text>"`: whether the text matches, and the text with the matched words marked. */
export const watchTestCommand: CliCommand = {
  name: 'watch test',
  summary: 'Essaie une requête de veille sur un texte : correspond-il, et quels mots ?',
  usage: 'relais watch test "<requête>" --text "<texte>" [--title "<titre>"]   (code 0 : correspond, 1 : ne correspond pas, 2 : requête incorrecte)',
  async run(args, ctx) {
    const { positionals, options } = parseArgs(args, { text: 'value', title: 'value' });
    if (positionals.length !== 1) throw new CliUsageError('Indiquez une requête, et une seule, entre guillemets.');
    if (typeof options['text'] !== 'string') throw new CliUsageError('Indiquez le texte à essayer avec --text.');
    const query = positionals[0]!;
    let parsed;
    try {
      parsed = parseWatchQuery(query);
    } catch (error) {
      if (!(error instanceof WatchQuerySyntaxError)) throw error;
      writeSyntaxError(ctx.stderr, query, error);
      return 2;
    }
    const title = typeof options['title'] === 'string' ? options['title'] : '';
    const text = options['text'];
    const index = createWatchIndex();
    index.set(1, parsed);
    const matched = index.match({ title, text }).length > 0;
    ctx.stdout.write(`${matched ? 'Correspond' : 'Ne correspond pas'}\n`);
    if (title !== '') ctx.stdout.write(`${highlightMatches(parsed, title)}\n`);
    ctx.stdout.write(`${highlightMatches(parsed, text)}\n`);
    return matched ? 0 : 1;
  },
};

/** Why a file could not be read, in French. */
function unreadable(file: string, error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  const why = code === 'ENOENT' ? 'fichier introuvable' : code === 'EISDIR' ? 'c’est un dossier' : code === 'EACCES' ? 'lecture refusée' : String(error);
  return `Impossible de lire ${file} : ${why}.\n`;
}

/** An item of the JSONL file, or why its line is not one. */
function readItem(line: string): { id: string; item: MatchableItem } | string {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return 'ce n’est pas du JSON';
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'un objet JSON est attendu';
  const record = value as Record<string, unknown>;
  if (typeof record['id'] !== 'string' && typeof record['id'] !== 'number') return '« id » manque (texte ou nombre)';
  const text = (key: string) => (typeof record[key] === 'string' ? record[key] : undefined);
  const source = Array.isArray(record['source']) ? record['source'].filter((s): s is string => typeof s === 'string') : text('source') === undefined ? undefined : [text('source')!];
  return {
    id: String(record['id']),
    item: {
      title: text('title') ?? '', text: text('text') ?? '',
      author: text('author'), site: text('site'), lang: text('lang'), source,
    },
  };
}

/**
 * `relais match --queries <file> --items <file.jsonl>`: the server's engine, offline. Prints
 * `id<TAB>line numbers of the matching queries` for each item, in order.
 */
export const matchCommand: CliCommand = {
  name: 'match',
  summary: 'Applique des requêtes de veille à des éléments (fichiers), avec le moteur du serveur',
  usage: 'relais match --queries <fichier, une requête par ligne> --items <fichier.jsonl, {"id","title","text"} par ligne>',
  async run(args, ctx) {
    const { positionals, options } = parseArgs(args, { queries: 'value', items: 'value' });
    if (positionals.length > 0) throw new CliUsageError(`Argument inattendu : ${positionals[0]}`);
    const queriesFile = options['queries'];
    const itemsFile = options['items'];
    if (typeof queriesFile !== 'string' || typeof itemsFile !== 'string') throw new CliUsageError('Indiquez --queries et --items.');
    const index = createWatchIndex();
    let invalid = 0;
    let lines: string[];
    try {
      lines = (await readFile(queriesFile, 'utf8')).split(/\r?\n/);
    } catch (error) {
      ctx.stderr.write(unreadable(queriesFile, error));
      return 1;
    }
    lines.forEach((line, i) => {
      if (line.trim() === '') return;
      try {
        index.set(i + 1, parseWatchQuery(line));
      } catch (error) {
        if (!(error instanceof WatchQuerySyntaxError)) throw error;
        writeSyntaxError(ctx.stderr, line, error, `${queriesFile}, ligne ${i + 1} : `);
        invalid++;
      }
    });
    if (invalid > 0) return 2;
    let failures = 0;
    let lineNumber = 0;
    let out = '';
    const input = createReadStream(itemsFile, 'utf8');
    const opened = await new Promise<unknown>((resolve) => input.once('ready', () => resolve(null)).once('error', resolve));
    if (opened !== null) {
      ctx.stderr.write(unreadable(itemsFile, opened));
      return 1;
    }
    for await (const line of createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY })) {
      lineNumber++;
      if (line.trim() === '') continue;
      const read = readItem(line);
      if (typeof read === 'string') {
        ctx.stderr.write(`${itemsFile}, ligne ${lineNumber} : ${read}.\n`);
        failures++;
        continue;
      }
      out += `${read.id}\t${index.match(read.item).join(',')}\n`;
      if (out.length > 64 * 1024) {
        ctx.stdout.write(out);
        out = '';
      }
    }
    ctx.stdout.write(out);
    return failures > 0 ? 1 : 0;
  },
};

/** The commands of the matching engine (`watch add` and `watch list` live in src/veille/watches/). */
export const matchCommands: readonly CliCommand[] = Object.freeze([watchTestCommand, matchCommand]);
