// One measured SPIP import in a fresh process, so its peak memory is its own (`bench/spip-import.ts` runs it).
// Usage: node --import tsx bench/spip-import-worker.ts relais|copy <spip.sqlite> <work dir>
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { migrateToLatest } from '../src/db/migrate.js';
import { openDatabase } from '../src/db/open-database.js';
import { importSpipSite } from '../src/import/spip/import-spip-site.js';
import { cpuMsSince } from './stats.js';

const [mode, spipFile, dir] = process.argv.slice(2) as ['relais' | 'copy', string, string];
const maxRssMb = () => process.resourceUsage().maxRSS / 1024;
mkdirSync(dir, { recursive: true });

/** The floor: the same rows of the two big tables read and written as they are into a bare SQLite file, in batches of 1,000. */
function rawCopy(): void {
  const from = new Database(spipFile, { readonly: true });
  const to = new Database(join(dir, 'copy.sqlite'));
  to.pragma('journal_mode = WAL');
  to.exec('create table articles (id integer primary key, rubrique integer, titre text, chapo text, texte text, ps text, date text, statut text, forum text)');
  to.exec('create table forum (id integer primary key, article integer, parent integer, thread integer, date text, texte text, auteur text, email text, statut text, ip text)');
  const copy = (select: string, insert: string) => {
    const read = from.prepare(select);
    const write = to.prepare(insert);
    let batch: unknown[][] = [];
    const flush = to.transaction((rows: unknown[][]) => { for (const row of rows) write.run(row); });
    for (const row of read.raw().iterate() as Iterable<unknown[]>) {
      batch.push(row);
      if (batch.length === 1000) { flush(batch); batch = []; }
    }
    flush(batch);
  };
  copy('select id_article, id_rubrique, titre, chapo, texte, ps, date, statut, accepter_forum from spip_articles', 'insert into articles values (?, ?, ?, ?, ?, ?, ?, ?, ?)');
  copy('select id_forum, id_objet, id_parent, id_thread, date_heure, texte, auteur, email_auteur, statut, ip from spip_forum', 'insert into forum values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
  from.close();
  to.close();
}

const before = maxRssMb();
const cpu = process.cpuUsage();
let ms: number;
if (mode === 'relais') {
  const db = openDatabase({ sqliteFile: join(dir, 'relais.sqlite') });
  await migrateToLatest(db);
  const t0 = performance.now();
  await importSpipSite({ db, media: { add: () => Promise.reject(new Error('no media in this benchmark')) }, now: () => new Date() }, spipFile);
  ms = performance.now() - t0;
  await db.close();
} else {
  const t0 = performance.now();
  rawCopy();
  ms = performance.now() - t0;
}
process.stdout.write(JSON.stringify({ ms, cpuMs: cpuMsSince(cpu), peakExtraMb: maxRssMb() - before, peakMb: maxRssMb() }) + '\n');
