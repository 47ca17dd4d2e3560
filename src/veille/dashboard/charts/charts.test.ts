import { test } from 'node:test';
import assert from 'node:assert/strict';
import { render } from 'preact-render-to-string';
import { BarChart } from './bar-chart.js';
import { valueScale } from './chart-scale.js';
import { LineChart } from './line-chart.js';

test('the value axis is round, starts at 0 and covers the highest value, whatever it is', () => {
  assert.deepEqual(valueScale(37), { max: 40, ticks: [0, 10, 20, 30, 40] });
  assert.deepEqual(valueScale(0), { max: 1, ticks: [0, 1] });
  assert.deepEqual(valueScale(3), { max: 3, ticks: [0, 1, 2, 3] });
  for (let highest = 1; highest < 5000; highest += 7) {
    const { max, ticks } = valueScale(highest);
    assert.ok(max >= highest && ticks[0] === 0 && ticks.at(-1) === max, `axis for ${highest}`);
    assert.ok(ticks.length >= 2 && ticks.length <= 7, `${ticks.length} ticks for ${highest}`);
    assert.ok(ticks.every((t) => Number.isInteger(t)), `whole ticks for ${highest}`);
  }
});

test('a line chart is one named image: title and description referenced, one polyline per series, points inside the frame', () => {
  const html = render(LineChart({ id: 'c', title: 'Éléments <par> jour', description: 'Deux veilles', labels: ['01/11', '02/11', '03/11'],
    series: [{ name: 'A', values: [0, 5, 2] }, { name: 'B', values: [1, 1, 1] }] }));
  assert.match(html, /<svg id="c" class="chart" role="img"[^>]* aria-labelledby="c-title c-desc"/);
  assert.match(html, /<title id="c-title">Éléments &lt;par> jour<\/title><desc id="c-desc">Deux veilles<\/desc>/);
  const lines = [...html.matchAll(/<polyline[^>]* points="([^"]+)"/g)].map((m) => m[1]!.split(' ').map((p) => p.split(',').map(Number)));
  assert.equal(lines.length, 2);
  assert.ok(lines.flat().every(([x, y]) => x! >= 0 && x! <= 720 && y! >= 0 && y! <= 260));
  assert.ok(lines[0]![1]![1]! < lines[0]![0]![1]!, 'a higher value is drawn higher');
  assert.match(html, /stroke-dasharray="6 3"/, 'the second series is dashed');
});

test('a stacked bar chart ends each bar with its total and has a legend only for several series', () => {
  const html = render(BarChart({ id: 'b', title: 'T', description: 'D', categories: ['Budget', 'Un nom de veille bien trop long pour la marge'],
    series: [{ name: 'Traités', values: [3, 1] }, { name: 'Non traités', values: [2, 0] }] }));
  assert.equal((html.slice(0, html.indexOf('</svg>')).match(/<rect /g) ?? []).length, 4, 'two stacked parts per bar');
  assert.match(html, />5<\/text>/);
  assert.match(html, />Un nom de veille bien trop lo…<\/text>/);
  assert.match(html, /class="chart-legend"/);
  const single = render(BarChart({ id: 's', title: 'T', description: 'D', categories: ['Flux'], series: [{ name: 'Éléments', values: [4] }] }));
  assert.doesNotMatch(single, /chart-legend/);
});
