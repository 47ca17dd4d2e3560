import { AdminLayout, type AdminContext } from '../../http/admin-layout.js';
import type { PageRow } from '../pages/page-store.js';
import type { VariantWithPage } from '../variants/variant-store.js';
import { firstLine } from './publications-page.js';
import { StateBadge } from './relay-labels.js';

/** A calendar's span: a week from Monday, or a month. */
export type CalendarView = 'semaine' | 'mois';

/** The days shown (`YYYY-MM-DD`, the site's days) and the previous and next spans' reference days. */
export interface CalendarSpan {
  readonly view: CalendarView;
  readonly days: readonly string[];
  /** The day links keep: the week's Monday, or the month's first day. */
  readonly reference: string;
  readonly previous: string;
  readonly next: string;
  readonly title: string;
}

const WEEKDAYS = ['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche'];
const day = (date: Date) => date.toISOString().slice(0, 10);
const addDays = (date: Date, n: number) => new Date(date.getTime() + n * 86_400_000);

/** The span around `reference` (a `YYYY-MM-DD` day): Monday to Sunday, or the month's weeks from Monday. */
export function calendarSpan(view: CalendarView, reference: string): CalendarSpan {
  const ref = new Date(`${reference}T00:00:00Z`);
  const monday = (date: Date) => addDays(date, -((date.getUTCDay() + 6) % 7));
  if (view === 'semaine') {
    const start = monday(ref);
    return {
      view, days: Array.from({ length: 7 }, (_, i) => day(addDays(start, i))), reference: day(start),
      previous: day(addDays(start, -7)), next: day(addDays(start, 7)), title: `Semaine du ${formatDay(day(start))}`,
    };
  }
  const first = new Date(Date.UTC(ref.getUTCFullYear(), ref.getUTCMonth(), 1));
  const last = new Date(Date.UTC(ref.getUTCFullYear(), ref.getUTCMonth() + 1, 0));
  const start = monday(first);
  const weeks = Math.ceil(((last.getTime() - start.getTime()) / 86_400_000 + 1) / 7);
  return {
    view, days: Array.from({ length: weeks * 7 }, (_, i) => day(addDays(start, i))), reference: day(first),
    previous: day(new Date(Date.UTC(ref.getUTCFullYear(), ref.getUTCMonth() - 1, 1))), next: day(addDays(last, 1)),
    title: new Intl.DateTimeFormat('fr', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(first),
  };
}

function formatDay(d: string): string {
  return new Intl.DateTimeFormat('fr', { day: 'numeric', month: 'long', timeZone: 'UTC' }).format(new Date(`${d}T00:00:00Z`));
}

/** What goes out when, per page: a week or a month, each day listing its posts (time, page, state). */
export function CalendarPage(props: {
  ctx: AdminContext; span: CalendarSpan; pages: readonly PageRow[]; pageId: number | undefined;
  entries: readonly { readonly day: string; readonly time: string; readonly variant: VariantWithPage }[];
}) {
  const { span } = props;
  const href = (changes: { vue?: string; date?: string; page?: string }) => {
    const q = new URLSearchParams({ vue: span.view, date: span.reference, ...(props.pageId ? { page: String(props.pageId) } : {}), ...changes });
    return `/ecrire/relais/calendrier?${q.toString()}`;
  };
  const weeks = Array.from({ length: span.days.length / 7 }, (_, w) => span.days.slice(w * 7, w * 7 + 7));
  return (
    <AdminLayout ctx={props.ctx} title={`Calendrier — ${span.title}`} current="/ecrire/relais">
      <form method="get" action="/ecrire/relais/calendrier" class="actions">
        <input type="hidden" name="vue" value={span.view} />
        <input type="hidden" name="date" value={span.reference} />
        <label for="f-page">Page</label>
        <select id="f-page" name="page">
          <option value="">Toutes les pages</option>
          {props.pages.map((p) => <option value={String(p.id)} selected={p.id === props.pageId}>{p.name}</option>)}
        </select>
        <button type="submit" class="button">Afficher</button>
      </form>
      <nav class="status-filter" aria-label="Période">
        <ul>
          <li><a href={href({ date: span.previous })}>Précédent</a></li>
          <li><a href={href({ vue: 'semaine' })} aria-current={span.view === 'semaine' ? 'page' : undefined}>Semaine</a></li>
          <li><a href={href({ vue: 'mois' })} aria-current={span.view === 'mois' ? 'page' : undefined}>Mois</a></li>
          <li><a href={href({ date: span.next })}>Suivant</a></li>
        </ul>
      </nav>
      <table class="list relay-calendar">
        <caption>{span.title}</caption>
        <thead><tr>{WEEKDAYS.map((d) => <th scope="col">{d}</th>)}</tr></thead>
        <tbody>
          {weeks.map((week) => (
            <tr>
              {week.map((d) => {
                const entries = props.entries.filter((e) => e.day === d);
                return (
                  <td>
                    <strong>{formatDay(d)}</strong>
                    {entries.length === 0 ? null : (
                      <ul>
                        {entries.map((e) => (
                          <li><a href={`/ecrire/relais/publications/${e.variant.id}`}>{e.time} · {e.variant.page_name}</a> <StateBadge state={e.variant.state} /> <small>{firstLine(e.variant.text)}</small></li>
                        ))}
                      </ul>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </AdminLayout>
  );
}
