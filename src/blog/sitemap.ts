import type { Article, Section } from './article.js';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };
const xml = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

/** sitemap.xml (sitemaps.org 0.9): home, sections, footer pages and every public article. */
export function buildSitemap(publicUrl: string, sections: readonly Section[], pages: readonly Article[], articles: readonly Article[]): string {
  const urls = [
    { loc: `${publicUrl}/`, lastmod: articles[0]?.updatedAt },
    ...sections.map((s) => ({ loc: `${publicUrl}/rubrique/${s.slug}`, lastmod: undefined })),
    ...pages.map((p) => ({ loc: `${publicUrl}/page/${p.slug}`, lastmod: p.updatedAt })),
    ...articles.map((a) => ({ loc: `${publicUrl}/article/${a.slug}`, lastmod: a.updatedAt })),
  ];
  const body = urls.map((u) => `  <url><loc>${xml(u.loc)}</loc>${u.lastmod ? `<lastmod>${u.lastmod.slice(0, 10)}</lastmod>` : ''}</url>`).join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${body}\n</urlset>\n`;
}
