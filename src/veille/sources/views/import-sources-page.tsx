import { CsrfField, TextAreaField } from '../../../http/admin-kit.js';
import { AdminLayout, type AdminContext } from '../../../http/admin-layout.js';
import type { OpmlImportReport } from '../import-opml.js';

/** The OPML import: the document pasted in a text area, then the import's report, line by line. */
export function ImportSourcesPage(props: { ctx: AdminContext; opml: string; report?: OpmlImportReport }) {
  const { ctx, report } = props;
  return (
    <AdminLayout ctx={ctx} title="Importer des sources (OPML)" current="/ecrire/veille/sources">
      <p><a href="/ecrire/veille/sources">Retour aux sources</a></p>
      {report ? (
        <div class="panel" role="status">
          <h2>Résultat de l’import</h2>
          <p>{report.added} source{report.added > 1 ? 's' : ''} ajoutée{report.added > 1 ? 's' : ''}, {report.alreadyWatched} déjà suivie{report.alreadyWatched > 1 ? 's' : ''}, {report.errors.length} erreur{report.errors.length > 1 ? 's' : ''}.</p>
          {report.errors.length > 0 ? <ul>{report.errors.map((e) => <li>Ligne {e.line} : {e.message}</li>)}</ul> : null}
        </div>
      ) : null}
      <form method="post" action="/ecrire/veille/sources/importer">
        <CsrfField token={ctx.csrfToken} />
        <TextAreaField name="opml" label="Contenu du fichier OPML" value={props.opml} rows={12}
          hint="Ouvrez le fichier exporté de votre lecteur de flux avec un éditeur de texte, copiez tout son contenu et collez-le ici. Une ligne en erreur n’empêche pas d’importer les autres." />
        <div class="actions"><button type="submit" class="button primary">Importer</button></div>
      </form>
    </AdminLayout>
  );
}
