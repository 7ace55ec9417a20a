/**
 * Whether text is an IP address as Django's GenericIPAddressField (protocol "both") and
 * PostgreSQL's `inet` column, where Sentry stores it, both take it: IPv4 in dotted decimal
 * (Python's ipaddress refuses leading zeros, which some parsers read as octal), or IPv6 in any of
 * its text forms (`::` once, an IPv4 tail). Zone indexes (`fe80::1%eth0`) and prefix lengths are
 * refused: `inet` stores neither as part of an address. Hand-written because the core runs in
 * browsers too (no `node:net`).
 */
const OCTET = '(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
const IPV4 = new RegExp(`^${OCTET}(?:\\.${OCTET}){3}$`);
const GROUP = /^[0-9a-fA-F]{1,4}$/;

export function isIpv4(text: string): boolean {
  return IPV4.test(text);
}

/** The number of 16-bit groups a run of `:`-separated parts holds, or -1 when one is not a group. */
function groups(parts: readonly string[], ipv4TailAllowed: boolean): number {
  let count = 0;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i] as string;
    if (GROUP.test(part)) count++;
    else if (ipv4TailAllowed && i === parts.length - 1 && isIpv4(part)) count += 2;
    else return -1;
  }
  return count;
}

export function isIpv6(text: string): boolean {
  const halves = text.split('::');
  if (halves.length > 2) return false;
  if (halves.length === 1) return groups(text.split(':'), true) === 8;
  const [head = '', tail = ''] = halves;
  const before = head === '' ? 0 : groups(head.split(':'), false);
  const after = tail === '' ? 0 : groups(tail.split(':'), true);
  // "::" stands for at least one group of zeros.
  return before >= 0 && after >= 0 && before + after <= 7;
}

/** Why the text is not an IP address (undefined when it is one). */
export function ipAddressProblem(text: string): string | undefined {
  if (isIpv4(text) || isIpv6(text)) return undefined;
  if (text.includes('%')) return `expected an IP address without a zone index, got ${JSON.stringify(text)}`;
  return `expected an IPv4 or IPv6 address, got ${JSON.stringify(text)}`;
}
