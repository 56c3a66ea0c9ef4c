// Name arithmetic the way miekg/dns and CoreDNS do it. The kubernetes family of plugins keeps the letter
// case of the query in some places (the zone part of an owner name) and folds it in others (matching), so
// these helpers work on the text as given and say in their names whether they compare case-insensitively.

// The plain name arithmetic (trailing dot, labels, containment, equality) is the simulator's own, under the
// names miekg/dns gives it; only what the kubernetes family needs beyond it is written here.
import { bareName, fqdn, isSubdomainOf, labelsOf, namesEqual } from '../../../resolve/engine/names.js';

/** The name with exactly one trailing dot (`.` for the root). */
export const absolute = fqdn;
/** The name without its trailing dot, the way dns-packet stores names (`.` stays the root). */
export const relative = bareName;
/** The labels of a name, leftmost first (dns.SplitDomainName); the root has none. */
export const splitName = labelsOf;
/** Two names are the same name, ignoring letter case and the trailing dot. */
export const sameName = namesEqual;

/** dns.CountLabel. */
export function countLabels(name: string): number {
  const bare = relative(name);
  return bare === '.' ? 0 : dotCount(bare) + 1;
}

/** dns.IsSubDomain(parent, child) as isBelow(child, parent): child is parent or below it, without letter case. */
export const isBelow = isSubdomainOf;

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
  // Counted on the text rather than on split labels: this runs for every name kubernetes looks up.
  const bare = relative(name);
  if (bare === '.') return undefined;
  const keep = dotCount(bare) + 1 - countLabels(zone);
  if (keep <= 0) return undefined;
  // The first `keep` labels end where the keep-th dot is (or at the end of the name).
  let end = -1;
  for (let k = 0; k < keep; k++) {
    end = bare.indexOf('.', end + 1);
    if (end === -1) return bare;
  }
  return bare.slice(0, end);
}

function dotCount(text: string): number {
  let dots = 0;
  for (let i = text.indexOf('.'); i !== -1; i = text.indexOf('.', i + 1)) dots++;
  return dots;
}

/** The zone-sized tail of `name`, keeping the name's letter case (`qname[len(qname)-len(zone):]`). */
export function tailLike(name: string, zone: string): string {
  const n = absolute(name);
  const z = absolute(zone);
  return z.length <= n.length ? n.slice(n.length - z.length) : z;
}

/** dnsutil.Join: labels or names joined into one absolute name. */
export function joinNames(...parts: string[]): string {
  // Built in one loop: every owner name kubernetes writes comes through here.
  let joined = '';
  for (const part of parts) {
    const bare = relative(part);
    if (bare === '.' || bare === '') continue;
    joined = joined === '' ? bare : `${joined}.${bare}`;
  }
  return joined === '' ? '.' : `${joined}.`;
}
