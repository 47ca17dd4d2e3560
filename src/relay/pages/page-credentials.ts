import { decryptSecret, encryptSecret } from '../../secrets/cipher.js';
import type { Keyring } from '../../secrets/keyring.js';
import type { ChannelCredentials } from '../channels/channel-adapter.js';

/**
 * A page's credentials as stored: the JSON of every field, encrypted as one secret
 * (`relay_pages.credentials`, a registered secret column), and the token's last four
 * characters, the only part ever shown back ("enregistré (…1234)").
 *
 * @example
 * const { stored, hint } = sealCredentials({ accessToken: 'abc…1234' }, keyring); // hint: '1234'
 * openCredentials(stored, keyring).accessToken; // 'abc…1234'
 */
export function sealCredentials(credentials: ChannelCredentials, keyring: Keyring): { readonly stored: string; readonly hint: string } {
  return { stored: encryptSecret(JSON.stringify(credentials), keyring), hint: tokenHint(credentials.accessToken) };
}

/** Decrypts what `sealCredentials` stored. */
export function openCredentials(stored: string, keyring: Keyring): ChannelCredentials {
  return Object.freeze(JSON.parse(decryptSecret(stored, keyring)) as ChannelCredentials);
}

/** The last four characters of a token (fewer for a token too short to hide anything). */
export function tokenHint(token: string): string {
  return token.length >= 12 ? token.slice(-4) : '';
}
