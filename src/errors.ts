/**
 * An error with two faces: `cause` is for the log, `code` + `status` choose what the user sees.
 * The message key names a translated message in `src/i18n`; nothing else is ever shown publicly.
 */
export class AppError extends Error {
  override readonly name: string = 'AppError';
  constructor(
    readonly code: string,
    readonly status: number,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** The page or object does not exist (or is not public yet). */
export class NotFoundError extends AppError {
  override readonly name = 'NotFoundError';
  constructor(what = 'page') {
    super('not_found', 404, `${what} introuvable`);
  }
}

/** The signed-in user may not do this. */
export class ForbiddenError extends AppError {
  override readonly name = 'ForbiddenError';
  constructor(action = 'action') {
    super('forbidden', 403, `${action} non autorisée`);
  }
}

/** Input that breaks a rule the user can fix; `fields` maps a field name to its message. */
export class ValidationError extends AppError {
  override readonly name = 'ValidationError';
  constructor(readonly fields: Readonly<Record<string, string>>) {
    super('invalid_input', 400, Object.values(fields).join(' '));
  }
}

/** Too many attempts in a short time. */
export class RateLimitError extends AppError {
  override readonly name = 'RateLimitError';
  constructor(readonly retryAfterSeconds: number) {
    super('rate_limited', 429, 'trop de tentatives');
  }
}
