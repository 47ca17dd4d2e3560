import { createHash } from 'node:crypto';
import { renderInline } from './inline-pass.js';
import type { RenderContext } from './render-context.js';
import type { SpipToken } from './spip-token.js';

/** True for a line SPIP reads as a table row: `| … |`. */
export function isTableRow(line: string): boolean {
  const text = line.trimEnd();
  return text.length >= 2 && text.startsWith('|') && text.endsWith('|');
}

/** Splits a row at `|` outside `[…]` (so `[texte|bulle->url]` stays whole); falls back to every `|`. */
function splitCells(line: string): string[] {
  const inner = line.trim().slice(1, -1);
  const cells: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < inner.length; i++) {
    const c = inner.charCodeAt(i);
    if (c === 91) depth++; // [
    else if (c === 93 && depth > 0) depth--; // ]
    else if (c === 124 && depth === 0) { // |
      cells.push(inner.slice(start, i));
      start = i + 1;
    }
  }
  cells.push(inner.slice(start));
  return depth === 0 ? cells : inner.split('|');
}

/** `{{texte}}` alone in a cell (SPIP's `_RACCOURCI_TH_SPAN` marker). */
function isBold(cell: string): boolean {
  return cell.length > 4 && cell.startsWith('{{') && cell.endsWith('}}') && !/[{}]/.test(cell.slice(2, -2));
}

/** A cell allowed in a header row or as a row header: bold, empty, or a `<` merge. */
function isHeaderCell(raw: string): boolean {
  const cell = raw.trim();
  return cell === '' || cell === '<' || isBold(cell);
}

/** SPIP's numeric-cell test, `^[{+-]*(?:\s|\d)*([.,]?)\d*[}]*$`, written out; returns the separator. */
function numericSeparator(cell: string): string | undefined {
  let i = 0;
  while (cell[i] === '{' || cell[i] === '+' || cell[i] === '-') i++;
  while (i < cell.length && /[\s0-9]/.test(cell[i] ?? '')) i++;
  const separator = cell[i] === '.' || cell[i] === ',' ? (cell[i++] ?? '') : '';
  while (i < cell.length && /[0-9]/.test(cell[i] ?? '')) i++;
  while (cell[i] === '}') i++;
  return i === cell.length ? separator : undefined;
}

const NUMERIC_CLASS: Readonly<Record<string, string>> = Object.freeze({ '.': 'point', ',': 'virgule', '': '' });

/**
 * The class of each column: `numeric ` (+ `point`/`virgule`) when every body
 * cell is a number (a missing cell counts as an empty, numeric one). Read row
 * by row, so a wide first row over many short rows stays linear.
 */
function numericColumns(rows: readonly (readonly string[])[]): string[] {
  const width = rows[0]?.length ?? 0;
  const aligns: (string | undefined)[] = Array.from({ length: width }, () => '');
  for (const row of rows) {
    for (let c = 0; c < Math.min(width, row.length); c++) {
      if (aligns[c] === undefined) continue;
      const separator = numericSeparator((row[c] ?? '').trim());
      if (separator === undefined) aligns[c] = undefined;
      else if (separator) aligns[c] = separator;
    }
  }
  return aligns.map((align) => (align === undefined ? '' : ` class='numeric ${NUMERIC_CLASS[align] ?? ''}'`));
}

/** How many columns each cell of a header row spans: a `<` cell adds its column to the cell on its left and spans none. */
function headerSpans(cells: readonly string[]): Int32Array {
  const spans = new Int32Array(cells.length);
  let colspan = 1;
  for (let c = cells.length - 1; c >= 0; c--) {
    if ((cells[c] ?? '').trim() === '<') colspan++;
    else {
      spans[c] = colspan;
      colspan = 1;
    }
  }
  return spans;
}

/**
 * The `<thead>` of a table whose first row is all bold (or empty) cells; fills
 * `columnIds` for the body cells' `headers`. Written left to right in pieces
 * joined once: a row of a million `|` makes no string per piece of a cell.
 */
