import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import sharp from 'sharp';
import { createSpipSchema } from './spip-schema.js';

/** Where a built fixture lives: the SPIP database file and its `IMG/` folder. */
export interface SpipFixture {
  readonly file: string;
  readonly imgDir: string;
}

/** SPIP's date format, in the site's local time (Europe/Paris for the fixture). */
function spipDate(date: Date): string {
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23',
  }).formatToParts(date).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}:${parts.second}`;
}

const DAY = 86_400_000;

async function image(width: number, height: number, colour: string, format: 'jpeg' | 'png'): Promise<Buffer> {
  const base = sharp({ create: { width, height, channels: 3, background: colour } });
  return format === 'jpeg' ? base.jpeg().toBuffer() : base.png().toBuffer();
}

function insert(db: Database.Database, table: string, rows: readonly Record<string, unknown>[]): void {
  for (const row of rows) {
    const columns = Object.keys(row);
    db.prepare(`INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`).run(row);
  }
}

/**
 * Builds a small SPIP 4 site in `dir` (`spip.sqlite` and `IMG/`): the commune of Saint-Éloi with
 * nested sections, articles in every status, threaded forum messages in every status, authors of
 * every kind, images with and without titles, a PDF, a remote document, a missing file, old-style
 * logos (`arton12.jpg`, `rubon3.png`) and a SPIP 4 logo document, "propres" URLs, and a plugin's
 * table. `now` dates the recent forum message (its address is kept) and the old one (not kept).
 */
export async function buildSpipFixture(dir: string, now = new Date()): Promise<SpipFixture> {
  const file = join(dir, 'spip.sqlite');
  const imgDir = join(dir, 'IMG');
  for (const sub of ['', 'jpg', 'png', 'pdf']) mkdirSync(join(imgDir, sub), { recursive: true });
  writeFileSync(join(imgDir, 'arton12.jpg'), await image(800, 450, '#2a6', 'jpeg'));
  writeFileSync(join(imgDir, 'rubon3.png'), await image(200, 200, '#a26', 'png'));
  writeFileSync(join(imgDir, 'jpg', 'marche.jpg'), await image(640, 480, '#c83', 'jpeg'));
  writeFileSync(join(imgDir, 'png', 'plan_travaux.png'), await image(300, 200, '#36c', 'png'));
  writeFileSync(join(imgDir, 'jpg', 'eglise.jpg'), await image(500, 300, '#777', 'jpeg'));
  writeFileSync(join(imgDir, 'png', 'affiche.png'), await image(300, 420, '#e50', 'png'));
  writeFileSync(join(imgDir, 'pdf', 'compte-rendu-conseil.pdf'), '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

  const db = new Database(file);
  try {
    createSpipSchema(db);
    const recent = spipDate(new Date(now.getTime() - 2 * DAY));
    db.transaction(() => {
      insert(db, 'spip_meta', [
        { nom: 'nom_site', valeur: 'Mairie de Saint-&Eacute;loi' },
        { nom: 'descriptif_site', valeur: 'Le site officiel de la commune de Saint-Éloi-sur-Loire' },
        { nom: 'adresse_site', valeur: 'https://www.saint-eloi.fr' },
        { nom: 'langue_site', valeur: 'fr' },
        { nom: 'forums_publics', valeur: 'posteriori' },
        { nom: 'type_urls', valeur: 'propres' },
        { nom: 'charset', valeur: 'utf-8' },
        { nom: 'version_installee', valeur: '2022080901' },
      ]);
      insert(db, 'spip_rubriques', [
        { id_rubrique: 1, id_parent: 0, titre: '01. Vie municipale', descriptif: 'Le conseil, les services, les élus.', id_secteur: 1, statut: 'publie', date: '2019-03-01 10:00:00' },
        { id_rubrique: 2, id_parent: 0, titre: '02. <multi>[fr]Culture &amp; loisirs[en]Culture and leisure</multi>', descriptif: '', id_secteur: 2, statut: 'publie', date: '2019-03-01 10:00:00' },
        { id_rubrique: 3, id_parent: 1, titre: 'Conseil municipal', descriptif: 'Comptes rendus et ordres du jour.', id_secteur: 1, statut: 'publie', profondeur: 1, date: '2019-03-02 10:00:00' },
      ]);
      const article = (a: Record<string, unknown>) => ({ id_secteur: 1, lang: 'fr', maj: '2024-06-02 09:00:00', date_redac: '0000-00-00 00:00:00', ...a });
      insert(db, 'spip_articles', [article({
        id_article: 12, id_rubrique: 2, id_secteur: 2, titre: 'Fête du village : le programme', soustitre: 'Trois jours de festivités',
        chapo: 'La {{fête}} revient les 21, 22 et 23 juin.',
        texte: "{{{Au programme}}}\n\n-* Vendredi : bal populaire\n-* Samedi : marché <img4|left>\n\nVoir aussi [les travaux->art13] et le [compte rendu->doc5].[[Sous réserve de la météo.]]\n\n<doc5>\n\nLe caf&eacute; de la place sera ouvert.",
        ps: 'Photos : service communication.', date: '2024-06-01 08:30:00', date_redac: '2024-05-20 00:00:00', statut: 'publie', accepter_forum: 'pos',
      }), article({
        id_article: 13, id_rubrique: 3, titre: 'Travaux rue de l&#8217;Église', chapo: '', texte: 'Le plan des travaux : <img6|center>\n\nRetour à [la fête->art12], à [la rubrique->rub1].',
        date: '2024-05-15 14:00:00', statut: 'publie', accepter_forum: '',
      }), article({ id_article: 14, id_rubrique: 3, titre: 'Budget 2025 (à relire)', texte: 'Proposé à la relecture.', date: '2024-06-03 10:00:00', statut: 'prop', accepter_forum: 'pri' }),
      article({ id_article: 15, id_rubrique: 3, titre: 'Brouillon du bulletin', texte: 'En cours de rédaction.', date: '0000-00-00 00:00:00', statut: 'prepa' }),
      article({ id_article: 16, id_rubrique: 3, titre: 'Article refusé', texte: 'Ne doit pas paraître.', date: '2024-01-10 10:00:00', statut: 'refuse' }),
      article({ id_article: 17, id_rubrique: 3, titre: 'Article à la poubelle', texte: 'Supprimé.', date: '2024-01-11 10:00:00', statut: 'poubelle' }),
      article({ id_article: 18, id_rubrique: 2, id_secteur: 2, titre: 'Atelier des habitants', texte: 'Forum réservé aux inscrits.', date: '2024-04-01 10:00:00', statut: 'publie', accepter_forum: 'abo' }),
      article({ id_article: 19, id_rubrique: 1, titre: 'Twinning with Sankt Eligius', texte: 'An article in English.', date: '2024-03-01 10:00:00', statut: 'publie', accepter_forum: 'non', lang: 'en' }),
      ]);
      insert(db, 'spip_auteurs', [
        { id_auteur: 1, nom: 'Marie Dupont', email: 'marie.dupont@saint-eloi.fr', login: 'mdupont', pass: 'x', statut: '0minirezo', webmestre: 'oui' },
        { id_auteur: 2, nom: 'Jean-Éric Lefèvre', email: 'je.lefevre@saint-eloi.fr', login: 'jelefevre', pass: 'x', statut: '1comite' },
        { id_auteur: 3, nom: 'Lucie Martin', email: 'lucie.martin@example.org', login: 'lucie', pass: 'x', statut: '6forum' },
        { id_auteur: 4, nom: 'Ancien compte', email: 'ancien@saint-eloi.fr', login: 'ancien', pass: 'x', statut: '5poubelle' },
        { id_auteur: 5, nom: 'Rédacteur sans adresse', email: '', login: 'sansadresse', pass: 'x', statut: '1comite' },
      ]);
      insert(db, 'spip_auteurs_liens', [
        { id_auteur: 1, id_objet: 12, objet: 'article' }, { id_auteur: 2, id_objet: 12, objet: 'article' },
        { id_auteur: 2, id_objet: 13, objet: 'article' }, { id_auteur: 5, id_objet: 14, objet: 'article' },
      ]);
      const forum = (f: Record<string, unknown>) => ({ objet: 'article', id_objet: 12, id_parent: 0, email_auteur: '', ip: '', date_heure: '2024-06-02 10:00:00', ...f });
      insert(db, 'spip_forum', [
        forum({ id_forum: 1, id_thread: 1, titre: 'Bravo', texte: 'Très belle initiative, merci à l&#8217;équipe !', auteur: 'Paul Girard', email_auteur: 'paul@example.org', statut: 'publie', ip: '192.0.2.10' }),
        forum({ id_forum: 2, id_parent: 1, id_thread: 1, titre: 'Re: Bravo', texte: 'Merci {Paul}, rendez-vous samedi.', auteur: 'Mairie', statut: 'publie', date_heure: '2024-06-02 11:00:00' }),
        forum({ id_forum: 3, id_parent: 2, id_thread: 1, titre: 'Re: Bravo', texte: 'Y aura-t-il des navettes ?', auteur: 'Anaïs', statut: 'prop', date_heure: '2024-06-02 12:00:00' }),
        forum({ id_forum: 4, id_thread: 4, titre: 'Hors sujet', texte: 'Message refusé par la modération.', auteur: 'Troll', statut: 'off', date_heure: '2024-06-02 13:00:00' }),
        forum({ id_forum: 5, id_thread: 5, titre: 'Promo', texte: 'Achetez [pas cher->http://spam.example]', auteur: 'Vendeur', statut: 'spam', date_heure: '2024-06-02 14:00:00' }),
        forum({ id_forum: 6, id_thread: 6, titre: 'Note interne', texte: 'Discussion entre rédacteurs.', auteur: 'Marie Dupont', statut: 'privrac', date_heure: '2024-06-02 15:00:00' }),
        forum({ id_forum: 7, objet: 'breve', id_objet: 2, id_thread: 7, titre: 'Sur une brève', texte: 'Message sur une brève.', auteur: 'Paul', statut: 'publie' }),
        forum({ id_forum: 8, id_objet: 13, id_thread: 8, titre: 'Gêne', texte: 'Les travaux commencent à quelle heure ?', auteur: 'Hélène Roux', email_auteur: 'helene@example.org', statut: 'publie', ip: '198.51.100.7', date_heure: recent }),
      ]);
      insert(db, 'spip_documents', [
        { id_document: 4, extension: 'jpg', titre: 'Le marché du samedi', descriptif: 'Les étals sur la place de l’église.', fichier: 'jpg/marche.jpg', taille: 0, largeur: 640, hauteur: 480, media: 'image', mode: 'image', credits: 'Ville de Saint-Éloi', date: '2024-05-30 10:00:00' },
        { id_document: 5, extension: 'pdf', titre: 'Compte rendu du conseil du 12 mai', fichier: 'pdf/compte-rendu-conseil.pdf', media: 'file', mode: 'document', date: '2024-05-30 10:00:00' },
        { id_document: 6, extension: 'png', titre: '', descriptif: '', fichier: 'png/plan_travaux.png', largeur: 300, hauteur: 200, media: 'image', mode: 'image', date: '2024-05-14 10:00:00' },
        { id_document: 7, extension: 'pdf', titre: 'Arrêté préfectoral', fichier: 'https://www.prefecture.example/arrete.pdf', distant: 'oui', media: 'file', mode: 'document', date: '2024-05-14 10:00:00' },
        { id_document: 8, extension: 'jpg', titre: 'Photo perdue', fichier: 'jpg/perdue.jpg', media: 'image', mode: 'image', date: '2024-05-14 10:00:00' },
        { id_document: 10, extension: 'png', titre: 'Affiche de la fête', fichier: 'png/affiche.png', largeur: 300, hauteur: 420, media: 'image', mode: 'document', date: '2024-05-30 10:00:00' },
        { id_document: 9, extension: 'jpg', titre: 'L’église Saint-Éloi', fichier: 'jpg/eglise.jpg', largeur: 500, hauteur: 300, media: 'image', mode: 'logoon', date: '2024-05-14 10:00:00' },
      ]);
      insert(db, 'spip_documents_liens', [
        { id_document: 4, id_objet: 12, objet: 'article' }, { id_document: 5, id_objet: 12, objet: 'article' }, { id_document: 10, id_objet: 12, objet: 'article', rang_lien: 1 },
        { id_document: 6, id_objet: 13, objet: 'article' }, { id_document: 7, id_objet: 13, objet: 'article' },
        { id_document: 8, id_objet: 13, objet: 'article' }, { id_document: 9, id_objet: 13, objet: 'article' },
      ]);
      insert(db, 'spip_urls', [
        { url: 'Fete-du-village-le-programme', type: 'article', id_objet: 12, id_parent: 2, segments: 1 },
        { url: 'Travaux-rue-de-l-Eglise', type: 'article', id_objet: 13, id_parent: 3, segments: 1 },
        { url: 'Budget-2025', type: 'article', id_objet: 14, id_parent: 3, segments: 1 },
        { url: 'Vie-municipale', type: 'rubrique', id_objet: 1, id_parent: 0, segments: 1 },
        { url: 'Culture-loisirs', type: 'rubrique', id_objet: 2, id_parent: 0, segments: 1 },
        { url: 'Conseil-municipal', type: 'rubrique', id_objet: 3, id_parent: 1, segments: 1 },
      ]);
      insert(db, 'spip_gis', [{ id_gis: 1, titre: 'Mairie', lat: 47.5, lon: 1.3, zoom: 14 }]);
    })();
  } finally {
    db.close();
  }
  return { file, imgDir };
}
