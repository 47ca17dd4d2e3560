import { parseArgs } from '../cli/args.js';
import { CliUsageError, type CliCommand } from '../cli/command.js';
import { printJson, withRelais } from '../cli/with-relais.js';
import { pageHealth } from './pages/page-health.js';
import { listPages } from './pages/page-store.js';
import { DEFAULT_TEMPLATE } from './pages/save-page.js';
import { readToken } from './read-token.js';
import { CLI_ACTOR } from './relay-service.js';

/** `relais relay pages [--json]`: every page with its health (never its token). */
export const relayPagesCommand: CliCommand = {
  name: 'relay pages',
  summary: 'Liste les pages des réseaux sociaux et leur état',
  usage: 'relais relay pages [--json]',
  async run(args, ctx) {
    const { options, positionals } = parseArgs(args, { json: 'flag' });
    if (positionals.length > 0) throw new CliUsageError(`Argument inattendu : « ${positionals[0]} ».`);
    return withRelais(ctx, async (relais) => {
      const pages = await listPages(relais.db.kysely);
      if (options['json']) {
        printJson(ctx, pages.map(({ credentials: _secret, ...page }) => page));
        return 0;
      }
      if (pages.length === 0) ctx.stdout.write('Aucune page : ajoutez-en une avec « relais relay pages add ».\n');
      for (const p of pages) {
        const health = pageHealth(p, relais.now());
        ctx.stdout.write(`${p.id}\t${p.network}\t${p.name}\t${p.audience}\t${health}${p.token_hint ? `\tjeton …${p.token_hint}` : ''}${p.last_error && health === 'En erreur' ? `\n\t${p.last_error}` : ''}\n`);
      }
      return 0;
    });
  },
};

/** `relais relay pages add <network> --name … --audience … [--instance …] [--account …] (--token-file f | stdin | --token t)`. */
export const relayPagesAddCommand: CliCommand = {
  name: 'relay pages add',
  summary: 'Ajoute une page d’un réseau social (jeton chiffré)',
  usage: 'relais relay pages add <réseau> --name <nom> --audience <public> [--instance <url>] [--account <identifiant>] [--hashtags "#a #b"] [--no-emoji] (--token-file <fichier> | --token <jeton> | jeton sur l’entrée standard)',
  async run(args, ctx) {
    const { options, positionals } = parseArgs(args, {
      name: 'value', audience: 'value', instance: 'value', account: 'value', token: 'value', 'token-file': 'value', hashtags: 'value', 'no-emoji': 'flag',
    });
    if (positionals.length !== 1) throw new CliUsageError('Indiquez le réseau (mastodon, bluesky, facebook, linkedin, x, threads), et un seul.');
    const text = (name: string) => (typeof options[name] === 'string' ? options[name] as string : undefined);
    if (!text('name') || !text('audience')) throw new CliUsageError('Les options --name et --audience sont obligatoires.');
    const token = await readToken({ token: text('token'), file: text('token-file') }, ctx.stdin, (t) => ctx.stderr.write(t));
    return withRelais(ctx, async (relais) => {
      const { page, warning } = await relais.relay.addPage({
        network: positionals[0]!, name: text('name')!, audience: text('audience')!, instance: text('instance'), accountId: text('account'), token,
        template: { ...DEFAULT_TEMPLATE, hashtags: text('hashtags') ?? '', emojiAllowed: !options['no-emoji'] },
      }, null);
      ctx.stdout.write(`Page ajoutée (n° ${page.id}) : ${page.name} (${page.network}, ${page.audience}), jeton enregistré${page.token_hint ? ` (…${page.token_hint})` : ''}.\n`);
      if (warning) ctx.stderr.write(`La vérification du jeton a échoué : ${warning}\n`);
      return 0;
    });
  },
};

