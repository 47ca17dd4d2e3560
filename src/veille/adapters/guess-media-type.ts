const BY_EXTENSION: Readonly<Record<string, string>> = Object.freeze({
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  webp: 'image/webp',
  avif: 'image/avif',
  mp4: 'video/mp4',
  webm: 'video/webm',
  mp3: 'audio/mpeg',
  ogg: 'audio/ogg',
  m4a: 'audio/mp4',
});

/**
 * The media type of a file from its address's extension, for APIs that give a kind
 * (Mastodon's `image`, `video`) but no media type; undefined when unknown.
 *
 * @example guessMediaType('https://files.exemple.fr/media/abc.JPEG?x=1') // 'image/jpeg'
 */
export function guessMediaType(url: string): string | undefined {
  const path = URL.canParse(url) ? new URL(url).pathname : url;
  const extension = /\.([a-z0-9]+)$/i.exec(path)?.[1]?.toLowerCase();
  return extension === undefined ? undefined : BY_EXTENSION[extension];
}
