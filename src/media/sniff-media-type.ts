import { open } from 'node:fs/promises';
import type { MediaKind } from './media-item.js';
import { MediaError } from './media-error.js';
import { readZipEntryNames } from './read-zip-entry-names.js';

/** A file type the library accepts, decided from the bytes. */
export interface MediaType {
  readonly kind: MediaKind;
  readonly mime: string;
  readonly extension: string;
  /** Shown beside a document link: "PDF – 1,2 Mo". */
  readonly label: string;
}

/** How many leading bytes the head-based checks read. */
export const SNIFF_HEAD_BYTES = 4096;

const type = (kind: MediaKind, mime: string, extension: string, label: string): MediaType => Object.freeze({ kind, mime, extension, label });
const JPEG = type('image', 'image/jpeg', 'jpg', 'JPEG');
const PNG = type('image', 'image/png', 'png', 'PNG');
const GIF = type('image', 'image/gif', 'gif', 'GIF');
const WEBP = type('image', 'image/webp', 'webp', 'WebP');
const AVIF = type('image', 'image/avif', 'avif', 'AVIF');
const PDF = type('document', 'application/pdf', 'pdf', 'PDF');
const ODT = type('document', 'application/vnd.oasis.opendocument.text', 'odt', 'ODT');
const ODS = type('document', 'application/vnd.oasis.opendocument.spreadsheet', 'ods', 'ODS');
const DOCX = type('document', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'docx', 'DOCX');
const XLSX = type('document', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'xlsx', 'XLSX');
const CSV = type('document', 'text/csv', 'csv', 'CSV');

/** The MIME type of each extension the library stores, for serving the files back. */
export const MIME_BY_EXTENSION: ReadonlyMap<string, string> = new Map(
  [JPEG, PNG, GIF, WEBP, AVIF, PDF, ODT, ODS, DOCX, XLSX, CSV].map((t) => [t.extension, t.mime === 'text/csv' ? 'text/csv; charset=utf-8' : t.mime]),
);

/** What the first bytes alone say: a type, a family still to be looked into, or a refusal. */
export type HeadVerdict = MediaType | 'zip' | 'heif' | 'svg' | 'text' | 'unknown';

const HEIF_BRANDS = new Set(['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'hevm', 'hevs', 'mif1', 'msf1']);

const startsWith = (head: Buffer, bytes: readonly number[], at = 0) => bytes.every((b, i) => head[at + i] === b);
const ascii = (head: Buffer, from: number, to: number) => head.toString('latin1', from, to);

/** ISO base media files (AVIF, HEIF): the major and compatible brands of the `ftyp` box (ISO/IEC 14496-12 §4.3). */
function ftypBrands(head: Buffer): string[] {
  const boxSize = Math.min(head.readUInt32BE(0), head.length);
  const brands = [ascii(head, 8, 12)];
  for (let at = 16; at + 4 <= boxSize; at += 4) brands.push(ascii(head, at, at + 4));
  return brands;
}

/**
 * Classifies the first bytes of a file (magic numbers; never its name nor its declared type).
 *
 * @example
 * sniffHead(Buffer.from('%PDF-1.7\n')) // the PDF type
 * sniffHead(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg">')) // 'svg'
 */
export function sniffHead(head: Buffer): HeadVerdict {
  if (startsWith(head, [0xff, 0xd8, 0xff])) return JPEG;
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return PNG;
  if (ascii(head, 0, 6) === 'GIF87a' || ascii(head, 0, 6) === 'GIF89a') return GIF;
  if (ascii(head, 0, 4) === 'RIFF' && ascii(head, 8, 12) === 'WEBP') return WEBP;
  if (head.length >= 12 && ascii(head, 4, 8) === 'ftyp') {
    const brands = ftypBrands(head);
    if (brands.includes('avif') || brands.includes('avis')) return AVIF;
    if (brands.some((b) => HEIF_BRANDS.has(b))) return 'heif';
    return 'unknown';
  }
  if (ascii(head, 0, 5) === '%PDF-') return PDF;
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04])) return 'zip';
  return looksLikeText(head);
}

