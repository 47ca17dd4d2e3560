/** The text of a feed and how it was read. */
export interface DecodedFeed {
  readonly text: string;
  /** The WHATWG encoding label used, e.g. `utf-8`, `windows-1252`. */
  readonly encoding: string;
  readonly problems: readonly string[];
}

/** Windows-1252 for bytes 0x80–0x9F (the rest is Latin-1), where it differs from ISO-8859-1. */
const WINDOWS_1252_HIGH = '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';
const C1_CONTROLS = /[\u0080-\u009f]/g;

/**
 * Node 20's TextDecoder reads `windows-1252` (and so `iso-8859-1`, which the
 * Encoding Standard maps to it) as plain Latin-1, leaving C1 controls where
 * `’`, `œ`, `€`, `…` should be: map those bytes as the standard says.
 */
function decodeWindows1252(bytes: Uint8Array): string {
  return new TextDecoder('windows-1252').decode(bytes).replace(C1_CONTROLS, (c) => WINDOWS_1252_HIGH[c.charCodeAt(0) - 0x80] ?? c);
}

/** Bytes to text in a WHATWG encoding, with the Windows-1252 repair above. */
function decodeAs(encoding: string, bytes: Uint8Array): string {
  return encoding === 'windows-1252' ? decodeWindows1252(bytes) : new TextDecoder(encoding).decode(bytes);
}

const XML_DECLARATION_ENCODING = /^[^<]{0,1024}<\?xml[^>]{0,200}?encoding\s*=\s*["']([A-Za-z0-9._:-]{1,40})["']/;
const CHARSET = /charset\s*=\s*["']?([A-Za-z0-9._:-]{1,40})/i;

function bomEncoding(bytes: Buffer): { readonly encoding: string; readonly skip: number } | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', skip: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', skip: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', skip: 2 };
  return undefined;
}

/** A label TextDecoder knows, or undefined (`ISO-8859-1` reads as windows-1252, as browsers do). */
function knownLabel(label: string | undefined): string | undefined {
  if (label === undefined) return undefined;
  try {
    return new TextDecoder(label.trim()).encoding;
  } catch {
    return undefined;
  }
}

/**
 * Turns a feed's bytes into text. The encoding comes from the byte order
 * mark, else the XML declaration (written by the software that wrote the
 * feed, so more often right than the server's header on the small French
 * sites this is for), else the `Content-Type` charset, else UTF-8. Bytes
 * that are invalid in UTF-8 with no declared encoding are read as
 * windows-1252 (the usual culprit); invalid bytes otherwise become U+FFFD.
 * Every such repair is recorded as a problem.
 *
 * @example decodeFeedBytes(Buffer.from('<?xml version="1.0" encoding="ISO-8859-1"?><rss>\xe9</rss>', 'latin1')).text // '…<rss>é</rss>'
 */
export function decodeFeedBytes(bytes: Buffer, contentType?: string): DecodedFeed {
  const problems: string[] = [];
  const bom = bomEncoding(bytes);
  const head = bytes.subarray(bom?.skip ?? 0, (bom?.skip ?? 0) + 1300).toString('latin1');
  const declared = XML_DECLARATION_ENCODING.exec(head)?.[1];
  const fromHeader = contentType === undefined ? undefined : CHARSET.exec(contentType)?.[1];
  let encoding = bom?.encoding ?? knownLabel(declared) ?? knownLabel(fromHeader);
  if (bom === undefined && declared !== undefined && knownLabel(declared) === undefined) {
    problems.push(`L’encodage déclaré « ${declared} » est inconnu ; le flux est lu en UTF-8.`);
  }
  // A UTF-16 label in the declaration of a document with no BOM is a lie: the declaration itself was read as ASCII.
  if (bom === undefined && encoding?.startsWith('utf-16')) encoding = undefined;
  const body = bytes.subarray(bom?.skip ?? 0);
  if (encoding !== undefined && encoding !== 'utf-8') return { text: decodeAs(encoding, body), encoding, problems };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body), encoding: 'utf-8', problems };
  } catch {
    if (encoding === undefined) {
      problems.push('Le flux ne déclare pas son encodage et n’est pas en UTF-8 valide ; il est lu en Windows-1252.');
      return { text: decodeWindows1252(body), encoding: 'windows-1252', problems };
    }
    problems.push('Le flux contient des octets invalides en UTF-8 ; ils ont été remplacés par « � ».');
    return { text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(body), encoding: 'utf-8', problems };
  }
}
