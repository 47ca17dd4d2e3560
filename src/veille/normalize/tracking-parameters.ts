/**
 * Query parameters that only say how a reader reached a page, never which
 * page it is: dropping them makes the links of one story, shared through
 * different campaigns, compare equal. Names are compared lower-cased.
 */
const TRACKING_NAMES: ReadonlySet<string> = new Set([
  'fbclid', // Facebook click id
  'gclid', // Google Ads click id
  'dclid', // Google Display click id
  'gbraid', // Google Ads (iOS app campaigns)
  'wbraid', // Google Ads (web-to-app campaigns)
  'msclkid', // Microsoft Advertising click id
  'yclid', // Yandex click id
  'twclid', // X/Twitter Ads click id
  'igshid', // Instagram share id
  'mc_cid', // Mailchimp campaign id
  'mc_eid', // Mailchimp recipient id
  '_hsenc', // HubSpot e-mail tracking
  '_hsmi', // HubSpot e-mail tracking
  'mkt_tok', // Marketo e-mail tracking
  '_ga', // Google Analytics cross-domain linker
  '_gl', // Google Analytics cross-domain linker
  'xtor', // AT Internet (Xiti) campaign tag, used by most French news sites
  'xtref', // AT Internet referrer override
  'ref_src', // Twitter embed referrer
  'oly_anon_id', // Omeda
  'oly_enc_id', // Omeda
  'vero_id', // Vero e-mail
]);

/**
 * Name prefixes of tracking families: Urchin/Google Analytics `utm_*` (and
 * Matomo's `mtm_*`/`pk_*` campaign tags), AT Internet's newer `at_*` tags
 * (`at_medium`, `at_campaign`, `at_creation`…, common on French sites).
 */
const TRACKING_PREFIXES: readonly string[] = ['utm_', 'mtm_', 'pk_', 'at_'];

/**
 * Whether a query parameter name is a tracking tag that canonical links drop.
 *
 * @example
 * isTrackingParameter('UTM_Source'); // true
 * isTrackingParameter('id'); // false
 */
export function isTrackingParameter(name: string): boolean {
  const lower = name.toLowerCase();
  return TRACKING_NAMES.has(lower) || TRACKING_PREFIXES.some((prefix) => lower.startsWith(prefix));
}
