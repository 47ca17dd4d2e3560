import type { DemoArticle } from './demo-article.js';

// Bodies are SPIP shortcuts (MARKUP.md); lines start at column 0 because `-*`, `_ ` and `|`
// only mean something at the start of a line.

const JOBS_ETE = `Chaque été, la commune renforce ses équipes pour accueillir les visiteurs et faire tourner ses équipements pendant les congés. Pour beaucoup de jeunes, c’est une première expérience professionnelle : nous tenons à ce qu’elle soit bien encadrée et correctement payée.

|| Postes à pourvoir | Intitulé, service, nombre de postes et période de chaque emploi saisonnier ||
| {{Poste}} | {{Service}} | {{Postes}} | {{Période}} |
| Agent d’accueil et de caisse | Piscine municipale | 6 | juillet et août |
| Surveillant ou surveillante de baignade | Piscine municipale | 4 | juillet et août |
| Animateur ou animatrice | Centre de loisirs | 8 | juillet ou août |
| Agent des espaces verts | Services techniques | 4 | de juin à août |
| Conseiller ou conseillère en séjour | Office de tourisme | 2 | juillet et août |

{{{Conditions}}}

- avoir 16 ans révolus au 1er juillet ;
- habiter Val-Fleuri ou une commune voisine ;
- pour la surveillance de baignade, être titulaire du [?BNSSA] ;
- pour l’animation, avoir le [?BAFA] ou être en cours de formation.

Les postes sont payés au SMIC horaire, sur la base de 35 heures par semaine, avec une indemnité de fin de contrat[[Pour les agents contractuels, cette indemnité est égale à 10 % de la rémunération brute totale, lorsque le contrat dure un an au plus et que la rémunération ne dépasse pas un plafond fixé par décret.]].

{{{Candidater}}}

Envoyez un CV et quelques lignes à [->emploi@val-fleuri.example] en précisant le poste et les dates qui vous conviennent. Pas besoin d’une lettre parfaite : dites-nous simplement ce qui vous intéresse et ce que vous savez déjà faire.

<quote>L’été dernier, j’ai tenu la caisse de la piscine. J’ai appris à garder mon calme les jours de canicule, quand la file d’attente arrive jusqu’au parking… et j’y ai gagné de super collègues.

-- Inès, 18 ans</quote>

Un atelier « Mon premier CV » est proposé le mercredi 8 mars à 14~h au point information jeunesse, sans inscription.`;

const ANIMATEURS = `Depuis le retour à la semaine de quatre jours, plus de 400 enfants fréquentent chaque jour l’accueil périscolaire de nos trois écoles. Pour garder {{un adulte pour quatorze enfants}}[[Taux d’encadrement choisi par la commune pour les enfants de moins de six ans ; il est plus exigeant que le minimum réglementaire.]] chez les plus petits, l’équipe s’agrandit à la rentrée.

{{{Les missions}}}

-* Accueillir les enfants et leurs familles, le matin dès 7~h~30 et le soir jusqu’à 18~h~30.
-* Encadrer le temps du repas : aider les plus jeunes, faire goûter les plats, veiller au calme.
-* Proposer et animer des activités :
-** jeux collectifs et sport ;
-** ateliers créatifs, jardinage, lecture ;
-** projets menés avec les enseignants.
-* Participer aux réunions d’équipe et au projet pédagogique.

{{{Le profil recherché}}}

Vous avez le [?BAFA], un CAP Accompagnant éducatif petite enfance ou une expérience auprès d’enfants ? Vous êtes patient, inventif et à l’écoute ? Cette offre est pour vous. Sans diplôme, vous pouvez être formé : {{la commune finance le BAFA}} des animateurs qui s’engagent pour toute l’année scolaire.

<quote>Ce que j’aime, c’est le moment où un enfant timide finit par proposer lui-même un jeu aux autres. On ne fait pas que surveiller : on les aide à grandir.

-- Karim, animateur à l’école des Prés-Verts depuis six ans</quote>

{{{Trois formules}}}

|| Les contrats proposés | Pour chaque formule, les temps d’accueil concernés et le nombre d’heures par semaine ||
| {{Formule}} | {{Temps d’accueil}} | {{Heures par semaine}} |
| Matin et soir | 7~h~30 – 8~h~30 et 16~h~30 – 18~h~30 | 12 |
| Midi | 11~h~45 – 13~h~45 | 10 |
| Complète | matin, midi, soir et mercredi | 28 |

Rémunération selon la grille des adjoints d’animation, majorée pour les titulaires du BAFA ; titres-restaurant et participation à la mutuelle.

{{{Postuler}}}

Envoyez votre candidature (un CV et quelques lignes) avant le 30 juin à [->jeunesse@val-fleuri.example], ou par courrier :

Mairie de Val-Fleuri
_ Service enfance et jeunesse
_ 1, place de la République
_ 00000 Val-Fleuri

Vous êtes plutôt disponible l’été ? Regardez aussi nos [offres de jobs d’été->%art:jobs%].`;

/** Jobs: summer jobs at the town hall, after-school activity leaders. */
export const EMPLOI_ARTICLES: readonly DemoArticle[] = [
  {
    key: 'jobs',
    section: 'emploi',
    title: 'Jobs d’été : la mairie recrute vingt-quatre saisonniers',
    lead: 'Piscine, centre de loisirs, espaces verts, office de tourisme : les 16-25 ans peuvent postuler jusqu’au 31 mars.',
    body: JOBS_ETE,
    credits: 'Direction des ressources humaines de Val-Fleuri',
    daysAgo: 610,
  },
  {
    key: 'animateurs',
    section: 'emploi',
    title: 'Animateurs et animatrices périscolaires : rejoignez l’équipe',
    lead: 'Pour la rentrée, la commune recrute douze animateurs pour l’accueil du matin, la pause du midi et le mercredi. Contrats de 10 à 28 heures par semaine, BAFA financé.',
    body: ANIMATEURS,
    credits: 'Service enfance et jeunesse',
    daysAgo: 380,
  },
];
