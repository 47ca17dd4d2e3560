import { ChartFrame, ChartLegend, seriesColour, seriesDash } from './chart-frame.js';
import { valueScale, type ChartSeries } from './chart-scale.js';

const WIDTH = 720;
const HEIGHT = 260;
const MARGIN = Object.freeze({ left: 44, right: 16, top: 12, bottom: 36 });

/**
 * Lines over a sequence of categories (days), drawn on the server as SVG: a value axis from 0
 * with grid lines, at most about eight category labels, one line per series (colour and dash).
 *
 * @example
 * <LineChart id="jours" title="Éléments par jour" description="…" categories={['2026-11-01', …]}
 *   labels={['01/11', …]} series={[{ name: 'Budget', values: [3, 0, 5] }]} />
 */
export function LineChart(props: { id: string; title: string; description: string; labels: readonly string[]; series: readonly ChartSeries[] }) {
  const n = props.labels.length;
  const plotWidth = WIDTH - MARGIN.left - MARGIN.right;
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const scale = valueScale(Math.max(0, ...props.series.flatMap((s) => s.values)));
  const x = (i: number) => MARGIN.left + (n <= 1 ? plotWidth / 2 : (i * plotWidth) / (n - 1));
  const y = (v: number) => MARGIN.top + plotHeight - (v / scale.max) * plotHeight;
  const every = Math.max(1, Math.ceil(n / 8));
  return (
    <figure class="chart-figure">
      <ChartFrame id={props.id} title={props.title} description={props.description} width={WIDTH} height={HEIGHT}>
        {scale.ticks.map((t) => (
          <g>
            <line x1={MARGIN.left} x2={WIDTH - MARGIN.right} y1={y(t)} y2={y(t)} stroke="#d0d0d0" stroke-width="1" />
            <text x={MARGIN.left - 6} y={y(t) + 4} text-anchor="end" font-size="12" fill="#333">{t}</text>
          </g>
        ))}
        {/* Counted back from the last category (today), so it always has its label and none overlap. */}
        {props.labels.map((label, i) => ((n - 1 - i) % every === 0
          ? <text x={x(i)} y={HEIGHT - MARGIN.bottom + 18} text-anchor="middle" font-size="12" fill="#333">{label}</text>
          : null))}
        {props.series.map((s, i) => (
          <polyline fill="none" stroke={seriesColour(i)} stroke-width="2" stroke-dasharray={seriesDash(i) || undefined}
            points={s.values.map((v, j) => `${round(x(j))},${round(y(v))}`).join(' ')} />
        ))}
      </ChartFrame>
      <ChartLegend series={props.series} line />
    </figure>
  );
}

const round = (v: number) => Math.round(v * 10) / 10;
