import { findUserByEmail, findUserById, insertUser, updateUserRow } from '../../accounts/store.js';
import { decodeEntities } from '../../markup/decode-entities.js';
import type { ImportContext } from './import-context.js';
import { skip, warn } from './import-report.js';
import { mapAuthorRole } from './map-spip-values.js';
import { loadImportKeys, saveImportKeys } from './store.js';

interface AuthorRow { id_auteur: number; nom: string; email: string; statut: string }

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * `spip_auteurs` → accounts without a password (each must choose one with « mot de passe
 * oublié »): administrators (`0minirezo`) and editors (`1comite`); visitors (`6forum`) only when
 * a forum *sur abonnement* needs them. An account already in Relais with the same e-mail is
 * reused as it is (its role unchanged).
 */
export async function importAuthors(ctx: ImportContext, visitorsNeeded: boolean): Promise<void> {
  const { db, spip, report, maps } = ctx;
  const rows = spip.tables.has('spip_auteurs')
    ? spip.db.prepare('select id_auteur, nom, email, statut from spip_auteurs order by id_auteur').all() as AuthorRow[] : [];
  const known = await loadImportKeys(db.kysely, 'auteur');
  ctx.progress.start('Auteurs', rows.length);
  const keys: [number, number][] = [];
  await db.kysely.transaction().execute(async (trx) => {
    for (const row of rows) {
      ctx.progress.advance();
      const name = decodeEntities(row.nom).trim() || `Auteur ${row.id_auteur}`;
      const what = `auteur ${row.id_auteur} (${name})`;
      const role = mapAuthorRole(row.statut);
      if (role === undefined) {
        skip(report, 'auteurs', what, row.statut === '5poubelle' ? 'compte à la poubelle dans SPIP.' : `statut « ${row.statut} » inconnu.`);
        continue;
      }
      if (role === 'visitor' && !visitorsNeeded) {
        skip(report, 'auteurs', what, 'visiteur : aucun forum sur abonnement ne le demande.');
        continue;
      }
      const email = row.email.trim().toLowerCase();
      if (!EMAIL.test(email)) {
        skip(report, 'auteurs', what, 'pas d’adresse e-mail valide : le compte ne pourrait pas choisir son mot de passe.');
        warn(report, 'auteur', row.id_auteur, 'sans adresse e-mail : ses articles sont importés sans auteur.');
        continue;
      }
      const existing = known.get(row.id_auteur);
      const alive = existing === undefined ? undefined : await findUserById(trx, existing);
      if (alive) {
        if (!ctx.dryRun && alive.name !== name) await updateUserRow(trx, alive.id, { name });
        maps.auteur.set(row.id_auteur, alive.id);
        report.counts.auteurs.updated += 1;
        continue;
      }
      const same = await findUserByEmail(trx, email);
      if (same) {
        warn(report, 'auteur', row.id_auteur, `un compte Relais a déjà l’adresse ${email} : il est repris tel quel (rôle inchangé).`);
        maps.auteur.set(row.id_auteur, same.id);
        keys.push([row.id_auteur, same.id]);
        report.counts.auteurs.updated += 1;
        continue;
      }
      if (ctx.dryRun) {
        maps.auteur.set(row.id_auteur, -row.id_auteur);
      } else {
        // No password: '' matches no scrypt hash, so the account signs in only after a reset.
        const user = await insertUser(trx, { email, name, role, passwordHash: '' }, ctx.now);
        maps.auteur.set(row.id_auteur, user.id);
        keys.push([row.id_auteur, user.id]);
      }
      report.counts.auteurs.created += 1;
    }
    if (!ctx.dryRun) await saveImportKeys(trx, 'auteur', keys, ctx.now);
  });
  ctx.progress.finish();
}
