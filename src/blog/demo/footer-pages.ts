/** A page every French public site must carry, linked from each page's footer. */
export interface FooterPage {
  readonly slug: string;
  readonly title: string;
  readonly body: string;
}

// Starting texts in SPIP shortcuts. Whatever the team must fill in is in italics and between
// parentheses, "{(à compléter : …)}", so it stands out on the page until it is replaced.

/** Follows the structure RGAA 4.1 expects of an accessibility statement. */
const ACCESSIBILITE = `La commune {(à compléter : nom de la collectivité)} s’engage à rendre ses sites internet accessibles, comme le prévoit l’article 47 de la loi n° 2005-102 du 11 février 2005 pour l’égalité des droits et des chances, la participation et la citoyenneté des personnes handicapées.

Elle met en œuvre cet engagement au moyen d’un schéma pluriannuel de mise en accessibilité et d’un plan d’action annuel {(à compléter : lien vers ces documents)}.

Cette déclaration s’applique au site {(à compléter : adresse du site)}.

{{{État de conformité}}}

{(À compléter après l’audit.)} Tant qu’aucun audit n’a été mené, le site est déclaré {{non conforme}} au référentiel général d’amélioration de l’accessibilité (RGAA), version 4.1. Après l’audit, indiquez ici « totalement conforme » (100 % des critères respectés), « partiellement conforme » (au moins 50 %) ou « non conforme » (moins de 50 %).

Le gabarit du site, fourni par le logiciel Relais, a été conçu pour respecter le RGAA : navigation au clavier, lien d’évitement, contrastes suffisants, pages utilisables sans JavaScript. Les contenus publiés par la commune (textes, images, documents joints) doivent aussi l’être : chaque image porte une alternative textuelle et chaque document est proposé dans un format accessible.

{{{Résultats des tests}}}

{(À compléter : nom de l’organisme ou de la personne qui a réalisé l’audit, date de l’audit, taux de conformité obtenu.)}

{{{Contenus non accessibles}}}

Non-conformités :
-* {(à compléter : critères non respectés, avec pour chacun une phrase qui dit ce qui ne fonctionne pas)}

Dérogations pour charge disproportionnée :
-* {(à compléter, ou « aucune »)}

Contenus non soumis à l’obligation d’accessibilité :
-* {(à compléter : par exemple, documents bureautiques publiés avant le 23 septembre 2018, cartes interactives)}

{{{Établissement de cette déclaration}}}

Cette déclaration a été établie le {(à compléter : date)}.

-* Technologies utilisées : HTML, CSS.
-* Environnements de test : {(à compléter : navigateurs et lecteurs d’écran utilisés, par exemple NVDA avec Firefox, VoiceOver avec Safari)}.
-* Outils d’évaluation : {(à compléter)}.
-* Pages vérifiées : l’accueil, une rubrique, un article, la présente page, les mentions légales {(à compléter)}.

{{{Retour d’information et contact}}}

Vous ne parvenez pas à accéder à un contenu ou à un service de ce site ? Dites-le-nous : nous vous orienterons vers une solution de remplacement ou vous ferons parvenir le contenu sous une autre forme.

-* Par courriel : {(à compléter : adresse de contact)}
-* Par courrier :
_ Mairie de {(à compléter)}
_ {(adresse postale à compléter)}

{{{Voies de recours}}}

Si vous nous avez signalé un défaut d’accessibilité qui vous empêche d’accéder à un contenu ou à un service, et que vous n’avez pas obtenu de réponse satisfaisante, vous pouvez saisir le Défenseur des droits :

-# par le [formulaire en ligne du Défenseur des droits->https://formulaire.defenseurdesdroits.fr/] ;
-# auprès d’un [délégué ou d’une déléguée de votre région->https://www.defenseurdesdroits.fr/saisir/delegues] ;
-# par courrier, gratuitement, sans affranchissement :
_ Défenseur des droits
_ Libre réponse 71120
_ 75342 Paris CEDEX 07`;