/** `relais relay draft <article-slug> [--pages a,b] [--json]`: one draft per page. */
export const relayDraftCommand: CliCommand = {
  name: 'relay draft',
  summary: 'Prépare une publication par page pour un article',
  usage: 'relais relay draft <adresse-de-l-article> [--pages a,b] [--json]',
  async run(args, ctx) {
    const { options, positionals } = parseArgs(args, { pages: 'value', json: 'flag' });
    if (positionals.length !== 1) throw new CliUsageError('Indiquez l’adresse (slug) d’un article, et une seule.');
    const pages = typeof options['pages'] === 'string' ? options['pages'].split(',').map((p) => p.trim()).filter(Boolean) : undefined;
    return withRelais(ctx, async (relais) => {
      const drafted = await relais.relay.draftFromArticle(CLI_ACTOR, positionals[0]!, pages);
      const rows = drafted.map((d) => ({ id: d.variant.id, page: d.page.name, text: d.variant.text, length: d.length, limit: d.limit }));
      if (options['json']) {
        printJson(ctx, rows);
        return 0;
      }
      for (const r of rows) {
        ctx.stdout.write(`n° ${r.id}\t${r.page}\t${r.length} / ${r.limit}${r.length > r.limit ? '\tTROP LONG' : ''}\n${r.text.replace(/^/gm, '\t')}\n\n`);
      }
      return 0;
    });
  },
};

/** `relais relay approve <variant-id> [--at <ISO time>]`: straight to scheduled, as an administrator. */
export const relayApproveCommand: CliCommand = {
  name: 'relay approve',
  summary: 'Approuve et programme une publication (maintenant ou à --at)',
  usage: 'relais relay approve <n°> [--at 2026-12-01T09:00:00+01:00]',
  async run(args, ctx) {
    const { options, positionals } = parseArgs(args, { at: 'value' });
    const id = Number(positionals[0]);
    if (positionals.length !== 1 || !Number.isSafeInteger(id) || id <= 0) throw new CliUsageError('Indiquez le numéro d’une publication, et un seul.');
    let at: Date | undefined;
    if (typeof options['at'] === 'string') {
      at = new Date(options['at']);
      if (!/^\d{4}-\d\d-\d\d/.test(options['at']) || Number.isNaN(at.getTime())) throw new CliUsageError(`Date invalide : « ${options['at']} » (format ISO 8601, par exemple 2026-12-01T09:00:00+01:00).`);
    }
    return withRelais(ctx, async (relais) => {
      const variant = await relais.relay.approve(CLI_ACTOR, id, at);
      ctx.stdout.write(`Publication n° ${variant.id} approuvée, programmée pour ${variant.next_attempt_at}.\n`);
      return 0;
    });
  },
};

/** `relais relay run --once`: publishes what is due and prints each outcome. */
export const relayRunCommand: CliCommand = {
  name: 'relay run',
  summary: 'Publie une fois les publications à échéance',
  usage: 'relais relay run --once',
  async run(args, ctx) {
    const { options, positionals } = parseArgs(args, { once: 'flag' });
    if (positionals.length > 0 || !options['once']) throw new CliUsageError('Seul le passage unique (--once) existe ; la publication continue est le travail de « relais worker ».');
    return withRelais(ctx, async (relais) => {
      const outcomes = await relais.relay.publishDue();
      const labels = { published: 'publiée', found: 'déjà publiée (retrouvée)', retry: 'nouvel essai prévu', failed: 'échec', 'lost-claim': 'reprise ailleurs' } as const;
      for (const o of outcomes) ctx.stdout.write(`n° ${o.variantId}\t${o.page}\t${labels[o.outcome]}\t${o.detail}\n`);
      const count = (kind: keyof typeof labels) => outcomes.filter((o) => o.outcome === kind).length;
      ctx.stdout.write(`${count('published') + count('found')} publiée(s), ${count('retry')} à réessayer, ${count('failed')} en échec.\n`);
      return 0;
    });
  },
};

/** Every `relais relay …` command. */
export const relayCommands: readonly CliCommand[] = [relayPagesCommand, relayPagesAddCommand, relayDraftCommand, relayApproveCommand, relayRunCommand];
