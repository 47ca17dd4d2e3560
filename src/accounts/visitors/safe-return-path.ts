const BASE = 'http://relais.invalid';

/**
 * The page to come back to after signing in, only when it is a path of this site: anything
 * that could lead elsewhere (`//evil.example`, `/\evil.example`, `https://…`, control
 * characters, `javascript:`) gives undefined, so the sign-in form is never an open redirect.
 *
 * @example
 * safeReturnPath('/article/fete-du-village#forum') // '/article/fete-du-village#forum'
 * safeReturnPath('//evil.example/')                // undefined
 * safeReturnPath('https://evil.example/')          // undefined
 */
export function safeReturnPath(value: string | undefined): string | undefined {
  if (!value || !value.startsWith('/') || value.length > 500) return undefined;
  // Browsers read a backslash as a slash and drop tabs and newlines: refuse them outright.
  if (/[\\\u0000-\u001f\u007f]/.test(value) || value.startsWith('//')) return undefined;
  let url: URL;
  try {
    url = new URL(value, BASE);
  } catch {
    return undefined;
  }
  return url.origin === BASE ? url.pathname + url.search + url.hash : undefined;
}
