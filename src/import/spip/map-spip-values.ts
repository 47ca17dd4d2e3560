import type { ArticleStatus, ContributionStatus, Role } from '../../db/schema.js';
import type { ForumMode } from '../../site/settings-store.js';
import { fromLocalInputValue } from '../../i18n/format-date.js';

/**
 * SPIP's article status → Relais's (`undefined`: not imported). SPIP: `publie`, `prop` (proposé
 * à l'évaluation), `prepa` (en cours de rédaction), `refuse`, `poubelle`.
 */
export function mapArticleStatus(statut: string): ArticleStatus | undefined {
  switch (statut) {
    case 'publie': return 'published';
    case 'prop': return 'proposed';
    case 'prepa': return 'draft';
    default: return undefined;
  }
}

/**
 * SPIP's forum message status → Relais's (`undefined`: not imported). Private statuses
 * (`prive`, `privrac`, `privadm`, `perso`) are the editors' own discussions, never public.
 */
export function mapForumStatus(statut: string): ContributionStatus | undefined {
  switch (statut) {
    case 'publie': return 'published';
    case 'prop': return 'proposed';
    case 'off': return 'rejected';
    case 'spam': return 'spam';
    default: return undefined;
  }
}

/** An article's `accepter_forum` (`pos`, `pri`, `abo`, `non`; '' follows the site) → its forum mode, null: the site default. */
export function mapArticleForumMode(accepterForum: string): ForumMode | null {
  const mode = accepterForum.trim();
  return mode === 'pos' || mode === 'pri' || mode === 'abo' || mode === 'non' ? mode : null;
}

/** The site's `forums_publics` meta (`posteriori`, `priori`, `abonnement`, `non`) → the default forum mode. */
export function mapSiteForumMode(forumsPublics: string | undefined): ForumMode | undefined {
  switch (forumsPublics) {
    case 'posteriori': return 'pos';
    case 'priori': return 'pri';
    case 'abonnement': return 'abo';
    case 'non': return 'non';
    default: return undefined;
  }
}

/** An author's `statut` → a Relais role: administrators, editors, and visitors (`6forum`) for forums *sur abonnement*. */
export function mapAuthorRole(statut: string): Role | undefined {
  switch (statut) {
    case '0minirezo': return 'admin';
    case '1comite': return 'editor';
    case '6forum': return 'visitor';
    default: return undefined;
  }
}

/**
 * A SPIP date (`2024-06-01 08:30:00`, the site's local time) as an ISO instant; undefined for
 * SPIP's empty date `0000-00-00 00:00:00` or anything unreadable.
 */
export function parseSpipDate(value: string | null | undefined, timeZone: string): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?/.exec(value ?? '');
  if (!match || match[1] === '0000') return undefined;
  // The zone's offset is looked up once per local hour: an import reads hundreds of thousands of dates.
  const hour = `${timeZone} ${match[1]}-${match[2]}-${match[3]}T${match[4]}:00`;
  let start = hourStarts.get(hour);
  if (start === undefined) {
    start = fromLocalInputValue(hour.slice(timeZone.length + 1), timeZone)?.getTime() ?? Number.NaN;
    if (hourStarts.size > 50_000) hourStarts.clear();
    hourStarts.set(hour, start);
  }
  if (Number.isNaN(start)) return undefined;
  return new Date(start + Number(match[5]) * 60_000 + Number(match[6] ?? 0) * 1000).toISOString();
}

const hourStarts = new Map<string, number>();

/**
 * SPIP's ordering number in a title (`02. Culture` is shown « Culture » and sorted second):
 * the title without it, and the number (undefined when there is none).
 *
 * @example splitSpipTitle('02. Culture & loisirs') // { title: 'Culture & loisirs', rank: 2 }
 */
export function splitSpipTitle(titre: string): { title: string; rank: number | undefined } {
  const match = /^\s*(\d{1,6})\.\s+(.*)$/s.exec(titre);
  return match ? { title: match[2]!.trim(), rank: Number(match[1]) } : { title: titre.trim(), rank: undefined };
}
