/** The query language in brief, with examples (the full guide: docs/watch-queries.md). */
const ROWS: readonly (readonly [string, string])[] = Object.freeze([
  ['festival concert', 'les deux mots (ET implicite) ; majuscules, accents et élisions (l’, d’, qu’…) ne comptent pas ; pluriels et terminaisons courantes trouvés'],
  ['"fête de la musique"', 'l’expression exacte, mots dans cet ordre, sans variantes'],
  ['festival OU concert', 'l’un ou l’autre (aussi OR)'],
  ['festival ET été', 'les deux (aussi AND)'],
  ['festival SAUF annulé', 'le premier sans le second (aussi NOT)'],
  ['(concert OU spectacle) ET gratuit', 'parenthèses pour grouper'],
  ['festiv*', 'les mots qui commencent ainsi (festival, festivités…)'],
  ['NEAR/5(festival, programmation)', 'à 5 mots au plus l’un de l’autre ; ONEAR/5(…) : dans cet ordre'],
  ['title:budget', 'dans le titre seulement ; aussi author:, site:, lang:, source:'],
]);

/** A table of the query syntax, shown beside the query field and on the help page. */
export function WatchQueryHelp() {
  return (
    <table class="list query-help">
      <caption>Écrire une requête</caption>
      <thead><tr><th scope="col">Exemple</th><th scope="col">Trouve</th></tr></thead>
      <tbody>
        {ROWS.map(([example, meaning]) => <tr><th scope="row"><code>{example}</code></th><td>{meaning}</td></tr>)}
      </tbody>
    </table>
  );
}
