import { Parser } from 'htmlparser2';

const VOID = new Set(['br', 'hr', 'img']);
const CLOSES_P = new Set([
  'blockquote', 'div', 'dl', 'dt', 'dd', 'figcaption', 'figure', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'li', 'ol',
  'p', 'pre', 'table', 'ul', 'textarea',
]);
const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
const PARENTS: Readonly<Record<string, readonly string[]>> = {
  li: ['ul', 'ol'],
  dt: ['dl'],
  dd: ['dl'],
  tr: ['table', 'thead', 'tbody', 'tfoot'],
  td: ['tr'],
  th: ['tr'],
  thead: ['table'],
  tbody: ['table'],
  tfoot: ['table'],
  caption: ['table'],
};
const SCHEMES = new Set(['http', 'https', 'mailto', 'tel', 'ftp']);

/**
 * Problems with an HTML fragment the renderer produced: a tag closed
 * implicitly or never, an element a browser would move (a block inside
 * `<p>`, `<a>` inside `<a>`, a misplaced list item or cell), an element
 * outside `allowed`, an `on*` attribute, a refused URL scheme.
 */
export function checkWellFormed(html: string, allowed: ReadonlySet<string>): string[] {
  const problems: string[] = [];
  const stack: string[] = [];
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (!allowed.has(name)) problems.push(`element <${name}>`);
        if (stack.includes('p') && CLOSES_P.has(name)) problems.push(`<${name}> inside <p>`);
        if (name === 'a' && stack.includes('a')) problems.push('<a> inside <a>');
        if (HEADINGS.has(name) && HEADINGS.has(stack.at(-1) ?? '')) problems.push(`<${name}> directly in a heading`);
        const parents = PARENTS[name];
        if (parents && !parents.includes(stack.at(-1) ?? '')) problems.push(`<${name}> inside <${stack.at(-1) ?? 'root'}>`);
        for (const [attribute, value] of Object.entries(attributes)) {
          if (attribute.startsWith('on')) problems.push(`attribute ${attribute}`);
          if (attribute === 'href' || attribute === 'src' || attribute === 'cite') {
            const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(value.replace(/[\u0000-\u0020]/g, ''));
            if (scheme && !SCHEMES.has((scheme[1] ?? '').toLowerCase())) problems.push(`${attribute}=${value}`);
          }
          if (attribute === 'style' && /url\s*\(|expression\s*\(/i.test(value)) problems.push(`style=${value}`);
        }
        if (!VOID.has(name)) stack.push(name);
      },
      onclosetag(name, isImplied) {
        if (VOID.has(name)) return;
        if (isImplied) problems.push(`</${name}> implied`);
        if (stack.pop() !== name) problems.push(`</${name}> misnested`);
      },
    },
    { decodeEntities: true, recognizeSelfClosing: true },
  );
  parser.write(html);
  parser.end();
  return problems;
}
