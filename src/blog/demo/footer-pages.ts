/** A page every French public site must carry, linked from each page's footer. */
export interface FooterPage {
  readonly slug: string;
  readonly title: string;
  readonly body: string;
}

/** Starting texts, to be completed by the site's team in the back office. */
export const FOOTER_PAGES: readonly FooterPage[] = [
  {
    slug: 'accessibilite',
    title: 'Déclaration d’accessibilité',
    body: 'La commune s’engage à rendre son site internet accessible conformément à l’article 47 de la loi n° 2005-102 du 11 février 2005.\n\n{{{État de conformité}}}\n\nCe site est {{partiellement conforme}} avec le référentiel général d’amélioration de l’accessibilité (RGAA), version 4.1.\n\n{{{Retour d’information et contact}}}\n\nSi vous n’arrivez pas à accéder à un contenu ou à un service, contactez la mairie pour être orienté vers une alternative accessible ou obtenir le contenu sous une autre forme.',
  },
  {
    slug: 'mentions-legales',
    title: 'Mentions légales',
    body: '{{{Éditeur du site}}}\n\nMairie — adresse, téléphone, courriel.\n\n{{{Directeur ou directrice de la publication}}}\n\nLe maire ou la maire de la commune.\n\n{{{Hébergement}}}\n\nNom et adresse de l’hébergeur.',
  },
  {
    slug: 'donnees-personnelles',
    title: 'Données personnelles',
    body: 'Ce site collecte le minimum de données personnelles. Les adresses IP ne sont conservées que le temps nécessaire à la lutte contre les abus.\n\n{{{Vos droits}}}\n\nConformément au RGPD, vous pouvez accéder à vos données, les faire rectifier ou effacer en écrivant à la mairie.',
  },
];
