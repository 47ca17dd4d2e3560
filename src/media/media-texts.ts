import { ValidationError } from '../errors.js';
import type { MediaKind } from './media-item.js';
import type { MediaTexts } from './store.js';

/** What an editor typed (CLI options or form fields), before the rules. */
export interface MediaTextsInput {
  readonly title?: string;
  readonly alt?: string;
  readonly decorative?: boolean;
  readonly caption?: string;
  readonly credit?: string;
}

/** RGAA 1.3: a short alternative; a longer description belongs in the caption. */
export const MAX_ALT_LENGTH = 250;
const FILE_NAME = /\.(?:jpe?g|png|gif|webp|avif|heic|heif|tiff?|bmp)$|^(?:img|dsc|dscn|pxl|photo|image)[-_ ]?\d+/i;

/** "conseil_municipal-2024.pdf" → "conseil municipal 2024": a first title from the file's name. */
export function titleFromFileName(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? '';
  return base.replace(/\.[^.]{1,5}$/, '').replace(/[_-]+/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 200);
}

/**
 * Applies the library's text rules (RGAA 1.1–1.3) and returns the texts to store; throws a
 * `ValidationError` whose fields say in French what to fix. An image carrying information needs
 * an alternative; a decorative one is declared so explicitly and then has none (`alt=""`); the
 * alternative is not the file's name. Documents need a title (their link text), not an alternative.
 *
 * @example
 * checkMediaTexts({ alt: 'Le maire coupe le ruban' }, 'image', 'IMG_2041.jpg') // ok
 * checkMediaTexts({}, 'image', 'IMG_2041.jpg') // ValidationError { alt: 'L’alternative textuelle est obligatoire…' }
 */
export function checkMediaTexts(input: MediaTextsInput, kind: MediaKind, fileName: string): MediaTexts {
  const clean = (value: string | undefined, max: number) => (value ?? '').replaceAll('\u0000', '').replace(/\s+/g, ' ').trim().slice(0, max);
  const title = clean(input.title, 200) || titleFromFileName(fileName) || (kind === 'image' ? 'Image' : 'Document');
  const alt = clean(input.alt, 10_000);
  const decorative = kind === 'image' && input.decorative === true;
  const errors: Record<string, string> = {};
  if (kind === 'image') {
    if (decorative && alt !== '') {
      errors.alt = 'Une image décorative n’a pas d’alternative (RGAA 1.2) : videz le champ, ou décochez « image décorative ».';
    } else if (!decorative && alt === '') {
      errors.alt = 'L’alternative textuelle est obligatoire pour une image qui porte une information (RGAA 1.1) ; cochez « image décorative » si elle n’apporte rien au texte (RGAA 1.2).';
    } else if (alt.length > MAX_ALT_LENGTH) {
      errors.alt = `L’alternative doit rester courte (au plus ${MAX_ALT_LENGTH} caractères, RGAA 1.3) ; mettez la description détaillée dans la légende.`;
    } else if (alt !== '' && (FILE_NAME.test(alt) || alt === fileName)) {
      errors.alt = 'L’alternative ne peut pas être un nom de fichier (RGAA 1.3) : décrivez ce que l’image apporte au texte.';
    }
  }
  if (Object.keys(errors).length > 0) throw new ValidationError(errors);
  return Object.freeze({
    title,
    alt: kind === 'image' ? alt : '',
    decorative,
    caption: clean(input.caption, 1000),
    credit: clean(input.credit, 200),
  });
}