/** The notices French law asks of any publisher (LCEN, article 6). */
const MENTIONS_LEGALES = `{{{Éditeur du site}}}

Commune de {(à compléter)}
_ {(adresse postale à compléter)}
_ Téléphone : {(à compléter)}
_ Courriel : {(à compléter)}
_ SIRET : {(à compléter)}

{{{Direction de la publication}}}

{(À compléter : nom du maire ou de la maire)}, en sa qualité de représentant légal de la commune. La rédaction est assurée par le service communication.

{{{Hébergement}}}

{(À compléter : nom, adresse et téléphone de l’hébergeur.)} Le site fonctionne avec Relais, logiciel libre publié sous licence AGPL.

{{{Réutilisation des contenus}}}

Sauf mention contraire, les textes de ce site peuvent être repris librement, à condition de citer la source (« Commune de … ») et la date de mise à jour, et de ne pas en dénaturer le sens. Les photographies, illustrations et logos restent la propriété de leurs auteurs : demandez-nous l’autorisation avant de les utiliser.

{{{Liens vers d’autres sites}}}

Les liens vers des sites extérieurs sont proposés pour vous informer ; la commune n’est pas responsable de leur contenu. Vous pouvez faire un lien vers ce site sans autorisation préalable, pourvu que la page s’ouvre dans une fenêtre de navigateur et non à l’intérieur d’un autre site.

{{{Accessibilité}}}

Voir la [déclaration d’accessibilité->/page/accessibilite].`;

/** What the site collects, why, for how long, and the reader's rights under the GDPR. */
const DONNEES_PERSONNELLES = `La commune collecte {{le moins de données possible}} et ne les vend ni ne les cède à personne. Cette page explique ce qu’elle recueille sur ce site, pourquoi, et comment exercer vos droits.

{{{Responsable du traitement}}}

Le maire ou la maire de {(à compléter)}, pour le compte de la commune.
_ Délégué ou déléguée à la protection des données : {(à compléter : nom ou organisme, et adresse de contact)}

{{{Ce que nous recueillons}}}

|| Données recueillies | Pour chaque usage du site, les données recueillies, leur finalité et leur durée de conservation ||
| {{Usage}} | {{Données}} | {{Pourquoi}} | {{Conservation}} |
| Lecture du site | adresse IP, pages demandées | sécurité, lutte contre les abus | {(à compléter, 1 an au plus)} |
| Commentaire sous un article | nom ou pseudonyme, message, courriel facultatif, adresse IP | publier et modérer les messages, vous répondre | message : tant qu’il est publié ; adresse IP : le temps de traiter un éventuel abus |
| Espace de rédaction | nom, courriel, journal des actions | gérer les comptes des agents et tracer les modifications | durée du compte, puis {(à compléter)} |

Votre adresse électronique n’est jamais affichée sur le site. Elle ne sert qu’à vous prévenir, si vous l’avez demandé, de la publication de votre message ou d’une réponse.

{{{Cookies}}}

La lecture du site ne dépose aucun cookie publicitaire ni de mesure d’audience. Seuls les agents qui se connectent à l’espace de rédaction reçoivent un cookie de session, indispensable à leur connexion et supprimé quand ils se déconnectent.

{{{Vos droits}}}

Conformément au règlement général sur la protection des données (RGPD) et à la loi « Informatique et libertés », vous pouvez :
-* accéder aux données qui vous concernent et en obtenir une copie ;
-* les faire corriger ou effacer ;
-* vous opposer à leur traitement ou en demander la limitation.

Écrivez au délégué à la protection des données (adresse ci-dessus) en précisant le message ou le compte concerné. Nous vous répondrons dans un délai d’un mois.

Si vous estimez que vos droits ne sont pas respectés, vous pouvez adresser une réclamation à la [CNIL|Commission nationale de l’informatique et des libertés->https://www.cnil.fr/fr/plaintes].`;

/** Starting texts, to be completed by the site's team in the back office. */
export const FOOTER_PAGES: readonly FooterPage[] = Object.freeze([
  { slug: 'accessibilite', title: 'Déclaration d’accessibilité', body: ACCESSIBILITE },
  { slug: 'mentions-legales', title: 'Mentions légales', body: MENTIONS_LEGALES },
  { slug: 'donnees-personnelles', title: 'Données personnelles', body: DONNEES_PERSONNELLES },
]);
