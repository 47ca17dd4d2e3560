import { AdminPager, DataTable } from '../http/admin-kit.js';
import { AdminLayout, type AdminContext } from '../http/admin-layout.js';
import { formatDateTime } from '../i18n/format-date.js';
import { auditActionLabel, auditObjectLabel } from './action-labels.js';
import type { AuditEntry } from './store.js';

/** The audit log, most recent first: when, who, what, on which object, and a summary. */
export function JournalPage(props: { ctx: AdminContext; entries: readonly AuditEntry[]; page: number; hasNext: boolean; timeZone: string }) {
  return (
    <AdminLayout ctx={props.ctx} title="Journal des modifications" current="/ecrire/journal">
      {props.entries.length === 0 ? <p class="empty">Aucune modification enregistrée{props.page > 1 ? ' sur cette page' : ''}.</p> : (
        <DataTable caption={`Modifications faites dans l’espace de rédaction, les plus récentes d’abord (page ${props.page})`}
          columns={['Date', 'Qui', 'Action', 'Objet', 'Résumé']}>
            {props.entries.map((entry) => (
              <tr>
                <th scope="row"><time datetime={entry.at}>{formatDateTime(entry.at, 'fr', props.timeZone)}</time></th>
                <td>{entry.userName ?? (entry.userId === null ? 'Système (ligne de commande, tâche programmée)' : 'Compte supprimé')}</td>
                <td>{auditActionLabel(entry.action)}</td>
                <td>{auditObjectLabel(entry.objectType, entry.objectId)}</td>
                <td>{entry.summary}</td>
              </tr>
            ))}
        </DataTable>
      )}
      <AdminPager page={props.page} hasNext={props.hasNext} href={(n) => (n === 1 ? '/ecrire/journal' : `/ecrire/journal?page=${n}`)} />
    </AdminLayout>
  );
}
