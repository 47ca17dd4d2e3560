import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderSpip } from '../../markup/render-spip.js';
import { DIALECTS } from '../../test-support/databases.js';
import { startTestSite } from '../../test-support/test-site.js';
import { listPublicArticles } from '../store.js';
import { DEMO_ARTICLES, DEMO_SECTIONS } from './demo-content.js';
import { FOOTER_PAGES } from './footer-pages.js';
import { ensureFooterPages, loadDemoContent } from './load-demo-content.js';
import { resolveDemoLinks } from './resolve-demo-links.js';

const allBodies = DEMO_ARTICLES.map((a) => a.body).join('\n\n');

/** Every article rendered, with `%art:key%` links resolved as the loader does. */
function renderAll(): string {
  const ids = new Map<string, number>();
  return DEMO_ARTICLES.map((a, i) => {
    const { html, notes } = renderSpip(resolveDemoLinks(a.body, ids), { profile: 'article' });
    ids.set(a.key, i + 1);
    return html + notes;
  }).join('\n');
}

test('the demo has three sections and eight or nine articles spread over two years', () => {
  assert.equal(DEMO_SECTIONS.length, 3);
  assert.ok(DEMO_ARTICLES.length >= 8 && DEMO_ARTICLES.length <= 9, `${DEMO_ARTICLES.length} articles`);
  for (const section of DEMO_SECTIONS) assert.ok(DEMO_ARTICLES.some((a) => a.section === section.key), section.key);
  const days = DEMO_ARTICLES.map((a) => a.daysAgo);
  assert.ok(Math.min(...days) <= 10 && Math.max(...days) >= 600, `from ${Math.min(...days)} to ${Math.max(...days)} days ago`);
  assert.equal(new Set(DEMO_ARTICLES.map((a) => a.key)).size, DEMO_ARTICLES.length, 'keys are unique');
  assert.ok(DEMO_ARTICLES.filter((a) => a.credits !== '').length > DEMO_ARTICLES.length / 2, 'most carry a credits line');
});

test('links between demo articles point only to older ones', () => {
  assert.doesNotThrow(() => renderAll());
  assert.throws(() => resolveDemoLinks('[->%art:inconnu%]', new Map()), /inconnu/);
});

test('the demo uses every SPIP shortcut across the set', () => {
  const shortcuts: Record<string, RegExp> = {
    'bold': /\{\{[^{]/, 'italic': /(^|[^{])\{[^{(]/m, 'heading': /\{\{\{/, 'bullet list': /^-\* /m, 'nested list': /^-\*\* /m,
    'numbered list': /^-# /m, 'dash bullet': /^- /m, 'table head': /^\| \{\{[^|]+\}\} \| \{\{/m, 'table caption': /^\|\| .+ \| .+ \|\|$/m,
    'quote': /<quote>/, 'inline code': /<code>[^\n]+<\/code>/, 'code block': /<code>\n/, 'cadre': /<cadre>/, 'poesie': /<poesie>/,
    'link with text': /\[[^\]|]+->https:/, 'bare link': /\[->https:/, 'link with title': /\[[^\]]+\|[^\]]+->/, 'glossary': /\[\?/,
    'article link': /\[->%art:/, 'mail': /\[->[^\]]+@/, 'note': /\[\[/, 'rule': /^----$/m, 'manual break': /^_ /m, 'guillemets': /« .+ »/,
  };
  const missing = Object.entries(shortcuts).filter(([, re]) => !re.test(allBodies)).map(([name]) => name);
  assert.deepEqual(missing, []);
});

test('the rendered demo carries SPIP’s classes for the theme to style', () => {
  const html = renderAll();
  for (const mark of ['<h2 class="spip">', '<ul class="spip"', '<ol class="spip"', '<thead>', '<caption>', 'spip_code_block',
    'spip_code_inline', 'spip_cadre', 'spip_poesie', 'spip-puce', 'spip_note_ref', 'spip_out', '<blockquote class="spip">',
    '<hr class="spip"', 'spip_glossaire', 'spip_mail', 'manualbr']) {
    assert.ok(html.includes(mark), mark);
  }
  assert.ok(!/&lt;tt|%art:/.test(html), 'no unresolved reference');
});

test('the footer pages are templates with their legal headings', () => {
  const [accessibility, legal, privacy] = FOOTER_PAGES.map((p) => p.body);
  for (const heading of ['État de conformité', 'Résultats des tests', 'Contenus non accessibles', 'Établissement de cette déclaration',
    'Retour d’information et contact', 'Voies de recours']) assert.ok(accessibility!.includes(`{{{${heading}}}}`), heading);
  for (const heading of ['Éditeur du site', 'Direction de la publication', 'Hébergement']) assert.ok(legal!.includes(`{{{${heading}}}}`), heading);
  assert.match(privacy!, /\{\{\{Vos droits\}\}\}/);
  for (const page of FOOTER_PAGES) assert.match(page.body, /à compléter/, page.slug);
});

for (const dialect of DIALECTS) {
  test(`loads the demo once, with resolved links, on ${dialect}`, async () => {
    const site = await startTestSite(dialect);
    try {
      await ensureFooterPages(site.relais);
      assert.equal(await loadDemoContent(site.relais), DEMO_ARTICLES.length);
      assert.equal(await loadDemoContent(site.relais), 0, 'a second load adds nothing');
      const articles = await listPublicArticles(site.relais.db.kysely, { now: site.relais.now(), limit: 50, offset: 0 });
      assert.equal(articles.length, DEMO_ARTICLES.length);
      const byTitle = new Map(articles.map((a) => [a.title, a]));
      const results = byTitle.get(DEMO_ARTICLES.find((a) => a.key === 'budget-resultats')!.title)!;
      const budget = byTitle.get(DEMO_ARTICLES.find((a) => a.key === 'budget')!.title)!;
      assert.ok(results.body.includes(`[->art${budget.id}]`), 'the %art:budget% link names the real id');
    } finally {
      await site.close();
    }
  });
}
