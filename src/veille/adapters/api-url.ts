/**
 * An API address: `path` on `base`, with the parameters that are defined, in order and
 * percent-encoded.
 *
 * @example apiUrl('https://www.reddit.com', '/r/france/new.json', { limit: '100', before: undefined })
 * // 'https://www.reddit.com/r/france/new.json?limit=100'
 */
export function apiUrl(base: string, path: string, parameters: Readonly<Record<string, string | undefined>>): string {
  const url = new URL(path, base);
  for (const [name, value] of Object.entries(parameters)) if (value !== undefined) url.searchParams.set(name, value);
  return url.href;
}
