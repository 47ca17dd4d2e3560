/** A demo feed source: a plausible local press title on a reserved example address (never fetched: paused). */
export interface DemoFeedSource {
  readonly key: string;
  readonly title: string;
  readonly url: string;
  readonly siteLink: string;
}

/** A demo item, as a feed would have given it; `hoursAgo` spreads publication over the last days. */
export interface DemoVeilleItem {
  readonly source: string;
  readonly slug: string;
  readonly title: string;
  readonly text: string;
  readonly hoursAgo: number;
}

/** The demo's feed sources. */
export const DEMO_FEED_SOURCES: readonly DemoFeedSource[] = Object.freeze([
  { key: 'courrier', title: 'Le Courrier de Val-Fleuri', url: 'https://courrier-valfleuri.example.org/rss.xml', siteLink: 'https://courrier-valfleuri.example.org/' },
  { key: 'echo', title: 'L’Écho des Vallons', url: 'https://echo-des-vallons.example.fr/feed', siteLink: 'https://echo-des-vallons.example.fr/' },
  { key: 'radio', title: 'Radio Vallée – infos locales', url: 'https://radio-vallee.example.org/infos/rss', siteLink: 'https://radio-vallee.example.org/' },
  { key: 'agglo', title: 'Agglomération des Trois Rivières – actualités', url: 'https://agglo-trois-rivieres.example.fr/actualites.rss', siteLink: 'https://agglo-trois-rivieres.example.fr/' },
]);

const SAME_STORY = 'Le festival d’été de Val-Fleuri revient du 12 au 14 juillet au parc des Tilleuls : trois soirées de concerts '
  + 'gratuits, un village des associations et un marché nocturne. La programmation complète sera dévoilée en juin '
  + 'par le comité des fêtes, qui cherche encore des bénévoles pour l’accueil et la buvette.';

