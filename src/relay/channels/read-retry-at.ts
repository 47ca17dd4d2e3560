/**
 * When a network says its rate limit resets, read from the headers of its 429 answer, as an ISO
 * date; undefined when none says. Understands `Retry-After` (seconds or HTTP date, RFC 9110
 * § 10.2.3), `X-RateLimit-Reset` (an ISO date on Mastodon, epoch seconds elsewhere),
 * `RateLimit-Reset` (epoch seconds on Bluesky), `X-Rate-Limit-Reset` (epoch seconds on X) and
 * Meta's `X-Business-Use-Case-Usage` / `X-App-Usage` (`estimated_time_to_regain_access`, minutes).
 *
 * @example readRetryAt({ 'x-rate-limit-reset': '1796036400' }, new Date()) // '2026-11-30T11:00:00.000Z'
 */
export function readRetryAt(headers: Readonly<Record<string, string>>, now: Date): string | undefined {
  const retryAfter = headers['retry-after'];
  if (retryAfter !== undefined) {
    const seconds = Number(retryAfter);
    if (Number.isFinite(seconds) && retryAfter.trim() !== '') return after(now, seconds);
    const date = Date.parse(retryAfter);
    if (!Number.isNaN(date)) return new Date(date).toISOString();
  }
  for (const name of ['x-ratelimit-reset', 'ratelimit-reset', 'x-rate-limit-reset']) {
    const value = headers[name];
    if (value === undefined || value.trim() === '') continue;
    const number = Number(value);
    // Epoch seconds are large; the IETF draft's RateLimit-Reset is a delay in seconds.
    if (Number.isFinite(number)) return number > 1e9 ? new Date(number * 1000).toISOString() : after(now, number);
    const date = Date.parse(value);
    if (!Number.isNaN(date)) return new Date(date).toISOString();
  }
  const minutes = metaRegainMinutes(headers);
  return minutes === undefined ? undefined : after(now, minutes * 60);
}

function after(now: Date, seconds: number): string {
  return new Date(now.getTime() + Math.max(0, seconds) * 1000).toISOString();
}

// {"<id>":[{"type":"pages","estimated_time_to_regain_access":5,…}]} or {"estimated_time_to_regain_access":5}
function metaRegainMinutes(headers: Readonly<Record<string, string>>): number | undefined {
  let most: number | undefined;
  for (const name of ['x-business-use-case-usage', 'x-app-usage']) {
    const text = headers[name];
    if (text === undefined) continue;
    try {
      const found = JSON.stringify(JSON.parse(text)).match(/"estimated_time_to_regain_access":(\d+)/g) ?? [];
      for (const match of found) most = Math.max(most ?? 0, Number(match.split(':')[1]));
    } catch {
      // A malformed usage header only means no hint.
    }
  }
  return most === 0 ? undefined : most;
}
