// The one place that writes eight IPv6 groups as text the way Go's net.IP.String does (RFC 5952): the first
// longest run of two or more zero groups becomes "::", groups in lowercase hex without leading zeros.
// Callers decide how IPv4-mapped addresses are shown, which differs between Go's net.IP and miekg's AAAA.

export function compressIpv6Groups(groups: readonly number[]): string {
  let bestStart = -1;
  let bestLength = 1;
  for (let i = 0; i < 8; ) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLength) {
      bestStart = i;
      bestLength = j - i;
    }
    i = j;
  }
  const hex = (from: number, to: number): string => groups.slice(from, to).map((g) => g.toString(16)).join(':');
  if (bestStart === -1) return hex(0, 8);
  return `${hex(0, bestStart)}::${hex(bestStart + bestLength, 8)}`;
}

/** The eight 16-bit groups of sixteen address bytes (missing bytes read as zero). */
export function ipv6Groups(bytes: readonly number[]): number[] {
  const groups: number[] = [];
  for (let i = 0; i < 16; i += 2) groups.push(((bytes[i] ?? 0) << 8) | (bytes[i + 1] ?? 0));
  return groups;
}
