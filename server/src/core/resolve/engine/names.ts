// Domain-name helpers shared by the simulator. DNS compares names without regard to letter case and on
// label boundaries, so `example.org` is inside `org` but `xample.org` is not inside `ample.org`.

/** The name with exactly one trailing dot; the root is `.`. */
export function fqdn(name: string): string {
  if (name === '' || name === '.') return '.';
  return name.endsWith('.') ? name : `${name}.`;
}

/** The name without its trailing dot, as dns-packet stores owner names; the root stays `.`. */
export function bareName(name: string): string {
  if (name === '' || name === '.') return '.';
  return name.endsWith('.') ? name.slice(0, -1) : name;
}

/** The labels of a name, leftmost first; the root has none. */
export function labelsOf(name: string): string[] {
  const bare = bareName(name);
  return bare === '.' ? [] : bare.split('.');
}

/** True when two names are the same name (case-insensitive, trailing dot optional). */
export function namesEqual(a: string, b: string): boolean {
  return fqdn(a).toLowerCase() === fqdn(b).toLowerCase();
}

/** True when `name` is `zone` or below it, on label boundaries. Every name is below the root. */
export function isSubdomainOf(name: string, zone: string): boolean {
  const z = fqdn(zone).toLowerCase();
  if (z === '.') return true;
  const n = fqdn(name).toLowerCase();
  return n === z || n.endsWith(`.${z}`);
}

/**
 * The longest of `zones` that contains `name` (plugin.Zones.Matches), or undefined when none does.
 * Zones are compared case-insensitively on label boundaries.
 */
export function matchZone(zones: readonly string[], name: string): string | undefined {
  let best: string | undefined;
  for (const zone of zones) {
    if (!isSubdomainOf(name, zone)) continue;
    if (best === undefined || fqdn(zone).length > fqdn(best).length) best = zone;
  }
  return best;
}
