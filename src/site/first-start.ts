import type { Relais } from '../main.js';
import { generatePassword } from '../accounts/password.js';
import { countUsers } from '../accounts/store.js';
import { ensureFooterPages } from '../blog/demo/load-demo-content.js';
import { loadDemo } from './load-demo.js';

/**
 * Makes an empty installation usable: the footer pages every French public site needs, the demo
 * content (unless `RELAIS_DEMO=0`), and an administrator whose random password is printed once.
 * Returns the lines to show the operator (never logged).
 */
export async function prepareFirstStart(relais: Relais): Promise<string[]> {
  const lines: string[] = [];
  await ensureFooterPages(relais);
  if (await countUsers(relais.db.kysely) === 0) {
    const email = `admin@${new URL(relais.config.publicUrl).hostname.replace(/^(127\.0\.0\.1|localhost|\[::1\])$/, 'relais.local')}`;
    const password = generatePassword();
    const admin = await relais.accounts.addUser(null, { email, name: 'Administrateur', role: 'admin', password });
    if (relais.config.demo) {
      const demo = await loadDemo(relais, admin.id);
      if (demo.articles > 0) {
        lines.push(`Contenu de démonstration chargé : ${demo.articles} articles, ${demo.veilleItems} articles de veille `
          + `(${demo.veilleMatches} dans la boîte de réception), ${demo.relayDrafts} brouillon de relais.`);
      }
    }
    lines.push(
      '',
      '  Compte administrateur créé (ce mot de passe ne sera plus affiché) :',
      `    adresse e-mail : ${email}`,
      `    mot de passe   : ${password}`,
      `  Connexion : ${relais.config.publicUrl}/ecrire/`,
      '',
    );
  }
  return lines;
}
