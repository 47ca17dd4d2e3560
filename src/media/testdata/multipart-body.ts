import { randomBytes } from 'node:crypto';

/** A file field of a multipart form. */
export interface FilePart {
  readonly name: string;
  readonly fileName: string;
  readonly type: string;
  readonly bytes: Buffer;
}

/**
 * An inject() payload as a browser sends a `multipart/form-data` form: the fields in order (the
 * form token first, as the pages write it), then the file.
 */
export function multipartBody(fields: Readonly<Record<string, string>>, file: FilePart | undefined, cookie: string): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----relais${randomBytes(8).toString('hex')}`;
  const chunks: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  }
  if (file) {
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${file.name}"; filename="${file.fileName}"\r\nContent-Type: ${file.type}\r\n\r\n`));
    chunks.push(file.bytes, Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, cookie } };
}
