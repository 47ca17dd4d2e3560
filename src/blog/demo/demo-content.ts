/** A demo section, keyed so articles can name it. */
export interface DemoSection {
  readonly key: string;
  readonly title: string;
  readonly description: string;
}

/** A demo article; `daysAgo` spreads publication dates over two years. */
export interface DemoArticle {
  readonly section: string;
  readonly title: string;
  readonly lead: string;
  readonly body: string;
  readonly credits: string;
  readonly daysAgo: number;
}

/** Sections of the fictional commune of Val-Fleuri. */
export const DEMO_SECTIONS: readonly DemoSection[] = [
  { key: 'agenda', title: 'Agenda et événements', description: 'Fêtes, concerts, marchés et rendez-vous de la commune.' },
  { key: 'emploi', title: 'Emploi et formation', description: 'Offres de la mairie, jobs d’été, ateliers pour trouver un emploi.' },
  { key: 'services', title: 'Services aux habitants', description: 'Démarches, travaux, écoles, collecte des déchets.' },
];

/** Articles written for the demo, using the range of SPIP shortcuts. */
export const DEMO_ARTICLES: readonly DemoArticle[] = [
  {
    section: 'agenda',
    title: 'La fête de la musique revient place du Marché',
    lead: 'Le 21 juin, {{douze scènes}} ouvertes aux musiciens amateurs, de 18 h à minuit.',
    body: 'Les inscriptions des groupes sont ouvertes jusqu’au 31 mai.\n\n{{{Programme}}}\n\n-* 18 h : chorale des écoles\n-* 20 h : fanfare municipale\n-* 22 h : scène ouverte\n\nPlus d’informations sur [le site du festival->https://www.example.org/fete].',
    credits: 'Service culture de Val-Fleuri',
    daysAgo: 20,
  },
];
