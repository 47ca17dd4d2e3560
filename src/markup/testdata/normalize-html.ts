import assert from 'node:assert/strict';
import { parseDocument } from 'htmlparser2';
import type { ChildNode, Element } from 'domhandler';

const VOID = new Set(['br', 'hr', 'img', 'input', 'meta', 'link', 'wbr', 'col', 'area', 'base', 'source', 'embed']);
const BLOCK = new Set([
  'p', 'div', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'table', 'thead', 'tbody', 'tfoot', 'tr',
  'td', 'th', 'caption', 'blockquote', 'pre', 'hr', 'dl', 'dt', 'dd', 'figure', 'figcaption', 'textarea',
]);
/** SPIP's hash-derived table ids: `id8892_c0`, `ida37c_l0`, `dby330d`. */
const HASH_ID = /\b(id|dby)([0-9a-f]{4})(?=_[cl][0-9]|\b)/g;
const SET_ATTRIBUTES = new Set(['class', 'rel']);

function isBlock(node: ChildNode | null | undefined): boolean {
  return node?.type === 'tag' && BLOCK.has(node.name);
}

function isElement(node: ChildNode): node is Element {
  return node.type === 'tag' || node.type === 'script' || node.type === 'style';
}

class Normaliser {
  private readonly hashes = new Map<string, string>();

  value(name: string, value: string): string {
    const ids = value.replace(HASH_ID, (_, prefix: string, hash: string) => {
      if (!this.hashes.has(hash)) this.hashes.set(hash, `#${this.hashes.size}`);
      return `${prefix}${this.hashes.get(hash)}`;
    });
    if (!SET_ATTRIBUTES.has(name)) return ids;
    return [...new Set(ids.split(/\s+/).filter(Boolean))].sort().join(' ');
  }

  nodes(nodes: readonly ChildNode[], parent: Element | undefined): string {
    let out = '';
    nodes.forEach((node, i) => {
      if (node.type === 'text') {
        const text = node.data.replace(/[ \t\n\r\f]+/g, ' ');
        const alone = text === ' ';
        const edge = (i === 0 || i === nodes.length - 1) && (parent === undefined || BLOCK.has(parent.name));
        if (alone && (edge || isBlock(nodes[i - 1]) || isBlock(nodes[i + 1]))) return;
        out += JSON.stringify(text).slice(1, -1).replace(/</g, '\\u003c');
      } else if (isElement(node)) {
        const attributes = Object.entries(node.attribs)
          .map(([name, value]) => `${name}=${JSON.stringify(this.value(name, value))}`)
          .sort();
        out += `<${[node.name, ...attributes].join(' ')}>`;
        if (!VOID.has(node.name)) out += `${this.nodes(node.children, node)}</${node.name}>`;
      }
    });
    return out;
  }
}

/**
 * MARKUP.md's normalised form of an HTML fragment: parsed, entities decoded,
 * attribute quoting and order ignored, `class`/`rel` compared as sets, runs
 * of white space collapsed (white space between blocks dropped), void
 * syntax ignored, comments dropped, hash-derived table ids replaced by
 * their order of appearance (compared for consistency only).
 */
export function normalizeHtml(html: string): string {
  const document = parseDocument(html, { decodeEntities: true, lowerCaseAttributeNames: true });
  return new Normaliser().nodes(document.children, undefined);
}

/** Asserts two fragments are the same HTML after `normalizeHtml`. */
export function assertSameHtml(actual: string, expected: string, message?: string): void {
  assert.equal(normalizeHtml(actual), normalizeHtml(expected), message);
}
