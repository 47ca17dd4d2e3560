const REFERENCE = /&(#[0-9]{1,8}|#[xX][0-9a-fA-F]{1,7}|[A-Za-z][A-Za-z0-9]{1,31});?/g;

/** The named references editors actually type; others stay as typed (and get escaped on output). */
const NAMED: Readonly<Record<string, string>> = Object.freeze({
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', colon: ':', sol: '/',
  tab: '\t', newline: '\n', lpar: '(', rpar: ')', period: '.', comma: ',', semi: ';',
  eacute: 'é', egrave: 'è', ecirc: 'ê', euml: 'ë', agrave: 'à', acirc: 'â', auml: 'ä',
  ccedil: 'ç', icirc: 'î', iuml: 'ï', ocirc: 'ô', ouml: 'ö', ugrave: 'ù', ucirc: 'û',
  uuml: 'ü', oelig: 'œ', aelig: 'æ', Eacute: 'É', Egrave: 'È', Ecirc: 'Ê', Agrave: 'À',
  Ccedil: 'Ç', OElig: 'Œ', laquo: '«', raquo: '»', lsquo: '‘', rsquo: '’', ldquo: '“',
  rdquo: '”', hellip: '…', mdash: '—', ndash: '–', deg: '°', copy: '©', euro: '€',
});

function decodeReference(whole: string, body: string): string {
  if (body.charCodeAt(0) !== 35) return NAMED[body] ?? whole;
  const hex = body[1] === 'x' || body[1] === 'X';
  const code = Number.parseInt(body.slice(hex ? 2 : 1), hex ? 16 : 10);
  if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return '\ufffd';
  return String.fromCodePoint(code);
}

/**
 * Decodes numeric character references (with or without `;`) and the common
 * named ones, the way a browser would before reading a URL scheme.
 *
 * @example decodeEntities('&#106;avascript&colon;') // 'javascript:'
 */
export function decodeEntities(text: string): string {
  return text.includes('&') ? text.replace(REFERENCE, decodeReference) : text;
}
