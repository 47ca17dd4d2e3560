import { existsSync, statSync } from 'node:fs';
import Database from 'better-sqlite3';
import { SpipImportError } from './spip-import-error.js';

/** The tables the import reads; every other table of the file is reported as skipped. */
export const IMPORTED_TABLES: ReadonlySet<string> = new Set([
  'spip_meta', 'spip_rubriques', 'spip_articles', 'spip_auteurs', 'spip_auteurs_liens', 'spip_forum',
  'spip_documents', 'spip_documents_liens', 'spip_urls',
]);

/** SPIP core tables Relais has nothing for (yet): skipped, with this reason. */
const KNOWN_UNIMPORTED: Readonly<Record<string, string>> = Object.freeze({
  spip_breves: 'les brèves n’ont pas d’équivalent (recréez-les en articles)',
  spip_mots: 'les mots-clés ne sont pas repris', spip_groupes_mots: 'les mots-clés ne sont pas repris',
  spip_mots_liens: 'les mots-clés ne sont pas repris', spip_syndic: 'les sites référencés ne sont pas repris (voir la veille)',
  spip_syndic_articles: 'les sites référencés ne sont pas repris (voir la veille)', spip_petitions: 'les pétitions ne sont pas reprises',
  spip_signatures: 'les pétitions ne sont pas reprises', spip_messages: 'la messagerie interne n’est pas reprise',
  spip_visites: 'les statistiques ne sont pas reprises', spip_visites_articles: 'les statistiques ne sont pas reprises',
  spip_referers: 'les statistiques ne sont pas reprises', spip_referers_articles: 'les statistiques ne sont pas reprises',
  spip_versions: 'l’historique des révisions n’est pas repris', spip_versions_fragments: 'l’historique des révisions n’est pas repris',
  spip_types_documents: 'Relais reconnaît les types de fichiers lui-même', spip_jobs: 'file de travaux propre à SPIP',
  spip_jobs_liens: 'file de travaux propre à SPIP', spip_resultats: 'index de recherche propre à SPIP', spip_depots: 'gestion des plugins de SPIP',
  spip_paquets: 'gestion des plugins de SPIP', spip_plugins: 'gestion des plugins de SPIP', spip_test: 'table de test de SPIP',
});

/** A SPIP database opened read-only, with the names (and columns) of its tables. */
export interface SpipDatabase {
  readonly db: Database.Database;
  readonly tables: ReadonlySet<string>;
  hasColumn(table: string, column: string): boolean;
  /** Tables the import does not read, each with the reason (a plugin's unknown table included). */
  skippedTables(): { table: string; reason: string }[];
  close(): void;
}

/**
 * Opens a SPIP 3.x / 4.x database in SQLite form (the live `config/bases/*.sqlite`, or the backup
 * SPIP's "Sauvegarder le contenu de votre site" writes) read-only; never writes to it. Throws a
 * `SpipImportError` for a missing file, a file that is not SQLite, or a SQLite file without SPIP's tables.
 */
export function openSpipDatabase(file: string): SpipDatabase {
  if (!existsSync(file) || !statSync(file).isFile()) throw new SpipImportError('not_found', `Fichier introuvable : ${file}`);
  let db: Database.Database | undefined;
  let tables: Set<string>;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    tables = new Set((db.prepare("select name from sqlite_master where type = 'table'").all() as { name: string }[]).map((r) => r.name));
  } catch (error) {
    db?.close();
    throw new SpipImportError('not_sqlite', `${file} n’est pas une base SQLite lisible : donnez le fichier .sqlite d’un SPIP installé sur SQLite, ou la sauvegarde que SPIP produit (« Sauvegarder le contenu de votre site »).`, { cause: error });
  }
  const missing = ['spip_meta', 'spip_rubriques', 'spip_articles'].filter((t) => !tables.has(t));
  if (missing.length > 0) {
    db.close();
    throw new SpipImportError('not_spip', `${file} n’est pas une base SPIP : il y manque ${missing.join(', ')}.`);
  }
  const open = db;
  const columns = new Map<string, Set<string>>();
  return {
    db: open,
    tables,
    hasColumn(table, column) {
      if (!tables.has(table)) return false;
      let set = columns.get(table);
      if (!set) {
        set = new Set((open.prepare(`select name from pragma_table_info(?)`).all(table) as { name: string }[]).map((r) => r.name));
        columns.set(table, set);
      }
      return set.has(column);
    },
    skippedTables() {
      return [...tables].filter((t) => !IMPORTED_TABLES.has(t) && !t.startsWith('sqlite_')).sort()
        .map((table) => ({ table, reason: KNOWN_UNIMPORTED[table] ?? 'table inconnue de Relais (celle d’un plugin ?)' }));
    },
    close: () => open.close(),
  };
}
