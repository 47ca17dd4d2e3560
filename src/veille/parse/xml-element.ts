/**
 * One element of a feed document as `readXmlTree` builds it. `name` is the
 * lower-case name to match on: bare for the feed's own vocabulary, the usual
 * prefix for a known namespace whatever prefix the feed chose (`dc:creator`,
 * `media:content`); `rawName` is the name as written, for re-serialising
 * inline XHTML. Text children are already decoded.
 */
export interface XmlElement {
  readonly name: string;
  readonly rawName: string;
  /** Attribute values decoded; names lower-case as written (`xml:base`, `href`). */
  readonly attributes: Readonly<Record<string, string>>;
  readonly children: Array<XmlElement | string>;
  /** The `xml:base` in force here, already resolved against its parents and the document address. */
  readonly base: string | undefined;
}

/** The first child element named `name`. */
export function childNamed(element: XmlElement, name: string): XmlElement | undefined {
  for (const child of element.children) if (typeof child !== 'string' && child.name === name) return child;
  return undefined;
}

/** Every child element named one of `names`, in document order. */
export function childrenNamed(element: XmlElement, ...names: string[]): XmlElement[] {
  const out: XmlElement[] = [];
  for (const child of element.children) if (typeof child !== 'string' && names.includes(child.name)) out.push(child);
  return out;
}

/** The element's text: its own and its descendants', concatenated. */
export function textOf(element: XmlElement | undefined): string {
  if (element === undefined) return '';
  let text = '';
  for (const child of element.children) text += typeof child === 'string' ? child : textOf(child);
  return text;
}

/** The trimmed text of the first child named one of `names` that has any. */
export function childText(element: XmlElement, ...names: string[]): string | undefined {
  for (const name of names) {
    const text = textOf(childNamed(element, name)).trim();
    if (text !== '') return text;
  }
  return undefined;
}
