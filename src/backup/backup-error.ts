import { AppError } from '../errors.js';

/** A backup or restore that cannot go on; the message says what to do, in French. */
export class BackupError extends AppError {
  override readonly name = 'BackupError';
  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(`backup.${code}`, 500, message, options);
  }
}
