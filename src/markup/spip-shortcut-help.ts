/** One line of the shortcut help: what to type, an example, what it does (in French). */
export interface ShortcutHelp {
  readonly shortcut: string;
  readonly example: string;
  readonly description: string;
  /** True for the shortcuts the short help under the forum form lists. */
  readonly forum: boolean;
}

const entry = (shortcut: string, example: string, description: string, forum = false): ShortcutHelp =>
  Object.freeze({ shortcut, example, description, forum });

/**
 * The SPIP shortcuts with examples, in French, for the back office "aide"
 * page and the help line under the forum form (filter on `forum`), so that
 * both draw the same text. Examples render with `renderSpip` as shown.
 *
 * @example spipShortcutHelp.filter((line) => line.forum).map((line) => line.example)
 */
export const spipShortcutHelp: readonly ShortcutHelp[] = Object.freeze([
  entry('{{…}}', '{{texte important}}', 'Met le texte en gras.', true),
  entry('{…}', '{titre d’un livre}', 'Met le texte en italique.', true),
  entry('[texte->adresse]', '[le site de la commune->https://www.exemple.fr]', 'Crée un lien ; sans texte, l’adresse s’affiche.', true),
  entry('[texte|bulle->adresse]', '[Plan|Plan du centre-ville->https://www.exemple.fr/plan]', 'Ajoute une bulle d’aide au lien.'),
  entry('[->art12]', '[Ordre du jour->art12]', 'Lien vers l’article 12 (rub3 : rubrique 3).'),
  entry('[->courriel]', '[->mairie@exemple.fr]', 'Lien vers une adresse électronique.'),
  entry('[?terme]', '[?Jean Jaurès]', 'Lien vers l’article de Wikipédia sur ce terme.'),
  entry('[ancre<-] / [texte->#ancre]', '[horaires<-] … [voir les horaires->#horaires]', 'Pose une ancre, puis un lien vers elle.'),
  entry('[[…]]', 'Le budget est voté[[Séance du 12 mars.]]', 'Ajoute une note de bas de page numérotée.'),
  entry('{{{…}}}', '{{{Les travaux de l’été}}}', 'Crée un intertitre.'),
  entry('ligne vide', 'Premier paragraphe.\n\nSecond paragraphe.', 'Sépare deux paragraphes.', true),
  entry('_ ', 'Ligne 1\n_ Ligne 2', 'Force un retour à la ligne.'),
  entry('- ', '- premier point\n- second point', 'Commence une ligne par un tiret.', true),
  entry('-* / -** / -#', '-* Premier\n-** Sous-point\n-# Étape numérotée', 'Crée une liste à puces, imbriquée ou numérotée.', true),
  entry('----', '----', 'Trace un trait horizontal.'),
  entry('| … | … |', '| {{Nom}} | {{Ville}} |\n| Dupont | Lyon |', 'Crée un tableau ; une première ligne en gras devient l’en-tête.'),
  entry('<quote>…</quote>', '<quote>Une citation.</quote>', 'Met un passage en citation.', true),
  entry('<code>…</code>', '<code>{{pas interprété}}</code>', 'Affiche du code tel quel.', true),
  entry('<cadre>…</cadre>', '<cadre>texte à copier</cadre>', 'Affiche un texte à copier dans un cadre.'),
  entry('<poesie>…</poesie>', '<poesie>Un vers\nUn autre vers</poesie>', 'Garde les retours à la ligne d’un poème.'),
  entry('<q>, <del>, <ins>', '<q>citée</q> <del>barré</del> <ins>ajouté</ins>', 'Citation courte, texte supprimé, texte ajouté.', true),
  entry('<img12|left>, <doc12>', '<img12|left>', 'Insère une image ou un document de la médiathèque.'),
  entry('~', '10~km', 'Espace insécable.'),
]);
