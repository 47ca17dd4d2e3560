import { Parser } from 'htmlparser2';
import { decodeHTML } from 'entities';
import { resolveUrl } from './resolve-url.js';
import type { XmlElement } from './xml-element.js';

/** The usual prefix of each namespace a feed may use, whatever prefix the feed itself chose. */
const KNOWN_NAMESPACES: Readonly<Record<string, string>> = {
  'http://purl.org/dc/elements/1.1/': 'dc',
  'http://purl.org/dc/terms/': 'dcterms',
  'http://purl.org/rss/1.0/modules/content/': 'content',
  'http://search.yahoo.com/mrss/': 'media',
  'http://search.yahoo.com/mrss': 'media',
  'http://www.itunes.com/dtds/podcast-1.0.dtd': 'itunes',
  'http://www.w3.org/2005/Atom': 'atom',
  'http://purl.org/atom/ns#': 'atom',
  'http://www.w3.org/1999/02/22-rdf-syntax-ns#': 'rdf',
  'http://www.youtube.com/xml/schemas/2015': 'yt',
  'http://www.w3.org/1999/xhtml': 'xhtml',
  // RSS 1.0 and 0.90 elements are the feed's own vocabulary, whatever their prefix.
  'http://purl.org/rss/1.0/': '',
  'http://my.netscape.com/rdf/simple/0.9/': '',
};
/** Prefixes bound by XML itself. */
const BUILT_IN = new Set(['xml', 'xmlns']);
const MAX_DEPTH = 256;
const MAX_ELEMENTS = 400_000;
const MAX_MALFORMED_REPORTS = 3;

/** A document read as a tree, with what had to be repaired. */
export interface XmlTree {
  readonly root: XmlElement | undefined;
  readonly problems: readonly string[];
}

interface Open {
  readonly element: XmlElement;
  readonly namespaces: ReadonlyMap<string, string>;
  /** Where its start tag begins, for the line of a problem. */
  readonly start: number;
  /** `<x/>`: htmlparser2 reports its closing as implied, yet nothing is missing. */
  readonly selfClosing: boolean;
}

/** A document without its doctype, and the names of the entities that doctype declared. */
interface WithoutDoctype {
  readonly text: string;
  readonly entities: ReadonlySet<string>;
}

/**
 * Removes a `<!DOCTYPE …>` with its internal subset before parsing: its
 * entities are never expanded (no billion laughs, no quadratic blow-up) and
 * external ones never fetched (no XXE); references to them are dropped later.
 */
function stripDoctype(text: string, problems: string[]): WithoutDoctype {
  const start = text.search(/<!DOCTYPE/i);
  if (start < 0) return { text, entities: new Set() };
  const close = text.indexOf('>', start);
  const open = text.indexOf('[', start);
  let end = close;
  if (open >= 0 && (close < 0 || open < close)) {
    const match = /\]\s*>/.exec(text.slice(open));
    end = match === null ? text.length - 1 : open + match.index + match[0].length - 1;
  }
  if (end < 0) end = text.length - 1;
  const doctype = text.slice(start, end + 1);
  const entities = new Set([...doctype.matchAll(/<!ENTITY\s+(?:%\s+)?([^\s>]+)/gi)].map((match) => match[1]!));
  if (entities.size > 0) {
    problems.push('Le flux déclare des entités XML (DTD) : par sécurité, elles ne sont ni développées ni chargées, et leurs appels sont retirés.');
  }
  return { text: text.slice(0, start) + text.slice(end + 1), entities };
}

/** The XML declaration, a doctype, or a feed's root element. */
const DOCUMENT_START = /<\?xml|<!DOCTYPE|<(?:[a-z]+:)?(?:rss|feed|rdf|channel)[\s>/]/i;

/** Where the XML starts: leading garbage (a PHP notice, stray bytes) is dropped. */
function skipGarbage(text: string, problems: string[]): string {
  let start = text.search(DOCUMENT_START);
  if (start < 0) start = text.search(/<[?!a-zA-Z]/);
  if (start < 0) return text;
  if (text.slice(0, start).trim() !== '') problems.push('Le flux commence par du texte parasite avant le XML ; ce texte est ignoré.');
  return text.slice(start);
}

/**
 * Reads a feed's XML liberally into a tree (htmlparser2 in XML mode: no DTD,
 * no entity expansion, no fetching, no exception on broken markup). HTML
 * named entities (`&eacute;`, `&nbsp;`) are decoded as a browser would,
 * CDATA is kept verbatim, undeclared prefixes are read as the usual ones,
 * unclosed elements are closed where the parser must, and `xml:base` is
 * resolved at every level. Each repair is a French sentence in `problems`.
 *
 * @example readXmlTree('<rss><channel><title>Caf&eacute;</title></channel></rss>').root?.name // 'rss'
 */
