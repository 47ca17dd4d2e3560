import type { DemoArticle } from './demo-article.js';

// Bodies are SPIP shortcuts (MARKUP.md); lines start at column 0 because `-*`, `-#`, `_ ` and `|`
// only mean something at the start of a line.

const BUDGET = `Un banc à l’ombre près de l’aire de jeux, un composteur au pied des immeubles, une piste cyclable jusqu’au collège : vous avez sûrement une idée qui rendrait la vie plus agréable dans votre quartier. Le [?budget participatif] vous donne les moyens de la réaliser : {{150~000 euros}} du budget d’investissement de la commune sont réservés aux projets des habitants.

{{{Qui peut participer ?}}}

Toute personne qui habite Val-Fleuri, {{dès 11 ans}} et sans condition de nationalité. Les associations, les conseils de quartier et les classes des écoles peuvent aussi déposer un projet collectif.

{{{Comment ça marche ?}}}

-# Vous déposez votre idée en ligne ou sur papier, à l’accueil de la mairie, jusqu’au 15 mars.
-# Les services vérifient qu’elle est réalisable, qu’elle relève bien de la commune et qu’elle tient dans l’enveloppe.
-# Les projets retenus sont présentés lors d’un forum public, en avril.
-# Les habitants votent en mai ; les projets qui recueillent le plus de voix sont réalisés dans l’année qui suit.

{{{Les règles du jeu}}}

Un projet doit :
-* servir l’intérêt général et être ouvert à tous ;
-* relever des compétences de la commune ;
-* correspondre à une dépense d’investissement[[Une dépense d’investissement crée ou améliore un bien durable : un équipement, un aménagement, du mobilier. Les dépenses de fonctionnement, comme un salaire ou une subvention annuelle, en sont exclues.]] de 30~000 euros au plus.

|| Répartition de l’enveloppe | Montant réservé à chacun des trois quartiers et aux projets qui concernent toute la commune ||
| {{Périmètre}} | {{Enveloppe}} |
| Centre-bourg | 35~000~€ |
| Les Prés-Verts | 35~000~€ |
| Le Coteau | 30~000~€ |
| Toute la commune | 50~000~€ |

Le règlement complet est consultable en mairie et sur [la plateforme de participation->https://participation.example.org/val-fleuri]. Besoin d’aide pour rédiger votre idée ? Les agents du point information jeunesse et de la médiathèque vous accompagnent, sans rendez-vous.`;

const TRAVAUX = `La chaussée de la rue des Tilleuls n’avait pas été reprise depuis 1987. Avant de la refaire, le syndicat des eaux remplace la canalisation, vieille de soixante ans, qui a cédé deux fois l’hiver dernier. Les travaux avancent par tronçons pour que chaque riverain garde un accès à son domicile.

|| Calendrier des travaux | Les trois phases du chantier, avec leurs dates, la portion de rue concernée et les conditions de circulation ||
| {{Phase}} | {{Dates}} | {{Portion}} | {{Circulation}} |
| 1 | 3 avril – 5 mai | de la place de la Mairie à la rue du Moulin | alternée par feux |
| 2 | 9 mai – 9 juin | de la rue du Moulin à l’école | fermée, sauf riverains |
| 3 | 12 juin – 30 juin | enrobé sur toute la longueur | fermée la nuit, trois nuits |

{{{Ce qui change pour vous}}}

- Le ramassage des ordures ménagères est maintenu : sortez vos bacs au coin de la rue du Moulin.
- L’arrêt de bus « Tilleuls » est déplacé de 150 mètres, devant la boulangerie.
- Le stationnement est interdit des deux côtés de la rue pendant les phases 1 et 2.

{{{Ce que l’on y gagne}}}

-* des trottoirs élargis à 1,80 m, praticables en fauteuil roulant et avec une poussette ;
-* un plateau surélevé devant l’école, pour faire ralentir les voitures ;
-* onze arbres plantés à l’automne, en remplacement des quatre abattus.

{{{Suivre le chantier}}}

Recevez un SMS à chaque étape : envoyez <code>TILLEULS</code> au 06 00 00 00 00 (prix d’un SMS). Pour ajouter le calendrier du chantier à votre agenda, copiez cette adresse dans votre application :

<cadre>
https://www.example.org/val-fleuri/agenda/travaux-tilleuls.ics
</cadre>

Le conducteur de travaux tient une permanence chaque mardi, de 17~h à 18~h, devant le n° 24. Vous pouvez aussi [appeler les services techniques->tel:+33100000000].

----

{Le chantier coûte 600~000 euros : 420~000 euros à la charge de la commune, 180~000 euros à celle du syndicat des eaux, avec une subvention du département.}`;

