/**
 * A file size as SPIP writes it beside a document, in French, binary multiples.
 *
 * @example
 * formatFileSize(1_258_291) // "1,2 Mo"
 * formatFileSize(5_300)     // "5 ko"
 */
export function formatFileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} octets`;
  const units = ['ko', 'Mo', 'Go'] as const;
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  const shown = value >= 10 || unit === 0 ? Math.round(value).toLocaleString('fr-FR') : value.toLocaleString('fr-FR', { maximumFractionDigits: 1 });
  return `${shown} ${units[unit]}`;
}
