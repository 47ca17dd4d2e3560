import { DataTable } from '../../http/admin-kit.js';
import { AdminLayout, type AdminContext } from '../../http/admin-layout.js';
import { renderArticleText } from '../../blog/article-text.js';
import { spipShortcutHelp } from '../../markup/spip-shortcut-help.js';

/** The example as the article page renders it (renderArticleText: safe HTML). */
function Rendered(props: { text: string }) {
  const { html, notes } = renderArticleText(props.text);
  return <td class="help-result" dangerouslySetInnerHTML={{ __html: html + notes }} />;
}

/** "Aide des raccourcis typographiques": every shortcut, an example, its result and what it is for. */
export function HelpPage(props: { ctx: AdminContext }) {
  return (
    <AdminLayout ctx={props.ctx} title="Aide des raccourcis typographiques" current="/ecrire/aide">
      <p>Le chapô et le texte des articles se mettent en forme avec les raccourcis typographiques de SPIP : quelques signes autour des mots, sans bouton ni code HTML. La typographie française (espaces insécables avant « : ; ! ? », guillemets) est appliquée à l’affichage.</p>
      <DataTable caption="Raccourcis typographiques" columns={['Raccourci', 'Exemple à taper', 'Résultat', 'Usage']} class="help">
        {spipShortcutHelp.map((line) => (
          <tr>
            <th scope="row"><code>{line.shortcut}</code></th>
            <td><pre><code>{line.example}</code></pre></td>
            <Rendered text={line.example} />
            <td>{line.description}</td>
          </tr>
        ))}
      </DataTable>
      <p>Le bouton « Prévisualiser » du formulaire d’article montre le rendu exact avant d’enregistrer.</p>
    </AdminLayout>
  );
}
