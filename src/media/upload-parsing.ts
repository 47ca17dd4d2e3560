import { rm } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import fastifyMultipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { can } from '../accounts/policy.js';
import { ForbiddenError } from '../errors.js';
import type { ReceivedFile } from './receive-to-file.js';

/** What a multipart form brought: its text fields, the file spooled to disk, or why it could not be. */
export interface UploadState {
  readonly file: ReceivedFile | undefined;
  readonly fileName: string;
  readonly error: unknown;
}

const uploads = new WeakMap<FastifyRequest, UploadState>();

/** The upload of a request parsed by `registerUploadParsing` (undefined: it was not multipart). */
export function uploadOf(request: FastifyRequest): UploadState | undefined {
  return uploads.get(request);
}

/** No setting goes above 2 Go; the kind's own limit is enforced by `receive` as the bytes flow. */
const HARD_FILE_LIMIT = 2048 * 1024 * 1024 + 1;

/**
 * Lets the routes of `scope` take `multipart/form-data` forms. The body is read before the form
 * token is checked (the token is one of its fields), but only for a signed-in user who may add
 * media: the file streams to a temporary file (`receive`, never held in memory, cut at its kind's
 * limit); the text fields become `request.body`, so the CSRF hook reads `_csrf` as for any form.
 * The temporary file is removed once the response is sent, whatever happened.
 */
export async function registerUploadParsing(scope: FastifyInstance, receive: (source: Readable) => Promise<ReceivedFile>): Promise<void> {
  await scope.register(fastifyMultipart, { limits: { files: 1, fields: 20, parts: 25, fieldSize: 64 * 1024, fileSize: HARD_FILE_LIMIT } });
  scope.addHook('preValidation', async (request) => {
    if (!request.isMultipart()) return;
    if (!request.visitor || !can(request.visitor, 'media.edit')) throw new ForbiddenError();
    const fields: Record<string, string> = {};
    let file: ReceivedFile | undefined;
    let fileName = '';
    let error: unknown;
    try {
      for await (const part of request.parts()) {
        if (part.type === 'file') {
          if (file !== undefined || part.filename === '') {
            part.file.resume();
            continue;
          }
          fileName = part.filename;
          file = await receive(part.file);
        } else if (typeof part.value === 'string') {
          fields[part.fieldname] = part.value;
        }
      }
    } catch (caught) {
      error = caught;
    }
    uploads.set(request, { file, fileName, error });
    request.body = fields;
  });
  scope.addHook('onResponse', async (request) => {
    const file = uploads.get(request)?.file;
    if (file) await rm(file.path, { force: true });
  });
}
