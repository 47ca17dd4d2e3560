import { DataTable } from '../../../http/admin-kit.js';
import { AdminLayout, type AdminContext } from '../../../http/admin-layout.js';
import { formatLongDate } from '../../../i18n/format-date.js';
import { VeilleNav } from '../../inbox/views/inbox-page.js';
import { SOURCE_KIND_LABELS } from '../../sources/source-kind-labels.js';
import { BarChart } from '../charts/bar-chart.js';
import { LineChart } from '../charts/line-chart.js';
import { DASHBOARD_PERIODS, type DashboardData } from '../load-dashboard.js';
import { wholePercents } from '../whole-percents.js';

/** Where the dashboard lives in the back office. */
export const DASHBOARD_PATH = '/ecrire/veille/tableau-de-bord';

const longDay = (day: string) => formatLongDate(`${day}T12:00:00Z`, 'fr', 'UTC');
const shortDay = (day: string) => `${day.slice(8, 10)}/${day.slice(5, 7)}`;
const plural = (n: number, one: string, many: string) => `${n} ${n > 1 ? many : one}`;

/**
 * The watch's dashboard: four charts drawn on the server as SVG, each an image with a title and
 * a description, followed by its numbers as a table (the text alternative), over 30 or 90 days.
 */
export function DashboardPage(props: { ctx: AdminContext; data: DashboardData }) {
  const { data } = props;
  const period = `sur les ${data.days} derniers jours (du ${longDay(data.dayList[0]!)} au ${longDay(data.dayList.at(-1)!)})`;
  const kindTotal = data.byKind.reduce((s, k) => s + k.items, 0);
  const shares = wholePercents(data.byKind.map((k) => k.items));
  const totals = data.perDay.map((s) => s.values.reduce((a, b) => a + b, 0));
  const busiest = data.perDay.length > 0 ? `La veille la plus active est « ${data.perDay[0]!.name} » avec ${plural(totals[0]!, 'élément', 'éléments')}. ` : '';
  return (
    <AdminLayout ctx={props.ctx} title="Tableau de bord de la veille" current="/ecrire/veille/sources">
      <VeilleNav ctx={props.ctx} />
      <nav class="status-filter" aria-label="Période">
        <ul>
          {DASHBOARD_PERIODS.map((days) => (
            <li><a href={`${DASHBOARD_PATH}?jours=${days}`} aria-current={days === data.days ? 'page' : undefined}>{days} jours</a></li>
          ))}
        </ul>
      </nav>
      <p>Éléments retenus par les veilles {period}, comptés au jour de leur arrivée (heure de Paris).</p>

      <section aria-labelledby="par-jour">
        <h2 id="par-jour">Éléments par jour et par veille</h2>
        {data.perDay.length === 0 ? <p>Aucun élément retenu par une veille sur cette période.</p> : (
          <>
            <LineChart id="graphique-jours" title={`Éléments retenus par jour et par veille, ${period}`}
              description={`${busiest}Courbes par veille ; les valeurs jour par jour sont dans le tableau qui suit.`}
              labels={data.dayList.map(shortDay)} series={data.perDay} />
            <details>
              <summary>Tableau des éléments par jour</summary>
              <DataTable caption="Éléments retenus par jour et par veille" columns={['Jour', ...data.perDay.map((s) => s.name)]}>
                {data.dayList.map((day, i) => (
                  <tr><th scope="row">{longDay(day)}</th>{data.perDay.map((s) => <td>{s.values[i]}</td>)}</tr>
                ))}
                <tr><th scope="row">Total</th>{totals.map((t) => <td>{t}</td>)}</tr>
              </DataTable>
            </details>
          </>
        )}
      </section>

      <section aria-labelledby="par-type">
        <h2 id="par-type">Part par type de source</h2>
        {kindTotal === 0 ? <p>Aucun élément sur cette période.</p> : (
          <>
            <BarChart id="graphique-types" title={`Éléments retenus par type de source, ${period}`}
              description={`${data.byKind.map((k, i) => `${SOURCE_KIND_LABELS[k.kind]} : ${shares[i]} %`).join(' ; ')}.`}
              categories={data.byKind.map((k) => SOURCE_KIND_LABELS[k.kind])} series={[{ name: 'Éléments', values: data.byKind.map((k) => k.items) }]} />
            <DataTable caption="Éléments retenus par type de source" columns={['Type de source', 'Éléments', 'Part']}>
              {data.byKind.map((k, i) => <tr><th scope="row">{SOURCE_KIND_LABELS[k.kind]}</th><td>{k.items}</td><td>{shares[i]} %</td></tr>)}
            </DataTable>
          </>
        )}
      </section>

      <section aria-labelledby="sources">
        <h2 id="sources">Sources les plus citées</h2>
        {data.topSources.length === 0 ? <p>Aucune source sur cette période.</p> : (
          <>
            <BarChart id="graphique-sources" title={`Les ${data.topSources.length} sources aux éléments les plus retenus, ${period}`}
              description={`En tête : ${data.topSources.slice(0, 3).map((s) => `${s.title || s.url} (${s.items})`).join(', ')}.`}
              categories={data.topSources.map((s) => s.title || s.url)} series={[{ name: 'Éléments', values: data.topSources.map((s) => s.items) }]} />
            <DataTable caption="Sources aux éléments les plus retenus" columns={['Source', 'Éléments']}>
              {data.topSources.map((s) => (
                <tr><th scope="row"><a href={`/ecrire/veille/sources/${s.sourceId}`}>{s.title || s.url}</a></th><td>{s.items}</td></tr>
              ))}
            </DataTable>
          </>
        )}
      </section>

      <section aria-labelledby="traitement">
        <h2 id="traitement">Traités et non traités</h2>
        {data.triage.length === 0 ? <p>Rien à traiter sur cette période.</p> : (
          <>
            <BarChart id="graphique-traitement" title={`Éléments traités, ignorés et non traités par veille, ${period}`}
              description={`En tout : ${data.triage.reduce((s, t) => s + t.handled, 0)} traités, ${data.triage.reduce((s, t) => s + t.ignored, 0)} ignorés, ${data.triage.reduce((s, t) => s + t.open, 0)} non traités (nouveaux ou à traiter).`}
              categories={data.triage.map((t) => t.name)}
              series={[{ name: 'Traités', values: data.triage.map((t) => t.handled) }, { name: 'Ignorés', values: data.triage.map((t) => t.ignored) },
                { name: 'Non traités', values: data.triage.map((t) => t.open) }]} />
            <DataTable caption="Éléments traités et non traités par veille" columns={['Veille', 'Traités', 'Ignorés', 'Non traités']}>
              {data.triage.map((t) => <tr><th scope="row">{t.name}</th><td>{t.handled}</td><td>{t.ignored}</td><td>{t.open}</td></tr>)}
            </DataTable>
          </>
        )}
      </section>
    </AdminLayout>
  );
}
