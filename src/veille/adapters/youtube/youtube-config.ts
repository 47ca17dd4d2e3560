import { asObject, stringField } from '../json-fields.js';
import type { ConfigCheck } from '../source-adapter.js';

/** A YouTube source: one channel's feed of recent videos. */
export interface YoutubeConfig {
  /** `UC` and 22 more characters. */
  readonly channelId: string;
}

const CHANNEL_ID = /^UC[A-Za-z0-9_-]{22}$/;
const CHANNEL_PAGE = /^(?:https?:\/\/)?(?:www\.|m\.)?youtube\.com\/channel\/(UC[A-Za-z0-9_-]{22})(?:[/?#].*)?$/i;

/**
 * Checks a YouTube source as entered: a channel id, or the address of the channel's
 * page (`youtube.com/channel/UC…`) from which it is taken. A handle (`@mairie`) cannot
 * be used: the feed knows only ids.
 *
 * @example validateYoutubeConfig({ channelId: 'https://www.youtube.com/channel/UCa1b2c3d4e5f6g7h8i9j0k1' })
 * // { ok: true, config: { channelId: 'UCa1b2c3d4e5f6g7h8i9j0k1' } }
 */
export function validateYoutubeConfig(input: unknown): ConfigCheck<YoutubeConfig> {
  const raw = stringField(asObject(input), 'channelId')?.trim() ?? '';
  const channelId = CHANNEL_PAGE.exec(raw)?.[1] ?? raw;
  if (CHANNEL_ID.test(channelId)) return { ok: true, config: Object.freeze({ channelId }) };
  const error = raw.startsWith('@') || /youtube\.com\/@/i.test(raw)
    ? 'Un nom de chaîne en « @ » ne suffit pas : indiquez l’identifiant de la chaîne, qui commence par « UC » (il figure dans le code source de la page de la chaîne, après « channel_id= »).'
    : 'Indiquez l’identifiant de la chaîne YouTube : 24 caractères commençant par « UC », ou l’adresse youtube.com/channel/UC….';
  return { ok: false, errors: { channelId: error } };
}
