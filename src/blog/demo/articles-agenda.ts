import type { DemoArticle } from './demo-article.js';

// Bodies are SPIP shortcuts (MARKUP.md); lines start at column 0 because `-*`, `_ ` and `|`
// only mean something at the start of a line.

const MARCHE_DE_NOEL = `Le marché de Noël s’installe pour sa dixième édition sur le parvis de l’église Saint-Martin et dans la cour de l’ancienne école. Artisans d’art, producteurs du canton et associations de la commune y vendront leurs créations ; les recettes des stands associatifs iront au Téléthon.

{{{Horaires}}}

|| Horaires d’ouverture | Heures d’ouverture et de fermeture du marché, pour chacun des trois jours ||
| {{Jour}} | {{Ouverture}} | {{Fermeture}} |
| {{Vendredi}} | 16~h | 22~h |
| {{Samedi}} | 10~h | 22~h |
| {{Dimanche}} | 10~h | 19~h |

{{{Au programme}}}

-* {{Vendredi}}
-** 18~h~30 : les enfants du conseil municipal des jeunes allument le grand sapin ;
-** 19~h : vin chaud et chocolat offerts par le comité des fêtes.
-* {{Samedi}}
-** toute la journée : patinoire, gratuite pour les moins de 12 ans ;
-** 15~h : contes d’hiver au coin du feu, à la médiathèque.
-* {{Dimanche}}
-** 16~h : arrivée du Père Noël en calèche, place de la Mairie.

{{{Venir au marché}}}

Le centre-bourg sera fermé à la circulation du vendredi 14~h au dimanche 21~h. Garez-vous au parking du stade : une navette gratuite vous dépose au marché toutes les quinze minutes. Les personnes à mobilité réduite peuvent réserver une place près de l’entrée en appelant l’accueil de la mairie.

Les artisans qui souhaitent exposer l’an prochain peuvent déjà se faire connaître auprès du [comité des fêtes|Écrire au comité des fêtes->https://www.example.org/val-fleuri/comite-des-fetes].`;

const FETE_DE_LA_MUSIQUE = `Pour la [?Fête de la musique], Val-Fleuri fait confiance à ses musiciens : {{plus de soixante groupes}} amateurs se sont inscrits cette année, de la classe de CM2 de l’école Jean-Moulin à la chorale des aînés. Pas de tête d’affiche : chaque formation joue quarante minutes, dans l’ordre du tirage au sort.

{{{Le programme}}}

|| Programme des scènes | Lieu, horaires et styles de musique des quatre scènes du centre-bourg ||
| {{Scène}} | {{Lieu}} | {{Horaires}} | {{Style}} |
| Grande scène | place du Marché | 18~h – 1~h | rock, pop, électro |
| Kiosque | jardin public | 18~h – 23~h | fanfares, jazz |
| Parvis | église Saint-Martin | 19~h – 22~h | chorales, musique classique |
| Cour de la médiathèque | rue des Écoles | 18~h – 21~h | scène jeunes talents |

L’ordre de passage, groupe par groupe, est dans [le programme détaillé|Programme détaillé, document PDF de 2 pages->https://www.example.org/val-fleuri/fete-de-la-musique/programme.pdf].

{{{Pratique}}}

-* Le centre-bourg est piéton de 16~h à 2~h ; les bus de la ligne 3 circulent jusqu’à 1~h~30.
-* Points d’eau gratuits place du Marché et au jardin public.
-* Bouchons d’oreilles distribués au stand de prévention : pensez à protéger l’audition des enfants !
-* Poste de secours devant la mairie toute la soirée.

{{{Le poème de l’année}}}

Comme chaque année, un texte des élèves de l’atelier d’écriture du collège ouvre la soirée. Le voici :

<poesie>
Quand le soleil traîne au-dessus des toits,
la rue se souvient qu’elle a une voix ;
un violon s’accorde au coin de la place,
une trompette rit, un tambour passe.

Ce soir la ville n’a plus de murs :
elle chante faux, elle chante pur,
et jusqu’au bout de la nuit de juin
chacun y joue, personne n’est loin.
</poesie>

{{{Associations : relayez le programme}}}

Pour afficher le programme sur le site de votre association, collez ce code dans une de ses pages :

<code>
<iframe src="https://agenda.example.org/val-fleuri/fete-de-la-musique"
        title="Programme de la fête de la musique à Val-Fleuri"
        width="100%" height="600"></iframe>
</code>

Une question ? Écrivez au service culturel : [->culture@val-fleuri.example]. Les photos de l’an dernier sont en ligne : [->https://photos.example.org/val-fleuri/fete-de-la-musique].`;

