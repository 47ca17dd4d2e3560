/**
 * The few HTML content-model rules the renderer enforces on typed tags so
 * that a browser builds exactly the tree the renderer wrote (no implicit
 * closing, no foster parenting of list items or cells).
 */

/** Elements that may only sit directly inside one of these typed parents. */
export const REQUIRED_PARENT: Readonly<Record<string, readonly string[]>> = Object.freeze({
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
});

/** Opening one of these while a sibling of the listed kind is the current element closes that sibling first. */
export const CLOSES_SIBLING: Readonly<Record<string, readonly string[]>> = Object.freeze({
  li: ['li'],
  dt: ['dt', 'dd'],
  dd: ['dt', 'dd'],
  tr: ['tr'],
  td: ['td', 'th'],
  th: ['td', 'th'],
  thead: ['thead', 'tbody', 'tfoot'],
  tbody: ['thead', 'tbody', 'tfoot'],
  tfoot: ['thead', 'tbody', 'tfoot'],
  p: ['p'],
});

/** Start tags that implicitly close an open `<p>` (HTML "in body" insertion mode). */
export const CLOSES_PARAGRAPH: ReadonlySet<string> = new Set([
  'blockquote', 'div', 'dl', 'dt', 'dd', 'figcaption', 'figure', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
  'hr', 'li', 'ol', 'p', 'pre', 'table', 'ul',
]);

/** Heading elements: a heading start tag closes a heading that is the current element. */
export const HEADINGS: readonly string[] = Object.freeze(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
