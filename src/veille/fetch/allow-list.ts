import ipaddr from 'ipaddr.js';

/** The hosts an operator lets Relais reach although they are private (`FETCH_ALLOW_HOSTS`). */
export interface AllowList {
  /** True when this host name was listed (compared without case or trailing dot). */
  allowsHost(hostname: string): boolean;
  /** True when this IP address was listed or falls inside a listed CIDR range. */
  allowsAddress(address: string): boolean;
}

/**
 * Reads allow-list entries: host names, IP addresses or CIDR ranges.
 * Returns the list and the entries that are none of these, for the configuration to report.
 *
 * @example
 * const { allowList } = parseAllowList(['intranet.mairie.local', '10.0.0.0/8', '::1']);
 * allowList.allowsAddress('10.1.2.3'); // true
 */
export function parseAllowList(entries: readonly string[]): { allowList: AllowList; invalid: readonly string[] } {
  const hosts = new Set<string>();
  const ranges: [ipaddr.IPv4 | ipaddr.IPv6, number][] = [];
  const invalid: string[] = [];
  for (const raw of entries) {
    const entry = raw.trim();
    if (entry === '') continue;
    const bare = entry.replace(/^\[(.*)\]$/, '$1');
    if (bare.includes('/')) {
      try {
        ranges.push(ipaddr.parseCIDR(bare));
      } catch {
        invalid.push(entry);
      }
    } else if (ipaddr.isValid(bare)) {
      const address = ipaddr.process(bare);
      ranges.push([address, address.kind() === 'ipv4' ? 32 : 128]);
    } else if (/^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*\.?$/i.test(entry)) {
      hosts.add(normaliseHostname(entry));
    } else {
      invalid.push(entry);
    }
  }
  const allowList: AllowList = Object.freeze({
    allowsHost: (hostname: string) => hosts.has(normaliseHostname(hostname)),
    allowsAddress: (address: string) => {
      if (!ipaddr.isValid(address)) return false;
      const parsed = ipaddr.process(address);
      return ranges.some(([base, bits]) => base.kind() === parsed.kind() && parsed.match(base, bits));
    },
  });
  return { allowList, invalid: Object.freeze(invalid) };
}

function normaliseHostname(hostname: string): string {
  return hostname.toLowerCase().replace(/\.+$/, '');
}
