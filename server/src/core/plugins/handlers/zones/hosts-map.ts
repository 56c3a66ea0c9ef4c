// The hosts plugin's tables (plugin/hosts/hostsfile.go): names to IPv4 and IPv6 addresses, wildcard owners
// (`*.example.org`, one label, 1.14.5+) kept apart, and addresses back to names for PTR. The hosts file
// and the inline lines are two separate tables; a lookup asks the file's first and appends the inline
// table's result. Names outside the plugin's zones are dropped while reading, as CoreDNS does.
import { parseIp } from '../../../corefile/zone.js';
import { formatIpv4, formatIpv6 } from '../../../resolve/message.js';
import type { HostsEntry } from '../../hosts.js';
import { matchZone } from './common.js';
import { joinLabels, splitLabels } from './zone.js';

export interface HostsTable {
  name4: Map<string, string[]>;
  name6: Map<string, string[]>;
  wild4: Map<string, string[]>;
  wild6: Map<string, string[]>;
  /** Address text (Go's net.IP String form) to names, in the order read. */
  addr: Map<string, string[]>;
}

function push(map: Map<string, string[]>, key: string, value: string): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** An address as Go's net.IP prints it, and whether it is IPv4 (To4 != nil, so v4-mapped counts). */
export function goIp(text: string): { text: string; v4: boolean } | undefined {
  const parsed = parseIp(text);
  if (!parsed) return undefined;
  const b = parsed.bytes;
  if (b.length === 4) return { text: formatIpv4(b), v4: true };
  const mapped = b.slice(0, 10).every((x) => x === 0) && b[10] === 0xff && b[11] === 0xff;
  if (mapped) return { text: formatIpv4(b.slice(12)), v4: true };
  return { text: formatIpv6(b), v4: false };
}

/** Hostsfile.parse over already split lines. */
export function buildHostsTable(entries: readonly HostsEntry[], origins: readonly string[], autoReverse: boolean): HostsTable {
  const table: HostsTable = { name4: new Map(), name6: new Map(), wild4: new Map(), wild6: new Map(), addr: new Map() };
  for (const entry of entries) {
    const ip = goIp(entry.address);
    if (!ip) continue;
    for (const name of entry.names) {
      if (matchZone(origins, name) === undefined) continue;
      if (name.startsWith('*.')) {
        push(ip.v4 ? table.wild4 : table.wild6, name, ip.text);
        continue;
      }
      push(ip.v4 ? table.name4 : table.name6, name, ip.text);
      if (autoReverse) push(table.addr, ip.text, name);
    }
  }
  return table;
}

/** lookupStaticHostLocked: the exact name first; only when it is absent, its one-label wildcard. */
export function lookupHost(table: HostsTable, name: string, v4: boolean): { ips: string[]; wildcard?: string } {
  const exact = (v4 ? table.name4 : table.name6).get(name);
  if (exact) return { ips: [...exact] };
  const labels = splitLabels(name);
  if (labels.length < 2) return { ips: [] };
  const pattern = joinLabels(['*', ...labels.slice(1)]);
  const wild = (v4 ? table.wild4 : table.wild6).get(pattern);
  return wild ? { ips: [...wild], wildcard: pattern } : { ips: [] };
}

/** dnsutil.ExtractAddressFromReverse: the address a reverse name stands for, or '' when it is none. */
export function addressFromReverse(name: string): string {
  const v4Suffix = '.in-addr.arpa.';
  const v6Suffix = '.ip6.arpa.';
  if (name.endsWith(v4Suffix)) {
    const parts = name.slice(0, -v4Suffix.length).split('.').reverse();
    const ip = goIp(parts.join('.'));
    return ip?.v4 ? ip.text : '';
  }
  if (name.endsWith(v6Suffix)) {
    const nibbles = name.slice(0, -v6Suffix.length).split('.').reverse();
    const groups: string[] = [];
    for (let i = 0; i + 4 <= nibbles.length; i += 4) groups.push(nibbles.slice(i, i + 4).join(''));
    const parsed = parseIp(groups.join(':'));
    if (!parsed || parsed.bytes.length !== 16) return '';
    return goIp(groups.join(':'))?.text ?? '';
  }
  return '';
}
