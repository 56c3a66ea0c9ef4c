// Addresses the way Go and CoreDNS read them: net.ParseIP (no zones, no surrounding space) and the address
// a reverse name stands for (dnsutil.ExtractAddressFromReverse), both in Go's canonical text.
import { canonicalIp } from '../../../resolve/cluster.js';
import { parseIp } from '../../../corefile/zone.js';
import { absolute } from './names.js';

/** Go's net.ParseIP as a canonical address text: undefined for anything that is not a plain address. */
export function goParseIp(text: string): string | undefined {
  if (text.trim() !== text) return undefined;
  return canonicalIp(text);
}

/**
 * dnsutil.ExtractAddressFromReverse: the address a reverse name stands for, canonical, or undefined when
 * the name is not a complete in-addr.arpa / ip6.arpa address.
 */
export function addressFromReverse(name: string): string | undefined {
  const lower = absolute(name).toLowerCase();
  if (lower.endsWith('.in-addr.arpa.')) {
    const labels = lower.slice(0, -'.in-addr.arpa.'.length).split('.').reverse();
    const text = labels.join('.');
    const parsed = parseIp(text);
    return parsed && parsed.bytes.length === 4 ? goParseIp(text) : undefined;
  }
  if (lower.endsWith('.ip6.arpa.')) {
    const nibbles = lower.slice(0, -'.ip6.arpa.'.length).split('.').reverse();
    const groups: string[] = [];
    for (let i = 0; i + 4 <= nibbles.length; i += 4) groups.push(nibbles.slice(i, i + 4).join(''));
    const text = groups.join(':');
    const parsed = parseIp(text);
    return parsed && parsed.bytes.length === 16 ? goParseIp(text) : undefined;
  }
  return undefined;
}
