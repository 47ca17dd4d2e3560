import { AppError } from '../../errors.js';

/**
 * A SPIP database the import cannot read, with a French message saying what to do
 * (`code`: `not_found`, `not_sqlite`, `not_spip`).
 */
export class SpipImportError extends AppError {
  override readonly name = 'SpipImportError';
  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(code, 400, message, options);
  }
}
