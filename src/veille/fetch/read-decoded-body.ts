import { pipeline, type Readable, type Transform } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate, createInflateRaw } from 'node:zlib';
import { FetchError } from './fetch-error.js';
import { hasZlibHeader } from './has-zlib-header.js';

/**
 * Reads a response body, undoing its Content-Encoding (gzip, deflate, br) as it streams, and
 * stops as soon as the DECODED size passes `maxBytes`: a gzip bomb is cut after `maxBytes`
 * of output, with memory bounded by the limit plus one zlib chunk.
 *
 * @example
 * const body = await readDecodedBody(response, response.headers['content-encoding'], 10_000_000);
 */
export async function readDecodedBody(
  response: Readable,
  contentEncoding: string | undefined,
  maxBytes: number,
): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    const codings = codingsToUndo(contentEncoding);
    const rawDeflate = codings[0] === 'deflate' && !(await hasZlibHeader(response));
    const decoders = codings.map((coding, index) => decoderFor(coding, rawDeflate && index === 0));
    // Each two-stream pipeline destroys both ends on error or early exit, so leaving the loop
    // below (limit passed) tears down the decoders and the socket alike.
    const decoded = decoders.reduce<Readable>((source, decoder) => pipeline(source, decoder, () => {}), response);
    for await (const chunk of decoded) {
      const bytes = chunk as Buffer;
      size += bytes.length;
      if (size > maxBytes) {
        throw new FetchError('too-large', `corps décodé au-delà de ${maxBytes} octets`, { limit: maxBytes });
      }
      chunks.push(bytes);
    }
  } catch (error) {
    if (isZlibError(error)) {
      throw new FetchError('bad-encoding', `décodage ${contentEncoding} : ${(error as Error).message}`, {}, { cause: error });
    }
    throw error;
  } finally {
    response.destroy();
  }
  return new Uint8Array(Buffer.concat(chunks, size));
}

// RFC 9110 §8.4.1: codings are listed in the order they were applied, so they are undone in reverse.
function codingsToUndo(contentEncoding: string | undefined): string[] {
  return (contentEncoding ?? '')
    .toLowerCase()
    .split(',')
    .map((coding) => coding.trim())
    .filter((coding) => coding !== '' && coding !== 'identity')
    .reverse();
}

function decoderFor(coding: string, rawDeflate: boolean): Transform {
  switch (coding) {
    case 'gzip':
    case 'x-gzip':
      return createGunzip();
    case 'deflate': // RFC 9110 §8.4.1.2 says zlib (RFC 1950); some servers send it raw
      return rawDeflate ? createInflateRaw() : createInflate();
    case 'br':
      return createBrotliDecompress();
    default:
      throw new FetchError('bad-encoding', `Content-Encoding inconnu : ${coding}`);
  }
}

function isZlibError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (code.startsWith('Z_') || code.startsWith('ERR_BROTLI') || code === 'ERR__ERROR');
}
