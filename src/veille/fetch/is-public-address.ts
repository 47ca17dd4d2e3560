import ipaddr from 'ipaddr.js';

// Only addresses meant to be reached across the Internet pass: IPv4 outside every special
// range ipaddr.js knows (RFC 6890 and successors: loopback, RFC 1918, CGNAT 100.64/10,
// link-local incl. 169.254.169.254, 0.0.0.0/8, multicast, broadcast, reserved…), and IPv6
// inside global unicast 2000::/3 (RFC 4291 §2.4) and outside its special ranges. IPv4-mapped
// forms are judged by the IPv4 address they carry; IPv4-compatible (::a.b.c.d) fall outside 2000::/3.
const GLOBAL_UNICAST_V6 = ipaddr.parseCIDR('2000::/3');

/**
 * True when `address` (an IP literal, in any spelling ipaddr.js reads) is a public unicast address.
 *
 * @example
 * isPublicAddress('93.184.215.14'); // true
 * isPublicAddress('::ffff:7f00:1'); // false: it is 127.0.0.1
 */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  const parsed = ipaddr.process(address);
  if (parsed.kind() === 'ipv4') return parsed.range() === 'unicast';
  return parsed.match(GLOBAL_UNICAST_V6) && parsed.range() === 'unicast';
}
