import { AppError } from '../errors.js';

/**
 * A file the media library refuses or cannot take, with a French message the user can act on
 * (`code`: `unknown_type`, `svg`, `heif`, `too_large`, `too_many_pixels`, `unreadable`, `in_use`,
 * `duplicate`).
 */
export class MediaError extends AppError {
  override readonly name = 'MediaError';
  constructor(code: string, message: string, options?: { cause?: unknown; status?: number }) {
    super(code, options?.status ?? 400, message, options);
  }
}
