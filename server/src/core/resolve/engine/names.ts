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
  // `n` ends with `.z`, tested without building that string: this runs for every zone of every plugin.
  return n === z || (n.length > z.length && n.endsWith(z) && n.charCodeAt(n.length - z.length - 1) === 0x2e);
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

/**
 * The length of a string in UTF-8 bytes, as C code and the wire count it, computed from the UTF-16 code
 * units instead of encoding: the stub checks every label of every name it builds, and encoding each one
 * only to measure it was the largest single cost of a resolution. A lone surrogate counts 3 bytes, the
 * size of the replacement character TextEncoder and Buffer write in its place.
 */
export function utf8Length(s: string): number {
  const n = s.length;
  let bytes = n;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) continue;
    if (c < 0x800) {
      bytes += 1;
    } else if (c >= 0xd800 && c <= 0xdbff && i + 1 < n && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      // A surrogate pair: two code units, four bytes.
      bytes += 2;
      i++;
    } else {
      bytes += 2;
    }
  }
  return bytes;
}
