import type { Executor } from '../db/database.js';

/** Forum modes (the forum issue gives them behaviour): a priori is the default. */
export type ForumMode = 'pri' | 'pos' | 'abo' | 'non';

/** Site settings edited in the back office. */
export interface SiteSettings {
  readonly siteName: string;
  readonly tagline: string;
  /** Interface language of the public site. */
  readonly language: 'fr' | 'en';
  /** Every date shown, every schedule and every digest uses it. */
  readonly timeZone: string;
  readonly defaultForumMode: ForumMode;
  /** `oui`: anyone may create a visitor account (confirmed by e-mail) to post in *sur abonnement* forums. */
  readonly visitorSignup: 'oui' | 'non';
  /** E-mail to moderators about new forum messages: one per message, a daily digest, or none. */
  readonly forumModeratorMail: 'each' | 'digest' | 'none';
  /** Days a forum message's client address is kept (abuse handling), a whole number as text like every setting. */
  readonly forumIpRetentionDays: string;
}

export const DEFAULT_SETTINGS: SiteSettings = Object.freeze({
  siteName: 'Ma commune',
  tagline: 'Les actualités de la commune',
  language: 'fr',
  timeZone: 'Europe/Paris',
  defaultForumMode: 'pri',
  visitorSignup: 'non',
  forumModeratorMail: 'each',
  forumIpRetentionDays: '30',
});

const KEYS: Record<keyof SiteSettings, string> = {
  siteName: 'site.name',
  tagline: 'site.tagline',
  language: 'site.language',
  timeZone: 'site.time_zone',
  defaultForumMode: 'forum.default_mode',
  visitorSignup: 'accounts.visitor_signup',
  forumModeratorMail: 'forum.moderator_mail',
  forumIpRetentionDays: 'forum.ip_retention_days',
};

/** Reads the settings, falling back to the defaults for any key never saved. */
export async function readSiteSettings(db: Executor): Promise<SiteSettings> {
  const byKey = await readSettingValues(db, Object.values(KEYS));
  const settings = { ...DEFAULT_SETTINGS } as Record<keyof SiteSettings, string>;
  for (const [field, key] of Object.entries(KEYS) as [keyof SiteSettings, string][]) {
    const value = byKey.get(key);
    if (value !== undefined) settings[field] = value;
  }
  return Object.freeze(settings as unknown as SiteSettings);
}

/** Saves the given settings (upsert per key). */
export async function writeSiteSettings(db: Executor, changes: Partial<SiteSettings>): Promise<void> {
  for (const [field, value] of Object.entries(changes) as [keyof SiteSettings, string][]) {
    await writeSetting(db, KEYS[field], value);
  }
}

/** Reads one raw setting (internal values such as the key fingerprint). */
export async function readSetting(db: Executor, key: string): Promise<string | undefined> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst();
  return row?.value;
}

/** Reads several raw settings in one query; keys never saved are absent from the map. */
export async function readSettingValues(db: Executor, keys: readonly string[]): Promise<Map<string, string>> {
  const rows = await db.selectFrom('settings').select(['key', 'value']).where('key', 'in', keys).execute();
  return new Map(rows.map((r) => [r.key, r.value]));
}

/** Writes one raw setting. */
export async function writeSetting(db: Executor, key: string, value: string): Promise<void> {
  await db.insertInto('settings').values({ key, value })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
    .execute();
}
