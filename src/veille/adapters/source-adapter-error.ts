import { AppError } from '../../errors.js';

/** Why an adapter failed once the network answered; compared by code, never by message. */
export type SourceAdapterErrorCode = 'unauthorized' | 'bad-response';

/**
 * A network's answer an adapter cannot use: an access token refused, a body that is not
 * the documented JSON. `message` is French for the sources screen; `detail` is for the
 * log. Neither ever contains a token.
 *
 * @example throw new SourceAdapterError('bad-response', 'La réponse de Bluesky n’est pas du JSON lisible.', 'Unexpected token <');
 */
export class SourceAdapterError extends AppError {
  override readonly name = 'SourceAdapterError';
  declare readonly code: SourceAdapterErrorCode;

  constructor(
    code: SourceAdapterErrorCode,
    message: string,
    /** Technical detail for the log; never shown on a public page. */
    readonly detail: string,
    options?: { cause?: unknown },
  ) {
    super(code, 502, message, options);
  }
}
