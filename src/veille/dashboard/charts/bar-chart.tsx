import { ChartFrame, ChartLegend, seriesColour } from './chart-frame.js';
import { valueScale, type ChartSeries } from './chart-scale.js';

const WIDTH = 720;
const BAR = 22;
const GAP = 10;
const MARGIN = Object.freeze({ left: 220, right: 56, top: 8, bottom: 28 });

/**
 * Horizontal bars, one per category, stacked when there are several series (handled, not
 * handled…); each bar ends with its total. Category names longer than the margin are shortened
 * (the table after the chart has them whole).
 *
 * @example
 * <BarChart id="types" title="Part par type de source" description="…" categories={['Flux', 'Mastodon']}
 *   series={[{ name: 'Éléments', values: [120, 30] }]} />
 */
export function BarChart(props: { id: string; title: string; description: string; categories: readonly string[]; series: readonly ChartSeries[] }) {
  const totals = props.categories.map((_c, i) => props.series.reduce((sum, s) => sum + (s.values[i] ?? 0), 0));
  const scale = valueScale(Math.max(0, ...totals));
  const plotWidth = WIDTH - MARGIN.left - MARGIN.right;
  const height = MARGIN.top + props.categories.length * (BAR + GAP) + MARGIN.bottom;
  const w = (v: number) => (v / scale.max) * plotWidth;
  const axisY = height - MARGIN.bottom;
  return (
    <figure class="chart-figure">
      <ChartFrame id={props.id} title={props.title} description={props.description} width={WIDTH} height={height}>
        {scale.ticks.map((t) => (
          <g>
            <line x1={MARGIN.left + w(t)} x2={MARGIN.left + w(t)} y1={MARGIN.top} y2={axisY} stroke="#d0d0d0" stroke-width="1" />
            <text x={MARGIN.left + w(t)} y={axisY + 18} text-anchor="middle" font-size="12" fill="#333">{t}</text>
          </g>
        ))}
        {props.categories.map((category, i) => {
          const top = MARGIN.top + i * (BAR + GAP);
          let left = MARGIN.left;
          return (
            <g>
              <text x={MARGIN.left - 8} y={top + BAR / 2 + 4} text-anchor="end" font-size="12" fill="#333">{shorten(category, 30)}</text>
              {props.series.map((s, j) => {
                const width = w(s.values[i] ?? 0);
                const rect = <rect x={left} y={top} width={Math.max(0, width)} height={BAR} fill={seriesColour(j)} />;
                left += width;
                return rect;
              })}
              <text x={left + 6} y={top + BAR / 2 + 4} font-size="12" fill="#333">{totals[i]}</text>
            </g>
          );
        })}
      </ChartFrame>
      {props.series.length > 1 ? <ChartLegend series={props.series} /> : null}
    </figure>
  );
}

function shorten(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
