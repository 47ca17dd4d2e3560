import type { CliCommand } from '../cli/command.js';
import { parseArgs } from '../cli/args.js';
import { printJson, withRelais } from '../cli/with-relais.js';
import { ensureFooterPages } from './demo/load-demo-content.js';
import { loadDemo } from '../site/load-demo.js';
import { listArticlesForEditors, listSections } from './store.js';

/** `relais article list [--json]`: every article with its status, section and dates. */
export const articleListCommand: CliCommand = {
  name: 'article list',
  summary: 'Liste les articles (tous statuts)',
  usage: 'relais article list [--json]',
  async run(args, ctx) {
    const { options } = parseArgs(args, { json: 'flag' });
    await withRelais(ctx, async (relais) => {
      const [articles, sections] = await Promise.all([
        listArticlesForEditors(relais.db.kysely, { kind: 'article', limit: 1_000_000, offset: 0 }),
        listSections(relais.db.kysely),
      ]);
      const sectionTitle = new Map(sections.map((s) => [s.id, s.title]));
      const rows = articles.map((a) => ({
        id: a.id, slug: a.slug, title: a.title, status: a.status,
        section: a.sectionId === null ? null : sectionTitle.get(a.sectionId) ?? null,
        publishedAt: a.publishedAt, createdAt: a.createdAt, updatedAt: a.updatedAt,
      }));
      if (options.json) return printJson(ctx, rows);
      if (rows.length === 0) {
        ctx.stdout.write('Aucun article.\n');
        return;
      }
      for (const r of rows) {
        ctx.stdout.write(`${String(r.id).padStart(5)}  ${r.status.padEnd(9)}  ${(r.publishedAt ?? '—').slice(0, 10)}  ${r.slug}  ${r.title}${r.section ? `  [${r.section}]` : ''}\n`);
      }
    });
    return 0;
  },
};

/** `relais demo`: loads the demo content into a site that has no article yet. */
export const demoCommand: CliCommand = {
  name: 'demo',
  summary: 'Charge le contenu de démonstration (site sans article)',
  usage: 'relais demo',
  async run(_args, ctx) {
    return withRelais(ctx, async (relais) => {
      await ensureFooterPages(relais);
      const { articles: count, veilleItems, relayDrafts } = await loadDemo(relais, null);
      if (count === 0) {
        ctx.stderr.write('Le site contient déjà des articles : le contenu de démonstration n’a pas été chargé.\n');
        return 1;
      }
      ctx.stdout.write(`Contenu de démonstration chargé : ${count} articles, ${veilleItems} articles de veille, ${relayDrafts} brouillon de relais.\n`);
      return 0;
    });
  },
};
