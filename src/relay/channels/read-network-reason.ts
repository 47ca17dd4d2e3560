/**
 * The network's own explanation in an error body, as it wrote it: Mastodon's `error`,
 * Bluesky's `message` (or `error`), Meta's `error.error_user_msg` / `error.message`,
 * LinkedIn's `message`, X's `detail` / `errors[0].message`. At most 500 characters;
 * undefined when the body says nothing readable.
 *
 * @example readNetworkReason('{"error":"Validation failed: Text character limit of 500 exceeded"}')
 * // 'Validation failed: Text character limit of 500 exceeded'
 */
export function readNetworkReason(body: string): string | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    const text = body.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim();
    return text === '' ? undefined : text.slice(0, 500);
  }
  const reason = pick(parsed);
  return reason === undefined ? undefined : reason.slice(0, 500);
}

function pick(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return typeof value === 'string' && value !== '' ? value : undefined;
  const record = value as Record<string, unknown>;
  const error = record['error'];
  if (typeof error === 'object' && error !== null) return pick(error);
  for (const name of ['error_user_msg', 'message', 'detail', 'error_description', 'title', 'error']) {
    const text = record[name];
    if (typeof text === 'string' && text !== '') return text;
  }
  const errors = record['errors'];
  return Array.isArray(errors) && errors.length > 0 ? pick(errors[0]) : undefined;
}
