import type { ForumMode } from './contribution.js';

/** Short French names of the forum modes, as the article form lists them. */
export const FORUM_MODE_NAMES: Readonly<Record<ForumMode, string>> = Object.freeze({
  pri: 'Modéré a priori', pos: 'Modéré a posteriori', abo: 'Sur abonnement', non: 'Fermé',
});
