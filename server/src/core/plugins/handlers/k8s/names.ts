// Name arithmetic the way miekg/dns and CoreDNS do it. The kubernetes family of plugins keeps the letter
// case of the query in some places (the zone part of an owner name) and folds it in others (matching), so
// these helpers work on the text as given and say in their names whether they compare case-insensitively.

/** The name with exactly one trailing dot (`.` for the root). */
export function absolute(name: string): string {
  if (name === '' || name === '.') return '.';
  return name.endsWith('.') ? name : `${name}.`;
}

/** The name without its trailing dot, the way dns-packet stores names (`.` stays the root). */
export function relative(name: string): string {
  if (name === '' || name === '.') return '.';
  return name.endsWith('.') ? name.slice(0, -1) : name;
}

/** The labels of a name, leftmost first (dns.SplitDomainName); the root has none. */
export function splitName(name: string): string[] {
  const bare = relative(name);
  return bare === '.' ? [] : bare.split('.');
}

/** dns.CountLabel. */
export function countLabels(name: string): number {
  return splitName(name).length;
}

/** dns.IsSubDomain(parent, child): child is parent or below it, compared without letter case. */
export function isBelow(child: string, parent: string): boolean {
  const p = absolute(parent).toLowerCase();
  if (p === '.') return true;
  const c = absolute(child).toLowerCase();
  return c === p || c.endsWith(`.${p}`);
}

/** plugin.Zones.Matches: the longest of the zones that holds the name, or undefined. */
export function longestZone(zones: readonly string[], name: string): string | undefined {
  let best: string | undefined;
  for (const zone of zones) {
    if (isBelow(name, zone) && (best === undefined || zone.length > best.length)) best = zone;
  }
  return best;
}

/**
 * dnsutil.TrimZone: the part of `name` left of `zone`, without the joining dot, counted in labels (so the
 * letter case of either does not matter). Undefined when the name is not longer than the zone, which is
 * where CoreDNS reports an error.
 */
export function trimZone(name: string, zone: string): string | undefined {
  const labels = splitName(name);
  const keep = labels.length - countLabels(zone);
  if (keep <= 0) return undefined;
  return labels.slice(0, keep).join('.');
}

/** The zone-sized tail of `name`, keeping the name's letter case (`qname[len(qname)-len(zone):]`). */
export function tailLike(name: string, zone: string): string {
  const n = absolute(name);
  const z = absolute(zone);
  return z.length <= n.length ? n.slice(n.length - z.length) : z;
}

/** dnsutil.Join: labels or names joined into one absolute name. */
export function joinNames(...parts: string[]): string {
  const kept = parts.map((p) => relative(p)).filter((p) => p !== '.' && p !== '');
  return kept.length === 0 ? '.' : `${kept.join('.')}.`;
}

/** Two names are the same name, ignoring letter case and the trailing dot. */
export function sameName(a: string, b: string): boolean {
  return absolute(a).toLowerCase() === absolute(b).toLowerCase();
}
