import type { Readable } from 'node:stream';

/**
 * Looks at the first bytes of a stream, without consuming them, and tells whether they open
 * a zlib stream (RFC 1950 §2.2: method 8, header checksum a multiple of 31). Servers labelled
 * `deflate` send either zlib or raw deflate (RFC 1951); browsers accept both, and so do we.
 *
 * @example
 * const decoder = (await hasZlibHeader(response)) ? createInflate() : createInflateRaw();
 */
export function hasZlibHeader(stream: Readable): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const finish = (chunk: Buffer | null): void => {
      stream.off('readable', onReadable).off('end', onEnd).off('error', reject);
      if (chunk !== null) stream.unshift(chunk);
      const [first = 0, second = 0] = chunk ?? [];
      resolve(chunk !== null && chunk.length >= 2 && (first & 0x0f) === 8 && ((first << 8) | second) % 31 === 0);
    };
    const onReadable = (): void => {
      const chunk = stream.read() as Buffer | null;
      if (chunk !== null) finish(chunk);
    };
    const onEnd = (): void => finish(null);
    stream.on('readable', onReadable).once('end', onEnd).once('error', reject);
  });
}
