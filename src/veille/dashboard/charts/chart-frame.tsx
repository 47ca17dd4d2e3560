import type { ComponentChildren } from 'preact';
import { SERIES_COLOURS, SERIES_DASHES, type ChartSeries } from './chart-scale.js';

/**
 * An SVG chart as assistive technology meets it: one image (`role="img"`) named by its `<title>`
 * and described by its `<desc>` (the numbers themselves are in the table that follows it).
 */
export function ChartFrame(props: { id: string; title: string; description: string; width: number; height: number; children: ComponentChildren }) {
  return (
    <svg id={props.id} class="chart" role="img" viewBox={`0 0 ${props.width} ${props.height}`} width={props.width} height={props.height}
      aria-labelledby={`${props.id}-title ${props.id}-desc`} xmlns="http://www.w3.org/2000/svg">
      <title id={`${props.id}-title`}>{props.title}</title>
      <desc id={`${props.id}-desc`}>{props.description}</desc>
      {props.children}
    </svg>
  );
}

/** The series' names with their colour and dash, as visible text beside the chart (hidden from screen readers: the table names them). */
export function ChartLegend(props: { series: readonly Pick<ChartSeries, 'name'>[]; line?: boolean }) {
  return (
    <ul class="chart-legend" aria-hidden="true">
      {props.series.map((s, i) => (
        <li>
          <svg width="28" height="12" viewBox="0 0 28 12">
            {props.line
              ? <line x1="0" y1="6" x2="28" y2="6" stroke={seriesColour(i)} stroke-width="3" stroke-dasharray={seriesDash(i) || undefined} />
              : <rect x="0" y="0" width="28" height="12" fill={seriesColour(i)} />}
          </svg>
          {s.name}
        </li>
      ))}
    </ul>
  );
}

/** The colour of the `i`-th series. */
export const seriesColour = (i: number): string => SERIES_COLOURS[i % SERIES_COLOURS.length]!;
/** The dash of the `i`-th series ('' for a solid line). */
export const seriesDash = (i: number): string => SERIES_DASHES[i % SERIES_DASHES.length]!;
