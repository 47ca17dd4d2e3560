/**
 * Realistic French article bodies written with SPIP shortcuts, and the same
 * content in Markdown, for the benchmark and the corpus tests.
 */
export const spipArticle = `{{{Conseil municipal du 12 mars}}}

Le conseil municipal s'est réuni jeudi soir en mairie. {{Quatorze délibérations}} ont été adoptées, dont le budget primitif : voir [le compte rendu complet->https://www.exemple-commune.fr/conseil/2024-03-12] et [l'ordre du jour->art12].
Les élus ont aussi voté la {subvention exceptionnelle} accordée au comité des fêtes[[Montant : 4 500 euros, versés en deux fois.]].

- Travaux de voirie rue Jean-Jaurès ;
- Rénovation de l'école Marie-Curie ;
- Extension du réseau de pistes cyclables.

{{{Les chiffres du budget}}}

|| Budget primitif | Montants votés en euros ||
| {{Poste}} | {{Fonctionnement}} | {{Investissement}} |
| Écoles | 1 250 000 | 480 000 |
| Voirie | 620 000 | 1 100 000 |
| Culture | 310 500 | 95 000 |

Mme Dupont, adjointe aux finances, rappelle que la taxe foncière n'augmente pas : « Nous tenons nos engagements ! » Le taux reste fixé à 22,5 %, comme l'an dernier. Questions ? Écrivez à [la mairie->mairie@exemple-commune.fr].

-* Permanences des élus le samedi matin
-** de 9 h à 12 h en mairie
-** sur rendez-vous au 01 23 45 67 89
-* Prochaine séance : le 9 avril

<quote>La démocratie locale, c'est d'abord l'écoute des habitants.</quote>

Plus d'informations sur https://www.exemple-commune.fr/vie-municipale et dans le bulletin n° 42.
`;

export const markdownArticle = `## Conseil municipal du 12 mars

Le conseil municipal s'est réuni jeudi soir en mairie. **Quatorze délibérations** ont été adoptées, dont le budget primitif : voir [le compte rendu complet](https://www.exemple-commune.fr/conseil/2024-03-12) et [l'ordre du jour](/articles/12).
Les élus ont aussi voté la *subvention exceptionnelle* accordée au comité des fêtes (montant : 4 500 euros, versés en deux fois).

- Travaux de voirie rue Jean-Jaurès ;
- Rénovation de l'école Marie-Curie ;
- Extension du réseau de pistes cyclables.

## Les chiffres du budget

Budget primitif — montants votés en euros

| **Poste** | **Fonctionnement** | **Investissement** |
| --- | --- | --- |
| Écoles | 1 250 000 | 480 000 |
| Voirie | 620 000 | 1 100 000 |
| Culture | 310 500 | 95 000 |

Mme Dupont, adjointe aux finances, rappelle que la taxe foncière n'augmente pas : « Nous tenons nos engagements ! » Le taux reste fixé à 22,5 %, comme l'an dernier. Questions ? Écrivez à [la mairie](mailto:mairie@exemple-commune.fr).

* Permanences des élus le samedi matin
  * de 9 h à 12 h en mairie
  * sur rendez-vous au 01 23 45 67 89
* Prochaine séance : le 9 avril

> La démocratie locale, c'est d'abord l'écoute des habitants.

Plus d'informations sur https://www.exemple-commune.fr/vie-municipale et dans le bulletin n° 42.
`;
