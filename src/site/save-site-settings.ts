import type { Db } from '../db/database.js';
import { addAuditEntry } from '../audit/store.js';
import { readSiteSettings, writeSiteSettings, type SiteSettings } from './settings-store.js';
import { bumpSiteVersion } from './site-version.js';

/** French names of the settings, for the audit summary. */
const NAMES: Readonly<Record<keyof SiteSettings, string>> = {
  siteName: 'nom', tagline: 'slogan', language: 'langue', timeZone: 'fuseau horaire', defaultForumMode: 'forum par défaut',
  visitorSignup: 'création de compte par les visiteurs',
  forumModeratorMail: 'courriels aux modérateurs', forumIpRetentionDays: 'conservation des adresses IP (jours)',
};

/**
 * Saves the site settings that changed, bumps the page version (every page shows the name) and
 * records who changed what, all in one transaction. Returns the names of the changed settings.
 */
export async function saveSiteSettings(db: Db, actorId: number | null, next: SiteSettings, now: Date): Promise<string[]> {
  return db.kysely.transaction().execute(async (trx) => {
    const current = await readSiteSettings(trx);
    const changed = (Object.keys(NAMES) as (keyof SiteSettings)[]).filter((key) => current[key] !== next[key]);
    if (changed.length === 0) return [];
    await writeSiteSettings(trx, Object.fromEntries(changed.map((key) => [key, next[key]])));
    await bumpSiteVersion(trx);
    await addAuditEntry(trx, {
      userId: actorId, action: 'site.settings.updated', objectType: 'settings', objectId: 'site',
      summary: changed.map((key) => `${NAMES[key]} : ${next[key]}`).join(' ; ').slice(0, 500),
    }, now);
    return changed.map((key) => NAMES[key]);
  });
}