/** Text: UTF-8 without NUL; markup (HTML, XML, SVG) is not a data table. */
function looksLikeText(head: Buffer): 'svg' | 'text' | 'unknown' {
  if (head.length === 0 || head.includes(0)) return 'unknown';
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
  } catch {
    return 'unknown';
  }
  const start = text.replace(/^\uFEFF/, '').trimStart().slice(0, 512).toLowerCase();
  if (/<svg[\s>]/.test(text.toLowerCase())) return 'svg';
  if (start.startsWith('<')) return 'unknown';
  return 'text';
}

/** A CSV table: a first line with a separator, and no line that is plainly markup. */
function isCsv(head: Buffer): boolean {
  const text = head.toString('utf8').replace(/^\uFEFF/, '');
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  return /[,;\t]/.test(firstLine) && !/<\s*(script|html|body|iframe|object)\b/i.test(text);
}

/** The office formats are ZIP files: ODF names its type in a first `mimetype` entry, OOXML by its folders. */
async function sniffZip(path: string, head: Buffer): Promise<MediaType | undefined> {
  const nameLength = head.readUInt16LE(26);
  const extraLength = head.readUInt16LE(28);
  if (ascii(head, 30, 30 + nameLength) === 'mimetype') {
    const start = 30 + nameLength + extraLength;
    const mimetype = ascii(head, start, start + 60);
    if (mimetype.startsWith(ODT.mime) && !mimetype.startsWith(`${ODT.mime}-`)) return ODT;
    if (mimetype.startsWith(ODS.mime) && !mimetype.startsWith(`${ODS.mime}-`)) return ODS;
    return undefined;
  }
  const names = await readZipEntryNames(path);
  if (!names.includes('[Content_Types].xml')) return undefined;
  if (names.includes('word/document.xml')) return DOCX;
  if (names.includes('xl/workbook.xml')) return XLSX;
  return undefined;
}

const ACCEPTED = 'Formats acceptés : images JPEG, PNG, WebP, GIF, AVIF ; documents PDF, ODT, ODS, DOCX, XLSX, CSV.';

/**
 * Decides a stored upload's type from its bytes, or throws a `MediaError` saying in French what
 * to do (SVG and HEIC/HEIF have their own messages).
 */
export async function sniffMediaType(path: string): Promise<MediaType> {
  const file = await open(path, 'r');
  const head = Buffer.alloc(SNIFF_HEAD_BYTES);
  let length: number;
  try {
    ({ bytesRead: length } = await file.read(head, 0, SNIFF_HEAD_BYTES, 0));
  } finally {
    await file.close();
  }
  const bytes = head.subarray(0, length);
  const verdict = sniffHead(bytes);
  if (typeof verdict === 'object') return verdict;
  switch (verdict) {
    case 'heif':
      throw new MediaError('heif', 'Les photos HEIC/HEIF (iPhone) ne sont pas acceptées. Exportez-la en JPEG : sur iPhone, Réglages › Appareil photo › Formats › « Le plus compatible », ou partagez-la par « Exporter » / « Enregistrer en JPEG » ; sur ordinateur, ouvrez-la et choisissez « Exporter au format JPEG ».');
    case 'svg':
      throw new MediaError('svg', `Les images SVG ne sont pas acceptées : elles peuvent contenir du code. Enregistrez l’image en PNG. ${ACCEPTED}`);
    case 'zip': {
      const office = length >= 30 ? await sniffZip(path, bytes) : undefined;
      if (office) return office;
      break;
    }
    case 'text':
      if (isCsv(bytes)) return CSV;
      break;
    case 'unknown':
      break;
    default: {
      const never: never = verdict;
      throw new Error(`unexpected verdict ${String(never)}`);
    }
  }
  throw new MediaError('unknown_type', `Ce fichier n’est pas d’un type accepté (le type est lu dans son contenu, pas dans son nom). ${ACCEPTED}`);
}
