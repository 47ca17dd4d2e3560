import { lookup } from 'node:dns/promises';

/** Turns a host name into its IP addresses; injectable so tests need no DNS. */
export type HostnameResolver = (hostname: string) => Promise<readonly string[]>;

/** The system resolver (getaddrinfo: /etc/hosts, then DNS), every address in the order given. */
export const resolveHostname: HostnameResolver = async (hostname) => {
  const records = await lookup(hostname, { all: true, verbatim: true });
  return records.map((record) => record.address);
};
