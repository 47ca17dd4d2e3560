import type { DemoArticle, DemoSection } from './demo-article.js';
import { AGENDA_ARTICLES } from './articles-agenda.js';
import { EMPLOI_ARTICLES } from './articles-emploi.js';
import { SERVICES_ARTICLES } from './articles-services.js';

export type { DemoArticle, DemoSection } from './demo-article.js';

/** The demo commune's name and tagline, given to a site nobody has named yet. */
export const DEMO_SITE = Object.freeze({ siteName: 'Val-Fleuri', tagline: 'Le journal de la commune' });

/** Sections of the fictional commune of Val-Fleuri. */
export const DEMO_SECTIONS: readonly DemoSection[] = Object.freeze([
  { key: 'agenda', title: 'Agenda et événements', description: 'Fêtes, concerts, marchés et rendez-vous de la commune.' },
  { key: 'emploi', title: 'Emploi et formation', description: 'Offres de la mairie, jobs d’été, ateliers pour trouver un emploi.' },
  { key: 'services', title: 'Services aux habitants', description: 'Démarches, travaux, écoles, collecte des déchets.' },
]);

/**
 * The demo articles, written for Val-Fleuri with the whole range of SPIP shortcuts, oldest first
 * (so ids grow with dates, as on a real site, and `%art:key%` links point to articles already loaded).
 */
export const DEMO_ARTICLES: readonly DemoArticle[] = Object.freeze(
  [...AGENDA_ARTICLES, ...EMPLOI_ARTICLES, ...SERVICES_ARTICLES].sort((a, b) => b.daysAgo - a.daysAgo),
);
