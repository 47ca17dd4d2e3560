import Database from 'better-sqlite3';
import { createSpipSchema } from './spip-schema.js';

const WORDS = ['commune', 'conseil', 'travaux', 'école', 'fête', 'marché', 'élus', 'habitants', 'réunion', 'été', 'bibliothèque', 'déchetterie', 'voirie', 'associations'];

function sentence(seed: number, length: number): string {
  const words: string[] = [];
  for (let i = 0; i < length; i++) words.push(WORDS[(seed * 31 + i * 7) % WORDS.length]!);
  return words.join(' ');
}

/**
 * A SPIP 4 database of `articles` articles in 50 sections and `messages` forum messages (threads
 * of five: a first message and replies to it), for the import benchmark. Texts of a realistic
 * size with SPIP shortcuts, links between articles, and statuses mixed like a real site's.
 */
export function buildLargeSpipDatabase(file: string, size: { articles: number; messages: number }): void {
  const db = new Database(file);
  try {
    db.pragma('journal_mode = OFF');
    db.pragma('synchronous = OFF');
    createSpipSchema(db);
    db.transaction(() => {
      db.prepare("insert into spip_meta (nom, valeur) values ('nom_site', 'Commune de Banc-d’Essai'), ('forums_publics', 'posteriori'), ('langue_site', 'fr')").run();
      const rubrique = db.prepare("insert into spip_rubriques (id_rubrique, id_parent, titre, descriptif, statut) values (?, ?, ?, '', 'publie')");
      for (let r = 1; r <= 50; r++) rubrique.run(r, r <= 10 ? 0 : ((r - 1) % 10) + 1, `${String(r).padStart(2, '0')}. Rubrique ${r}`);
      const article = db.prepare(`insert into spip_articles (id_article, id_rubrique, titre, chapo, texte, ps, date, statut, accepter_forum, lang)
        values (?, ?, ?, ?, ?, '', ?, ?, ?, 'fr')`);
      const url = db.prepare("insert into spip_urls (url, type, id_objet, id_parent) values (?, 'article', ?, ?)");
      for (let a = 1; a <= size.articles; a++) {
        const paragraphs = Array.from({ length: 8 }, (_, p) => `${sentence(a + p, 40)} {{${WORDS[p % WORDS.length]}}} [voir aussi->art${((a * 7) % size.articles) + 1}].`);
        const status = a % 20 === 0 ? 'prop' : a % 33 === 0 ? 'refuse' : 'publie';
        const day = String((a % 28) + 1).padStart(2, '0');
        article.run(a, (a % 50) + 1, `Article numéro ${a} : ${sentence(a, 5)}`, `Chapô ${sentence(a, 20)}.`, paragraphs.join('\n\n'),
          `2023-${String((a % 12) + 1).padStart(2, '0')}-${day} 10:00:00`, status, a % 10 === 0 ? 'pri' : '');
        url.run(`article-numero-${a}`, a, (a % 50) + 1);
      }
      const forum = db.prepare(`insert into spip_forum (id_forum, id_objet, objet, id_parent, id_thread, date_heure, titre, texte, auteur, email_auteur, statut, ip)
        values (?, ?, 'article', ?, ?, ?, '', ?, ?, ?, ?, '192.0.2.1')`);
      for (let m = 1; m <= size.messages; m++) {
        const root = m - ((m - 1) % 5);
        const status = m % 50 === 0 ? 'spam' : m % 17 === 0 ? 'prop' : m % 97 === 0 ? 'privrac' : 'publie';
        forum.run(m, (Math.floor((root - 1) / 5) % size.articles) + 1, m === root ? 0 : m - 1, root, '2024-03-01 12:00:00',
          `Message ${m} : ${sentence(m, 30)}.`, `Habitant ${m % 500}`, `habitant${m % 500}@example.org`, status);
      }
    })();
  } finally {
    db.close();
  }
}