/** About twenty local news items; the festival story is told by two sources (one story, « vu sur 2 sources »). */
export const DEMO_VEILLE_ITEMS: readonly DemoVeilleItem[] = Object.freeze([
  { source: 'courrier', slug: 'festival-ete-dates', title: 'Val-Fleuri : le festival d’été fixé aux 12, 13 et 14 juillet', text: SAME_STORY, hoursAgo: 5 },
  { source: 'echo', slug: 'festival-tilleuls', title: 'Trois soirs de festival au parc des Tilleuls cet été', text: SAME_STORY, hoursAgo: 9 },
  { source: 'radio', slug: 'festival-benevoles', title: 'Le comité des fêtes recrute des bénévoles', text: 'Pour son festival de juillet, le comité des fêtes de Val-Fleuri cherche une trentaine de bénévoles : accueil, buvette, montage de la scène. Une réunion d’information a lieu jeudi à 19 h à la salle des fêtes.', hoursAgo: 30 },
  { source: 'agglo', slug: 'festival-navettes', title: 'Des navettes gratuites pour les festivals de l’été', text: 'L’agglomération met en place des navettes gratuites les soirs de festival en juillet et en août, au départ des gares de Val-Fleuri et de Saint-Aubin. Horaires sur le site du réseau de bus.', hoursAgo: 52 },
  { source: 'courrier', slug: 'travaux-rue-moulins', title: 'Travaux rue des Moulins : circulation alternée jusqu’au 20', text: 'Les travaux de réfection de la rue des Moulins entrent dans leur deuxième phase. La circulation se fait en alternat par feux tricolores jusqu’au 20 du mois ; le stationnement est interdit côté pair.', hoursAgo: 3 },
  { source: 'radio', slug: 'route-departementale', title: 'La route de Saint-Aubin fermée la nuit pour travaux', text: 'Le Département réalise des travaux sur la route de Saint-Aubin : la chaussée sera refaite de nuit, de 21 h à 6 h, pendant deux semaines. Une déviation est fléchée par le hameau des Près.', hoursAgo: 20 },
  { source: 'echo', slug: 'chaussee-avenue-gare', title: 'Avenue de la Gare : la chaussée refaite avant la rentrée', text: 'Les travaux de la chaussée de l’avenue de la Gare commenceront lundi. Les bus de la ligne 2 seront déviés par la rue Pasteur pendant toute la durée du chantier.', hoursAgo: 44 },
  { source: 'agglo', slug: 'reseau-eau', title: 'Renouvellement du réseau d’eau potable dans le centre', text: 'L’agglomération remplace les canalisations d’eau potable du centre-bourg. Des coupures d’eau de courte durée sont possibles ; les riverains seront prévenus par courrier 48 heures avant.', hoursAgo: 70 },
  { source: 'courrier', slug: 'conseil-budget', title: 'Conseil municipal : le budget primitif adopté', text: 'Réuni mardi soir, le conseil municipal a adopté le budget primitif par 23 voix pour et 4 abstentions. Priorités : la rénovation de l’école Jules-Ferry et l’éclairage public à LED.', hoursAgo: 26 },
  { source: 'echo', slug: 'conseil-ordre-du-jour', title: 'Ce qui sera au menu du prochain conseil municipal', text: 'Tarifs de la cantine, convention avec le club de football et dénomination d’une nouvelle place : l’ordre du jour du conseil municipal de jeudi est consultable en mairie.', hoursAgo: 98 },
  { source: 'radio', slug: 'creche-places', title: 'Dix places de plus à la crèche des Petits Pas', text: 'Après six mois de travaux d’agrandissement, la crèche municipale des Petits Pas accueillera dix enfants de plus dès septembre. Les familles peuvent déposer un dossier au relais petite enfance.', hoursAgo: 14 },
  { source: 'courrier', slug: 'creche-portes-ouvertes', title: 'Portes ouvertes à la crèche samedi matin', text: 'La crèche des Petits Pas ouvre ses portes samedi de 9 h à 12 h : visite des nouveaux locaux, rencontre avec l’équipe et présentation du projet pédagogique.', hoursAgo: 60 },
  { source: 'agglo', slug: 'collecte-dechets', title: 'Collecte des déchets : les jours changent au 1er du mois', text: 'Nouveau calendrier de collecte : les ordures ménagères seront ramassées le mardi, les emballages le vendredi. Le calendrier détaillé est distribué dans les boîtes aux lettres.', hoursAgo: 36 },
  { source: 'echo', slug: 'mediatheque-horaires', title: 'La médiathèque élargit ses horaires le samedi', text: 'À partir du mois prochain, la médiathèque Louise-Michel restera ouverte le samedi jusqu’à 18 h. Un atelier numérique gratuit est proposé aux seniors le premier samedi de chaque mois.', hoursAgo: 75 },
  { source: 'radio', slug: 'marche-producteurs', title: 'Un marché de producteurs chaque vendredi soir', text: 'Une quinzaine de producteurs locaux s’installeront place de l’Église tous les vendredis de 16 h à 20 h : fruits, légumes, fromages et pain au levain.', hoursAgo: 84 },
  { source: 'courrier', slug: 'piscine-vidange', title: 'Piscine intercommunale fermée pour vidange', text: 'La piscine des Trois Rivières sera fermée deux semaines pour sa vidange annuelle. Les créneaux des écoles sont reportés au trimestre suivant.', hoursAgo: 110 },
  { source: 'agglo', slug: 'velo-pistes', title: 'Quatre kilomètres de pistes cyclables en plus', text: 'La liaison cyclable entre Val-Fleuri et Saint-Aubin sera achevée à l’automne. Elle longe la rivière et rejoint la gare par un itinéraire séparé des voitures.', hoursAgo: 130 },
  { source: 'echo', slug: 'ecole-cantine', title: 'Cantine : des repas bio deux fois par semaine', text: 'Dès la rentrée, les écoliers de Val-Fleuri auront un repas entièrement bio deux fois par semaine, préparé par la cuisine centrale avec des produits de la vallée.', hoursAgo: 150 },
  { source: 'radio', slug: 'canicule-plan', title: 'Plan canicule : inscrivez les personnes fragiles', text: 'Le centre communal d’action sociale tient un registre des personnes âgées ou isolées à appeler en cas de fortes chaleurs cet été. L’inscription se fait par téléphone ou en mairie.', hoursAgo: 160 },
  { source: 'mastodon', slug: 'toot-festival', title: 'Vivement juillet et le festival du parc des Tilleuls', text: 'Vivement juillet et le festival du parc des Tilleuls ! Trois soirées de concerts gratuits à Val-Fleuri cet été #ValFleuri', hoursAgo: 7 },
  { source: 'mastodon', slug: 'toot-travaux', title: 'Alternat rue des Moulins', text: 'Attention, travaux rue des Moulins ce matin : alternat par feux, prévoyez dix minutes de plus #ValFleuri', hoursAgo: 2 },
]);