const CRECHE = `Construite à la place de l’ancien centre technique, la crèche des Prés-Verts double presque le nombre de places d’accueil collectif de la commune. Le bâtiment, en ossature bois, a été dessiné avec les équipes de la petite enfance : dortoirs au calme côté jardin, salles de jeux baignées de lumière, coin allaitement et bureau pour recevoir les parents.

{{{La crèche en bref}}}

|| La crèche en chiffres | Capacité, horaires, surface et équipe de la nouvelle crèche ||
| {{Capacité}} | 40 berceaux, de 10 semaines à 3 ans |
| {{Horaires}} | du lundi au vendredi, de 7~h~30 à 19~h |
| {{Surface}} | 620 m² de locaux et 300 m² de jardin |
| {{Équipe}} | 14 professionnelles et professionnels, dont une infirmière puéricultrice |

Les repas sont préparés sur place, avec des produits de saison venus en grande partie des fermes du canton. Les couches sont fournies.

{{{Faire une demande de place}}}

-# Remplissez le formulaire de préinscription à l’accueil de la mairie ou au relais petite enfance, dès le sixième mois de grossesse.
-# Joignez un justificatif de domicile et votre dernier avis d’imposition.
-# La commission d’attribution se réunit en avril, en juin et en novembre ; vous recevez sa réponse par courrier dans les quinze jours.

Les places sont attribuées selon des critères publics : date de la demande, situation professionnelle des parents, frère ou sœur déjà accueilli, handicap de l’enfant ou d’un parent. Le tarif dépend des revenus et de la taille du foyer, selon le barème national : [->https://www.example.org/bareme-accueil-jeune-enfant].

----

{{{Portes ouvertes}}}

Venez découvrir les lieux avec vos enfants le samedi 28 juin, de 10~h à 16~h. La directrice, Mme Aubert, et les architectes feront visiter le bâtiment toutes les heures.`;

const ENCOMBRANTS = `Jusqu’ici, les encombrants étaient ramassés deux fois par an, quartier par quartier. Le système montrait ses limites : meubles abîmés par la pluie, trottoirs encombrés pendant des jours, dépôts en dehors des dates. La collecte sur rendez-vous est plus souple pour vous et plus propre pour tout le monde.

{{{Comment prendre rendez-vous ?}}}

- en ligne, sur [le portail des démarches|Prendre rendez-vous pour la collecte des encombrants->https://demarches.example.org/val-fleuri/encombrants] ;
- par téléphone au 01 00 00 00 00, du lundi au vendredi de 9~h à 12~h ;
- à l’accueil de la mairie.

Donnez la liste de vos objets : un agent vous rappelle pour confirmer la date et le créneau. Sortez-les {{la veille au soir}}, devant chez vous, sans gêner le passage des piétons ni des fauteuils roulants.

{{{Ce qui est accepté, ce qui ne l’est pas}}}

|| Objets acceptés et refusés | Ce que la collecte prend en charge, ce qu’elle refuse et où déposer ce qu’elle refuse ||
| {{Acceptés}} | {{Refusés}} | {{Où déposer les objets refusés ?}} |
| Meubles, literie | Gravats, pots de peinture | Déchetterie des Sablons |
| Gros électroménager | Pneus | Garages partenaires |
| Vélos, poussettes | Déchets verts | Composteur ou déchetterie |

Au-delà de trois mètres cubes, ou de deux rendez-vous par an, la collecte est facturée au tarif voté par le conseil municipal[[La délibération qui fixe les tarifs des services publics communaux est affichée en mairie et consultable à l’accueil.]].

Votre numéro de rendez-vous ressemble à <code>ENC-0153</code> : gardez-le, il vous sera demandé pour changer de date ou annuler le passage.

{Un meuble encore en bon état ? Pensez d’abord à la ressourcerie de la rue des Sablons, qui vient le chercher gratuitement.}`;

/** Services: the participatory budget, road works, a new nursery, bulky-waste collection. */
export const SERVICES_ARTICLES: readonly DemoArticle[] = [
  {
    key: 'budget',
    section: 'services',
    title: 'Budget participatif : 150\u00a0000 euros pour vos idées',
    lead: 'Pour la première fois, la commune confie aux habitants une part de son budget d’investissement. Chacun peut proposer un projet pour son quartier jusqu’au 15 mars.',
    body: BUDGET,
    credits: 'Service démocratie locale de Val-Fleuri',
    daysAgo: 700,
  },
  {
    key: 'travaux',
    section: 'services',
    title: 'Travaux de voirie : la rue des Tilleuls refaite en trois phases',
    lead: 'D’avril à la fin juin, la rue des Tilleuls change de visage : canalisation d’eau neuve, trottoirs élargis et plateau ralentisseur devant l’école.',
    body: TRAVAUX,
    credits: 'Services techniques municipaux et syndicat des eaux de la vallée',
    daysAgo: 455,
  },
  {
    key: 'creche',
    section: 'services',
    title: 'La crèche des Prés-Verts ouvre ses portes en septembre',
    lead: 'Quarante berceaux, un jardin et des repas préparés sur place : la nouvelle crèche municipale accueillera ses premiers enfants à la rentrée. Les demandes sont ouvertes.',
    body: CRECHE,
    credits: '',
    daysAgo: 180,
  },
  {
    key: 'encombrants',
    section: 'services',
    title: 'Encombrants : la collecte passe sur rendez-vous',
    lead: 'Fini les dépôts sauvages sur les trottoirs : les encombrants sont désormais collectés devant chez vous, gratuitement, sur simple rendez-vous.',
    body: ENCOMBRANTS,
    credits: 'Service propreté et environnement',
    daysAgo: 75,
  },
];
