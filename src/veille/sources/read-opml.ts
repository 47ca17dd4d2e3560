import { Parser } from 'htmlparser2';

/** One outline of an OPML file: a feed to add, or the reason it cannot be. */
export type OpmlLine =
  | { readonly kind: 'feed'; readonly line: number; readonly url: string; readonly title: string; readonly siteLink: string | undefined }
  | { readonly kind: 'error'; readonly line: number; readonly message: string };

/**
 * The feed outlines of an OPML document (1.0 or 2.0), each with its line number; folders (outlines
 * holding others) are walked through. An outline with no usable `xmlUrl` gives a French error for
 * its line and the reading goes on.
 *
 * @example
 * readOpml('<opml><body><outline text="Mairie" xmlUrl="https://ville.fr/feed"/></body></opml>');
 * // [{ kind: 'feed', line: 1, url: 'https://ville.fr/feed', title: 'Mairie', siteLink: undefined }]
 */
export function readOpml(xml: string): OpmlLine[] {
  const lines: (OpmlLine | undefined)[] = [];
  const open: { line: number; attributes: Record<string, string>; hasChildren: boolean }[] = [];
  let counted = 0;
  let line = 1;
  const lineAt = (index: number): number => {
    for (; counted < index && counted < xml.length; counted++) if (xml.charCodeAt(counted) === 10) line++;
    return line;
  };
  const parser = new Parser({
    onopentag(name, attributes) {
      if (name !== 'outline') return;
      if (open.length > 0) open.at(-1)!.hasChildren = true;
      open.push({ line: lineAt(parser.startIndex), attributes, hasChildren: false });
    },
    onclosetag(name) {
      if (name !== 'outline') return;
      const outline = open.pop();
      if (outline) lines.push(toLine(outline.line, outline.attributes, outline.hasChildren));
    },
  }, { xmlMode: true, decodeEntities: true });
  parser.end(xml);
  return lines.filter((l): l is OpmlLine => l !== undefined).sort((a, b) => a.line - b.line);
}

function toLine(line: number, given: Record<string, string>, hasChildren: boolean): OpmlLine | undefined {
  // Exporters differ in case (`xmlUrl`, `xmlurl`): attribute names are compared lower-cased.
  const attributes = Object.fromEntries(Object.entries(given).map(([name, value]) => [name.toLowerCase(), value]));
  const xmlUrl = attributes['xmlurl']?.trim();
  const title = (attributes['title'] ?? attributes['text'] ?? '').trim();
  if (!xmlUrl) return hasChildren ? undefined : { kind: 'error', line, message: `« ${title || 'sans titre'} » n’a pas d’adresse de flux (xmlUrl).` };
  if (!URL.canParse(xmlUrl) || !/^https?:$/.test(new URL(xmlUrl).protocol)) {
    return { kind: 'error', line, message: `« ${xmlUrl} » n’est pas une adresse web valide.` };
  }
  const htmlUrl = attributes['htmlurl']?.trim();
  return { kind: 'feed', line, url: new URL(xmlUrl).href, title, siteLink: htmlUrl || undefined };
}