function renderHeaderRow(cells: readonly string[], id: string, columnIds: string[], inline: (raw: string) => string): string {
  const spans = headerSpans(cells);
  const out: string[] = ["<thead><tr class='row_first'>"];
  for (let c = 0; c < cells.length; c++) {
    const span = spans[c] ?? 0;
    if (span === 0) continue;
    const columnId = `id${id}_c${c}`;
    columnIds[c] = columnId;
    const cell = (cells[c] ?? '').trim();
    const text = cell.includes('{') || cell.includes('}') ? cell.replace(/[{}]/g, '') : cell;
    out.push("<th id='", columnId, span > 1 ? `' colspan='${span}'>` : "'>", inline(text), '</th>');
  }
  out.push('</tr></thead>\n');
  return out.join('');
}

/**
 * A SPIP table (`traiter_tableau`): optional `|| caption | summary ||` first
 * line, a header row when its cells are all `{{bold}}`, row headers when every
 * row's first cell is, `<` and `^` merges, numeric columns, alternating row
 * classes. Ids derive from a hash of the table, as SPIP's do.
 */
export function renderTable(lines: readonly string[], ctx: RenderContext, tokens: readonly SpipToken[], index: number): string {
  const inline = (raw: string): string => renderInline(raw.trim(), ctx, { mode: 'text', tokens }).html;
  const id = createHash('md5').update(`${index}\n${lines.join('\n')}`).digest('hex').slice(0, 4);
  let head = '';
  let describedBy = '';
  let rows: string[][];
  const first = lines[0]?.trim() ?? '';
  if (first.startsWith('||') && first.endsWith('||') && first.length >= 4) {
    // Caption up to the first `|`, summary after it; the caption line is no row.
    const inner = first.slice(2, -2);
    const bar = inner.indexOf('|');
    const caption = bar < 0 ? inner : inner.slice(0, bar);
    const summary = bar < 0 ? '' : inner.slice(bar + 1).trim();
    let content = inline(caption);
    if (summary) {
      describedBy = ` aria-describedby="dby${id}"`;
      content += `<br /> <small id="dby${id}" class="summary offscreen">${inline(summary)}</small>`;
    }
    if (content) head += `<caption>${content}</caption>\n`;
    rows = lines.slice(1).map(splitCells);
  } else rows = lines.map(splitCells);
  const columnIds: string[] = [];
  if (rows[0] && rows[0].every(isHeaderCell)) {
    head += renderHeaderRow(rows[0], id, columnIds, inline);
    rows = rows.slice(1);
  }
  const body = rows.map((row) => row.map((cell) => cell.trim()));
  const numeric = numericColumns(body);
  const rowHeaders = body.length > 0 && body.every((row) => isHeaderCell(row[0] ?? ''));
  const rowspans = body.map((row) => row.map(() => 1));
  // Built from the last row and cell backwards (merges count leftwards and upwards), then reversed and
  // joined once: prepending to a string would leave a deep tree of pieces for the next step to flatten.
  const html: string[] = [];
  for (let l = body.length - 1; l >= 0; l--) {
    const cells = body[l] ?? [];
    const rowId = `id${id}_l${l}`;
    const line: string[] = [];
    let colspan = 1;
    for (let c = cells.length - 1; c >= 0; c--) {
      const cell = cells[c] ?? '';
      if (cell === '<') {
        colspan++;
        continue;
      }
      const spans = rowspans[l] ?? [];
      if (cell === '^') {
        const above = rowspans[l - 1];
        if (above) above[c] = (above[c] ?? 1) + (spans[c] ?? 1);
        continue;
      }
      let attributes = numeric[c] ?? '';
      if (colspan > 1) attributes += ` colspan='${colspan}'`;
      colspan = 1;
      if ((spans[c] ?? 1) > 1) attributes += ` rowspan='${spans[c]}'`;
      const isHeader = c === 0 && rowHeaders;
      const headers = [columnIds[c], !isHeader && rowHeaders ? rowId : undefined].filter(Boolean).join(' ');
      if (headers) attributes += ` headers='${headers}'`;
      const tag = isHeader ? 'th' : 'td';
      if (isHeader) attributes += ` id='${rowId}'`;
      line.push(`\n<${tag}${attributes}>${inline(isHeader ? cell.replace(/[{}]/g, '') : cell)}</${tag}>`);
    }
    const parity = l % 2 === 0 ? 'odd' : 'even';
    html.push(`<tr class='row_${parity} ${parity}'>${line.reverse().join('')}</tr>\n`);
  }
  return `<table class="table spip"${describedBy}>\n${head}<tbody>\n${html.reverse().join('')}</tbody>\n</table>`;
}
