import { readFile } from 'node:fs/promises';
import { parseArgs } from '../../cli/args.js';
import { CliUsageError, type CliCommand, type CliContext } from '../../cli/command.js';
import { printJson, withRelais } from '../../cli/with-relais.js';
import type { AdapterKind } from '../adapters/adapters.js';
import { addSocialSource } from './add-social-source.js';
import { readTokenOption, SOCIAL_FIELD_OPTIONS, SOCIAL_SOURCE_OPTIONS, socialSourceInput, sourceKindOption } from './social-source-options.js';
import { SOURCE_KIND_LABELS } from './source-kind-labels.js';
import { sourcesTokenCommand } from './sources-token-command.js';
import { addFeedSource } from './add-feed-source.js';
import { importOpml } from './import-opml.js';
import { pollDepsOf } from './poll-deps-of.js';
import { pollDueSources } from './poll-due-sources.js';
import { enableSource, getSource, listSources } from './store.js';
import { feedOutlines, writeOpml } from './write-opml.js';

/** The one argument a command takes, or a usage error saying so. */
function singleArgument(args: readonly string[], message: string): string {
  const { positionals } = parseArgs(args, {});
  if (positionals.length !== 1) throw new CliUsageError(message);
  return positionals[0]!;
}

function plural(count: number, one: string, many: string): string {
  return `${count} ${count > 1 ? many : one}`;
}

/**
 * `relais sources add <url>`: adds a feed, or the feed a web page announces (several are listed to
 * choose from); with `--kind mastodon|bluesky|reddit|youtube`, a social source (`addSocialSource`).
 */
export const sourcesAddCommand: CliCommand = {
  name: 'sources add',
  summary: 'Ajoute une source de veille (flux, page web dont le flux est découvert, ou réseau social)',
  usage: 'relais sources add <adresse>\n'
    + '  relais sources add --kind mastodon --instance <instance> (--hashtag <mot-dièse> | --search "<mots>") [--token-file <fichier> | --token-stdin]\n'
    + '  relais sources add --kind bluesky --search "<mots>" [--language fr]\n'
    + '  relais sources add --kind reddit (--subreddit <nom> | --search "<mots>")\n'
    + '  relais sources add --kind youtube --channel <identifiant UC…>',
  async run(args, ctx) {
    const { positionals, options } = parseArgs(args, SOCIAL_SOURCE_OPTIONS);
    const kind = sourceKindOption(options);
    if (kind !== 'feed') return addSocial(kind, positionals, options, ctx);
    const social = Object.keys(options).filter((name) => name !== 'kind');
    if (social.length > 0) throw new CliUsageError(`--${social[0]} ne vaut que pour une source de réseau social : ajoutez --kind mastodon, bluesky, reddit ou youtube.`);
    if (positionals.length !== 1) throw new CliUsageError('Indiquez une adresse, et une seule.');
    const url = positionals[0]!;
    return withRelais(ctx, async (relais) => {
      const result = await addFeedSource({ db: relais.db.kysely, fetchResource: relais.fetchResource, now: relais.now }, url);
      switch (result.kind) {
        case 'added':
          ctx.stdout.write(`Source ajoutée (n° ${result.source.id}) : ${result.source.title || result.source.url}\n${result.source.url}\n`);
          return 0;
        case 'already-watched':
          ctx.stdout.write(`Cette source est déjà suivie (n° ${result.source.id}) : ${result.source.url}\n`);
          return 0;
        case 'several-feeds':
          ctx.stdout.write(`Cette page propose ${result.feeds.length} flux ; ajoutez celui de votre choix avec « relais sources add <adresse> » :\n`
            + result.feeds.map((f) => `  ${f.url}${f.title ? `  (${f.title})` : ''}\n`).join(''));
          return 1;
        case 'no-feed':
          ctx.stderr.write('Aucun flux RSS, Atom ou JSON Feed n’a été trouvé à cette adresse.\n');
          return 1;
        default: {
          const unknown: never = result;
          return unknown;
        }
      }
    });
  },
};

async function addSocial(kind: AdapterKind, positionals: readonly string[], options: Readonly<Record<string, string | true>>, ctx: CliContext): Promise<number> {
  if (positionals.length > 0) throw new CliUsageError(`Une source ${SOURCE_KIND_LABELS[kind]} se décrit par ses options, sans adresse.`);
  const token = await readTokenOption(kind, options, ctx.stdin, (text) => ctx.stderr.write(text));
  const input = { ...socialSourceInput(kind, options), ...(token === undefined ? {} : { token }) };
  return withRelais(ctx, async (relais) => {
    const result = await addSocialSource({ db: relais.db.kysely, keyring: relais.keyring, now: relais.now }, kind, input);
    switch (result.kind) {
      case 'added':
        ctx.stdout.write(`Source ajoutée (n° ${result.source.id}) : ${result.source.title}\n${result.source.url}\n`
          + (result.source.access_token ? 'Jeton d’accès enregistré (chiffré).\n' : ''));
        return 0;
      case 'already-watched':
        ctx.stdout.write(`Cette source est déjà suivie (n° ${result.source.id}) : ${result.source.url}\n`);
        return 0;
      case 'invalid':
        throw new CliUsageError(Object.entries(result.errors).map(([field, message]) => `${SOCIAL_FIELD_OPTIONS[field] ?? field} : ${message}`).join('\n'));
      default: {
        const unknown: never = result;
        return unknown;
      }
    }
  });
}

