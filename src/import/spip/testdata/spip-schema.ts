import type BetterSqlite3 from 'better-sqlite3';

/**
 * The tables of a SPIP 4 site as SPIP itself declares them (`ecrire/base/serial.php` and
 * `auxiliaires.php`: same names, same columns, SQLite types as SPIP's SQLite driver maps them),
 * limited to those the import reads, plus `spip_urls` (plugin *urls étendues*, in the core since
 * SPIP 3) and a plugin's table the import must report as skipped.
 */
export const SPIP_SCHEMA = `
CREATE TABLE spip_meta (nom VARCHAR(255) NOT NULL PRIMARY KEY, valeur TEXT DEFAULT '', impt TEXT DEFAULT 'oui' NOT NULL, maj TIMESTAMP);
CREATE TABLE spip_rubriques (id_rubrique INTEGER PRIMARY KEY, id_parent INTEGER DEFAULT '0' NOT NULL,
  titre TEXT DEFAULT '' NOT NULL, descriptif TEXT DEFAULT '' NOT NULL, texte TEXT DEFAULT '' NOT NULL,
  id_secteur INTEGER DEFAULT '0' NOT NULL, maj TIMESTAMP, statut VARCHAR(10) DEFAULT '0' NOT NULL,
  date DATETIME DEFAULT '0000-00-00 00:00:00' NOT NULL, lang VARCHAR(10) DEFAULT '' NOT NULL,
  langue_choisie VARCHAR(3) DEFAULT 'non', statut_tmp VARCHAR(10) DEFAULT '0' NOT NULL,
  date_tmp DATETIME DEFAULT '0000-00-00 00:00:00' NOT NULL, profondeur INTEGER DEFAULT '0' NOT NULL);
CREATE TABLE spip_articles (id_article INTEGER PRIMARY KEY, surtitre TEXT DEFAULT '' NOT NULL, titre TEXT DEFAULT '' NOT NULL,
  soustitre TEXT DEFAULT '' NOT NULL, id_rubrique INTEGER DEFAULT '0' NOT NULL, descriptif TEXT DEFAULT '' NOT NULL,
  chapo TEXT DEFAULT '' NOT NULL, texte TEXT DEFAULT '' NOT NULL, ps TEXT DEFAULT '' NOT NULL,
  date DATETIME DEFAULT '0000-00-00 00:00:00' NOT NULL, statut VARCHAR(10) DEFAULT '0' NOT NULL,
  id_secteur INTEGER DEFAULT '0' NOT NULL, maj TIMESTAMP, export VARCHAR(10) DEFAULT 'oui',
  date_redac DATETIME DEFAULT '0000-00-00 00:00:00' NOT NULL, visites INTEGER DEFAULT '0' NOT NULL,
  referers INTEGER DEFAULT '0' NOT NULL, popularite DOUBLE DEFAULT '0' NOT NULL, accepter_forum CHAR(3) DEFAULT '' NOT NULL,
  date_modif DATETIME DEFAULT '0000-00-00 00:00:00' NOT NULL, lang VARCHAR(10) DEFAULT '' NOT NULL,
  langue_choisie VARCHAR(3) DEFAULT 'non', id_trad INTEGER DEFAULT '0' NOT NULL, nom_site TEXT DEFAULT '' NOT NULL,
  url_site TEXT DEFAULT '' NOT NULL, virtuel TEXT DEFAULT '' NOT NULL);
CREATE INDEX spip_articles_id_rubrique ON spip_articles (id_rubrique);
CREATE TABLE spip_auteurs (id_auteur INTEGER PRIMARY KEY, nom TEXT DEFAULT '' NOT NULL, bio TEXT DEFAULT '' NOT NULL,
  email TEXT DEFAULT '' NOT NULL, nom_site TEXT DEFAULT '' NOT NULL, url_site TEXT DEFAULT '' NOT NULL,
  login VARCHAR(255), pass TEXT DEFAULT '' NOT NULL, low_sec TEXT DEFAULT '' NOT NULL,
  statut VARCHAR(255) DEFAULT '0' NOT NULL, webmestre VARCHAR(3) DEFAULT 'non' NOT NULL, maj TIMESTAMP,
  pgp TEXT DEFAULT '' NOT NULL, htpass TEXT DEFAULT '' NOT NULL, en_ligne DATETIME DEFAULT '0000-00-00 00:00:00' NOT NULL,
  alea_actuel VARCHAR(255), alea_futur VARCHAR(255), prefs TEXT, cookie_oubli TEXT, source VARCHAR(10) DEFAULT 'spip' NOT NULL,
  lang VARCHAR(10) DEFAULT '' NOT NULL, imessage VARCHAR(3) DEFAULT '' NOT NULL, backup_cles TEXT DEFAULT '' NOT NULL);
CREATE TABLE spip_auteurs_liens (id_auteur INTEGER DEFAULT '0' NOT NULL, id_objet INTEGER DEFAULT '0' NOT NULL,
  objet VARCHAR(25) DEFAULT '' NOT NULL, vu VARCHAR(6) DEFAULT 'non' NOT NULL, PRIMARY KEY (id_auteur, id_objet, objet));
CREATE TABLE spip_documents (id_document INTEGER PRIMARY KEY, id_vignette INTEGER DEFAULT '0' NOT NULL,
  extension VARCHAR(10) DEFAULT '' NOT NULL, titre TEXT DEFAULT '' NOT NULL, date DATETIME DEFAULT '0000-00-00 00:00:00' NOT NULL,
  descriptif TEXT DEFAULT '' NOT NULL, fichier TEXT DEFAULT '' NOT NULL, taille INTEGER, largeur INTEGER, hauteur INTEGER,
  duree INTEGER, media VARCHAR(10) DEFAULT 'file' NOT NULL, mode VARCHAR(10) DEFAULT 'document' NOT NULL,
  distant VARCHAR(3) DEFAULT 'non', statut VARCHAR(10) DEFAULT '0' NOT NULL,
  date_publication DATETIME DEFAULT '0000-00-00 00:00:00' NOT NULL, brise INTEGER DEFAULT 0, credits TEXT DEFAULT '' NOT NULL,
  alt TEXT DEFAULT '' NOT NULL, maj TIMESTAMP);
CREATE TABLE spip_documents_liens (id_document INTEGER DEFAULT '0' NOT NULL, id_objet INTEGER DEFAULT '0' NOT NULL,
  objet VARCHAR(25) DEFAULT '' NOT NULL, vu VARCHAR(6) DEFAULT 'non' NOT NULL, rang_lien INTEGER DEFAULT '0' NOT NULL,
  PRIMARY KEY (id_document, id_objet, objet));
CREATE TABLE spip_forum (id_forum INTEGER PRIMARY KEY, id_objet INTEGER DEFAULT '0' NOT NULL, objet VARCHAR(25) DEFAULT '' NOT NULL,
  id_parent INTEGER DEFAULT '0' NOT NULL, id_thread INTEGER DEFAULT '0' NOT NULL,
  date_heure DATETIME DEFAULT '0000-00-00 00:00:00' NOT NULL, date_thread DATETIME DEFAULT '0000-00-00 00:00:00' NOT NULL,
  titre TEXT DEFAULT '' NOT NULL, texte TEXT DEFAULT '' NOT NULL, auteur TEXT DEFAULT '' NOT NULL,
  email_auteur TEXT DEFAULT '' NOT NULL, nom_site TEXT DEFAULT '' NOT NULL, url_site TEXT DEFAULT '' NOT NULL,
  statut VARCHAR(8) DEFAULT '0' NOT NULL, ip VARCHAR(40) DEFAULT '' NOT NULL, maj TIMESTAMP, id_auteur INTEGER DEFAULT '0' NOT NULL);
CREATE INDEX spip_forum_optimal ON spip_forum (statut, id_parent, id_objet, objet, date_heure);
CREATE TABLE spip_urls (id_parent INTEGER DEFAULT '0' NOT NULL, url VARCHAR(255) NOT NULL, type VARCHAR(25) DEFAULT 'article' NOT NULL,
  id_objet INTEGER NOT NULL, date DATETIME DEFAULT '0000-00-00 00:00:00' NOT NULL, segments SMALLINT(3) DEFAULT '1' NOT NULL,
  perma SMALLINT(1) DEFAULT '0' NOT NULL, langue VARCHAR(10) DEFAULT '' NOT NULL, PRIMARY KEY (id_parent, url));
CREATE TABLE spip_gis (id_gis INTEGER PRIMARY KEY, titre TEXT DEFAULT '' NOT NULL, lat DOUBLE, lon DOUBLE, zoom INTEGER);
`;

/** Creates SPIP's tables in an empty SQLite database. */
export function createSpipSchema(db: BetterSqlite3.Database): void {
  db.exec(SPIP_SCHEMA);
}