const BUDGET_RESULTATS = `Lancé l’an dernier (voir [->%art:budget%]), le premier budget participatif de Val-Fleuri a reçu {{87 propositions}}. Après l’étude de faisabilité, 31 projets ont été soumis au vote, en ligne et dans les urnes installées à la médiathèque et sous la halle du marché. {{2~318 habitants}} ont voté, dont 412 collégiens et lycéens.

|| Les projets lauréats | Les sept projets retenus, avec leur quartier, le nombre de voix obtenues et leur coût estimé ||
| {{Projet}} | {{Quartier}} | {{Voix}} | {{Coût estimé}} |
| Verger partagé du Coteau | Le Coteau | 612 | 24~500~€ |
| Abris à vélos sécurisés à la gare | toute la commune | 588 | 29~000~€ |
| Boîte à livres géante | Centre-bourg | 497 | 6~800~€ |
| Jeux pour les tout-petits au square Pasteur | Les Prés-Verts | 455 | 27~300~€ |
| Éclairage solaire du chemin des écoliers | Les Prés-Verts | 402 | 18~900~€ |
| Fontaine à eau place du Marché | Centre-bourg | 377 | 12~400~€ |
| Toilettes publiques accessibles au parc | toute la commune | 341 | 21~000~€ |

{{{Et maintenant ?}}}

Les services techniques rencontreront chaque équipe porteuse dès le mois prochain pour affiner les plans. Les premiers chantiers commenceront à l’automne ; une carte de suivi sera mise à jour à chaque étape.

<quote>On pensait que notre idée de verger ne passerait jamais. Tout le quartier s’est mobilisé pour voter : c’est une belle fierté ! Rendez-vous en novembre pour planter les premiers pommiers.

-- Le collectif « Les Pommiers du Coteau »</quote>

Les projets non retenus ne sont pas oubliés : plusieurs pourront être repris dans le programme d’investissement de la commune[[Le conseil municipal en débattra lors de la séance consacrée aux orientations budgétaires, ouverte au public.]]. La deuxième édition ouvrira en janvier.`;

/** Events: the Christmas market, the fête de la musique, the participatory budget's results. */
export const AGENDA_ARTICLES: readonly DemoArticle[] = [
  {
    key: 'noel',
    section: 'agenda',
    title: 'Marché de Noël : trois jours de fête sur le parvis',
    lead: 'Soixante exposants, une patinoire, des contes au coin du feu et le Père Noël en calèche : rendez-vous du vendredi au dimanche, dans le centre-bourg.',
    body: MARCHE_DE_NOEL,
    credits: 'Comité des fêtes et service événementiel de Val-Fleuri',
    daysAgo: 540,
  },
  {
    key: 'budget-resultats',
    section: 'agenda',
    title: 'Budget participatif : sept projets lauréats',
    lead: '2\u00a0318 habitants ont voté. Un verger partagé, des abris à vélos et une boîte à livres géante font partie des projets qui verront le jour cette année.',
    body: BUDGET_RESULTATS,
    credits: 'Service démocratie locale ; résultats validés par la commission de suivi',
    daysAgo: 290,
  },
  {
    key: 'musique',
    section: 'agenda',
    title: 'Fête de la musique : douze scènes pour une nuit',
    lead: 'Le 21 juin, de 18\u00a0h à 1\u00a0h du matin, le centre-bourg devient une grande scène ouverte. Chorales, fanfares, rock et musiques du monde : tout le monde joue, tout le monde écoute.',
    body: FETE_DE_LA_MUSIQUE,
    credits: 'Service culturel de Val-Fleuri ; poème : atelier d’écriture du collège Jean-Moulin',
    daysAgo: 6,
  },
];
