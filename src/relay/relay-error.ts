import { AppError } from '../errors.js';

/** Why a relay action was refused (wrong state, too long, not allowed…): `message` is plain French for the user. */
export class RelayError extends AppError {
  override readonly name = 'RelayError';
  constructor(code: 'too_long' | 'empty_text' | 'wrong_state' | 'not_allowed' | 'unknown_page' | 'unknown_article' | 'invalid_page', message: string) {
    super(`relay_${code}`, code === 'not_allowed' ? 403 : code.startsWith('unknown') ? 404 : 400, message);
  }
}
