import { spipArticle } from './french-articles.js';
import { hostileCases } from './hostile-cases.js';

/** The inputs of MARKUP.md's rows, plus unclosed and misnested variants. */
const SPEC_INPUTS: readonly string[] = [
  'A\n\nB', 'Ligne 1\nLigne 2', 'Ligne 1\n_ Ligne 2', '_ Début', '{{{Intertitre}}}', '----', '---', '- un\n- deux',
  '-* un\n-** sous-point', '-# un', '| a | b |\n| c | d |', '| {{Nom}} | {{Ville}} |\n| Jean | Lyon |', '| {{Lyon}} | 522 000 |',
  '|| Légende | résumé ||\n| a | b |', '| a | 12 | 3,5 |', '| a | < | b |', '| a | b |\n| ^ | c |', '<quote>x</quote>',
  'Avant <quote>x', '<code>x</code> `y`', '<code>\nx\ny\n</code>', '```\nx\n```', '<cadre>a\nb</cadre>', '<frame>a</frame>',
  '<poesie>Un\n\nDeux</poesie>', '<poetry>Un</poetry>', '<html><b>x</b></html>', '{{gras}} {italique}', '[->https://example.com]',
  '[texte->https://example.com]', '[texte|bulle{en}->url]', '[->www.example.com]', '[->nom@exemple.fr]', '[appel->tel:+33123456789]',
  '[f->ftp://x.fr]', '[texte->#ancre] [ancre<-]', 'Voir https://e.fr et www.e.org.', '[?SPIP] [?Jean Jaurès] [?Paris#en]',
  '[->art12] [->article12] [->12] [texte->art12] [->rub3]', '[->doc4]', '<img4> <img4|left> <doc4> <emb4>', 'Texte [[Une note.]]',
  '[[<*>étoile]] [[<A>nommée]]', '{{gras [lien {ital}->https://e.com] fin}}', "Question ? oui! n° 5 Mme X « a » 50 % l'été -- ~",
  '{{gras', '{ital', '}} fin', '[lien sans fin', '[[note sans fin', '<quote>sans fin', '{{a [b}} c->d]', '<b>x<i>y</b>z</i>',
  '<ul><li>a<li>b</ul>', '<table><tr><td>a<td>b</table>', '<div><p>a<div>b</div></p></div>', '<p>a<p>b',
];

/** Everything the corpus tests render: spec rows, a realistic article, the hostile cases. */
export const specCorpus: readonly string[] = Object.freeze([...SPEC_INPUTS, spipArticle, ...hostileCases]);
