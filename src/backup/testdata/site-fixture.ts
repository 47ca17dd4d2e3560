import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseConfig } from '../../config.js';
import { openRelais } from '../../main.js';
import { writeSiteSettings } from '../../site/settings-store.js';

type Env = Readonly<Record<string, string | undefined>>;

/** Bytes of a media file that must come back unchanged (not valid UTF-8 on purpose). */
export const PHOTO = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x80, 0xfe]);

/** Fills a site: nested sections, published/draft/scheduled articles, users, settings, a media file. */
export async function fillSite(env: Env, dataDir: string): Promise<void> {
  const relais = await openRelais(parseConfig(env));
  try {
    const cli = { userId: null };
    const editor = await relais.accounts.addUser(null, { email: 'redaction@ville-exemple.fr', name: 'Rédaction', role: 'editor', password: 'une-phrase-de-passe-solide' });
    await relais.accounts.addUser(null, { email: 'maire@ville-exemple.fr', role: 'reader', password: 'une-autre-phrase-solide' });
    const news = await relais.blog.createSection(cli, { title: 'Actualités', parentId: null, description: 'La vie de la commune' });
    const jobs = await relais.blog.createSection(cli, { title: 'Emploi', parentId: news.id, description: '' });
    const base = { slug: undefined, lead: 'Le chapô.', credits: 'Mairie', publishedAt: undefined } as const;
    await relais.blog.createArticle({ userId: editor.id }, { ...base, title: 'Fête de la musique', sectionId: news.id, body: 'Le {{21 juin}}, place du marché.\n\nVenez nombreux !', status: 'published', publishedAt: new Date('2025-06-01T08:00:00Z') });
    await relais.blog.createArticle(cli, { ...base, title: 'Recrutement d’un·e agent·e', sectionId: jobs.id, body: 'Poste à pourvoir.', status: 'draft' });
    await relais.blog.createArticle(cli, { ...base, title: 'Conseil municipal', sectionId: null, body: 'Ordre du jour.', status: 'published', publishedAt: new Date('2099-01-01T18:00:00Z') });
    await writeSiteSettings(relais.db.kysely, { siteName: 'Ville-Exemple', timeZone: 'Europe/Paris' });
  } finally {
    await relais.close();
  }
  mkdirSync(join(dataDir, 'media', '2025', '06'), { recursive: true });
  writeFileSync(join(dataDir, 'media', '2025', '06', 'fete.jpg'), PHOTO);
}

/** What must survive a backup and restore: the rows of every table a visitor or editor sees. */
export async function snapshotSite(env: Env): Promise<Record<string, unknown[]>> {
  const relais = await openRelais(parseConfig(env));
  try {
    const db = relais.db.kysely;
    return {
      settings: await db.selectFrom('settings').selectAll().orderBy('key').execute(),
      sections: await db.selectFrom('sections').selectAll().orderBy('id').execute(),
      articles: await db.selectFrom('articles').selectAll().orderBy('id').execute(),
      users: await db.selectFrom('users').selectAll().orderBy('id').execute(),
    };
  } finally {
    await relais.close();
  }
}