/** `relais sources list [--json]`: every source with its health. */
export const sourcesListCommand: CliCommand = {
  name: 'sources list',
  summary: 'Liste les sources de veille et leur état',
  usage: 'relais sources list [--json]',
  async run(args, ctx) {
    const { options } = parseArgs(args, { json: 'flag' });
    return withRelais(ctx, async (relais) => {
      const sources = await listSources(relais.db.kysely);
      if (options['json']) {
        // The token never leaves the database, not even encrypted: only whether there is one.
        printJson(ctx, sources.map(({ claimed_until: _held, access_token: token, ...source }) => ({ ...source, has_access_token: token !== null })));
        return 0;
      }
      if (sources.length === 0) ctx.stdout.write('Aucune source de veille.\n');
      for (const s of sources) {
        const health = s.status === 'paused' ? 'en pause' : s.last_status === 'error' ? `erreur (${s.error_count})` : s.last_status ? 'ok' : 'jamais consultée';
        ctx.stdout.write(`${s.id}\t${SOURCE_KIND_LABELS[s.kind] ?? s.kind}\t${health}\t${s.title || '(sans titre)'}\t${s.url}${s.last_error ? `\n\t${s.last_error}` : ''}\n`);
      }
      return 0;
    });
  },
};

/** `relais sources enable <id>`: a paused source (too many errors in a row) is polled again, at once. */
export const sourcesEnableCommand: CliCommand = {
  name: 'sources enable',
  summary: 'Réactive une source de veille mise en pause',
  usage: 'relais sources enable <n°>',
  async run(args, ctx) {
    const id = Number(singleArgument(args, 'Indiquez le numéro d’une source, et un seul.'));
    if (!Number.isSafeInteger(id) || id <= 0) throw new CliUsageError('Le numéro d’une source est un entier positif (voir « relais sources list »).');
    return withRelais(ctx, async (relais) => {
      const source = await getSource(relais.db.kysely, id);
      if (!source) {
        ctx.stderr.write(`Aucune source n° ${id}.\n`);
        return 1;
      }
      await enableSource(relais.db.kysely, id, relais.now());
      ctx.stdout.write(`Source réactivée, consultée à la prochaine tournée : ${source.title || source.url}\n`);
      return 0;
    });
  },
};

/** `relais sources import <file.opml>`: adds every feed of an OPML file; a bad line is reported and skipped. */
export const sourcesImportCommand: CliCommand = {
  name: 'sources import',
  summary: 'Importe des sources de veille depuis un fichier OPML',
  usage: 'relais sources import <fichier.opml>',
  async run(args, ctx) {
    const file = singleArgument(args, 'Indiquez un fichier OPML, et un seul.');
    const xml = await readFile(file, 'utf8').catch(() => {
      throw new CliUsageError(`Impossible de lire le fichier « ${file} ».`);
    });
    return withRelais(ctx, async (relais) => {
      const report = await importOpml(relais.db.kysely, xml, relais.now(), (done, total) => {
        if (done % 100 === 0 || done === total) ctx.stderr.write(`… ${done} / ${total}\n`);
      });
      for (const error of report.errors) ctx.stdout.write(`Ligne ${error.line} : ${error.message}\n`);
      ctx.stdout.write(`Import terminé : ${plural(report.added, 'source ajoutée', 'sources ajoutées')}, `
        + `${plural(report.alreadyWatched, 'déjà suivie', 'déjà suivies')}, ${plural(report.errors.length, 'erreur', 'erreurs')}.\n`);
      return report.errors.length === 0 ? 0 : 1;
    });
  },
};

/** `relais sources export`: every source as OPML 2.0 on standard output. */
export const sourcesExportCommand: CliCommand = {
  name: 'sources export',
  summary: 'Exporte les sources de veille en OPML 2.0',
  usage: 'relais sources export > sources.opml',
  async run(args, ctx) {
    parseArgs(args, {});
    return withRelais(ctx, async (relais) => {
      const sources = await listSources(relais.db.kysely);
      ctx.stdout.write(writeOpml(feedOutlines(sources), relais.now()));
      return 0;
    });
  },
};

/** `relais fetch --once`: polls every due source once and prints a summary (sources' failures are data on their rows, not a failed command). */
export const fetchOnceCommand: CliCommand = {
  name: 'fetch',
  summary: 'Consulte une fois chaque source de veille à échéance',
  usage: 'relais fetch --once',
  async run(args, ctx) {
    const { options } = parseArgs(args, { once: 'flag' });
    if (!options['once']) throw new CliUsageError('Seule la consultation unique (--once) existe ; la consultation continue est le travail de « relais worker ».');
    return withRelais(ctx, async (relais) => {
      const summary = await pollDueSources(pollDepsOf(relais));
      ctx.stdout.write(`${plural(summary.polled, 'source consultée', 'sources consultées')}, `
        + `${plural(summary.newItems, 'nouvel élément', 'nouveaux éléments')}, `
        + `${plural(summary.unchanged, 'inchangée', 'inchangées')}, ${plural(summary.errors, 'erreur', 'erreurs')}.\n`);
      return 0;
    });
  },
};

/** Every `relais sources …` command and `relais fetch`. */
export const sourcesCommands: readonly CliCommand[] = [sourcesAddCommand, sourcesListCommand, sourcesEnableCommand, sourcesTokenCommand, sourcesImportCommand, sourcesExportCommand, fetchOnceCommand];