export function readXmlTree(input: string, documentUrl?: string): XmlTree {
  const problems: string[] = [];
  const { text, entities } = stripDoctype(skipGarbage(input, problems), problems);
  // One alternation of the declared names, replaced by a plain string: V8 then builds the result as it
  // goes, where a replacer function would first collect every match (millions, in a blow-up document).
  const declared = entities.size === 0 ? undefined : new RegExp(`&(?:${[...entities].slice(0, 1000).map((name) => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')});`, 'g');
  /** Decodes HTML and XML references; a reference to an entity of the removed doctype becomes nothing. */
  const decode = (raw: string): string => {
    if (!raw.includes('&')) return raw;
    return decodeHTML(declared === undefined ? raw : raw.replace(declared, ''));
  };
  const document: XmlElement = { name: '#document', rawName: '', attributes: {}, children: [], base: documentUrl };
  const stack: Open[] = [{ element: document, namespaces: new Map(), start: 0, selfClosing: false }];
  const undeclared = new Set<string>();
  let rootNamespace: string | undefined;
  let inCdata = false;
  let skippedDepth = 0;
  let elements = 0;
  let malformed = 0;
  const lineAt = (index: number): number => {
    let line = 1;
    for (let i = text.indexOf('\n'); i >= 0 && i < index; i = text.indexOf('\n', i + 1)) line++;
    return line;
  };

  const canonicalName = (rawName: string, namespaces: ReadonlyMap<string, string>): string => {
    const lower = rawName.toLowerCase();
    const colon = lower.indexOf(':');
    if (colon < 0) return lower;
    const prefix = lower.slice(0, colon);
    const local = lower.slice(colon + 1);
    const uri = namespaces.get(prefix);
    if (uri === undefined) {
      if (!BUILT_IN.has(prefix) && !undeclared.has(prefix)) {
        undeclared.add(prefix);
        problems.push(`Le préfixe d’espace de noms « ${prefix} » n’est pas déclaré ; il est lu avec son sens habituel.`);
      }
      return lower;
    }
    if (uri === rootNamespace) return local;
    const known = KNOWN_NAMESPACES[uri];
    if (known === undefined) return lower;
    return known === '' ? local : `${known}:${local}`;
  };

  const parser = new Parser(
    {
      onopentag(rawName, attributes) {
        const parent = stack[stack.length - 1]!;
        if (stack.length > MAX_DEPTH || elements >= MAX_ELEMENTS) {
          if (skippedDepth++ === 0 && !problems.some((p) => p.startsWith('Le flux est trop'))) {
            problems.push('Le flux est trop profond ou trop grand : la suite des éléments est ignorée.');
          }
          return;
        }
        elements++;
        // Most elements declare no namespace: they share their parent's map, copied only on a declaration.
        let namespaces = parent.namespaces;
        const decoded: Record<string, string> = {};
        for (const name in attributes) {
          const lower = name.toLowerCase();
          const value = attributes[name]!;
          decoded[lower] = decode(value);
          if (lower !== 'xmlns' && !lower.startsWith('xmlns:')) continue;
          if (namespaces === parent.namespaces) namespaces = new Map(parent.namespaces);
          (namespaces as Map<string, string>).set(lower === 'xmlns' ? '' : lower.slice(6), decoded[lower]);
        }
        if (stack.length === 1 && document.children.every((child) => typeof child === 'string')) {
          const colon = rawName.indexOf(':');
          rootNamespace = namespaces.get(colon < 0 ? '' : rawName.slice(0, colon).toLowerCase());
        }
        const base = decoded['xml:base'] === undefined ? parent.element.base : resolveUrl(decoded['xml:base'], parent.element.base);
        const element: XmlElement = { name: canonicalName(rawName, namespaces), rawName, attributes: decoded, children: [], base };
        parent.element.children.push(element);
        stack.push({ element, namespaces, start: parser.startIndex, selfClosing: text.charCodeAt(parser.endIndex - 1) === 47 });
      },
      onclosetag(_name, isImplied) {
        if (skippedDepth > 0) {
          skippedDepth--;
          return;
        }
        const closed = stack.pop();
        if (closed === undefined || stack.length === 0) {
          stack.push({ element: document, namespaces: new Map(), start: 0, selfClosing: false });
          return;
        }
        if (isImplied && !closed.selfClosing && malformed++ < MAX_MALFORMED_REPORTS) {
          problems.push(`Le flux n’est pas un XML bien formé : balise <${closed.element.rawName}> non fermée ligne ${lineAt(closed.start)}.`);
        }
      },
      ontext(data) {
        if (skippedDepth > 0) return;
        const children = stack[stack.length - 1]!.element.children;
        const piece = inCdata ? data : decode(data);
        const last = children.length - 1;
        if (last >= 0 && typeof children[last] === 'string') children[last] += piece;
        else children.push(piece);
      },
      oncdatastart() {
        inCdata = true;
      },
      oncdataend() {
        inCdata = false;
      },
    },
    { xmlMode: true, decodeEntities: false, recognizeCDATA: true },
  );
  parser.end(text);
  const root = document.children.find((child): child is XmlElement => typeof child !== 'string');
  return { root, problems };
}
