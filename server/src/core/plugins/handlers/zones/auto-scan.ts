// The auto plugin's directory scan (plugin/auto/walk.go, regexp.go): walk the directory tree in lexical
// order, match each file's base name against the pattern (unanchored, RE2), expand the template with the
// match's groups into an origin, and load the file as that zone. The first file for an origin wins; files
// that do not load are skipped, as CoreDNS only logs them.
import { RE2JS } from 're2js';
import type { FileHost } from '../../../host.js';
import { loadZoneFile } from './load.js';
import { lowerFqdn, type Zone } from './zone.js';

export interface ScannedZone {
  origin: string;
  path: string;
  zone: Zone;
}

export interface AutoScan {
  zones: ScannedZone[];
  /** Files that matched but were left out, with the reason, for the trace. */
  skipped: string[];
}

const scans = new WeakMap<FileHost, Map<string, AutoScan>>();

/** Scans `directory` once per file host and configuration. */
export function scanDirectory(files: FileHost, directory: string, pattern: string, template: string): AutoScan {
  let perHost = scans.get(files);
  if (!perHost) {
    perHost = new Map();
    scans.set(files, perHost);
  }
  const key = `${directory}\u0000${pattern}\u0000${template}`;
  const cached = perHost.get(key);
  if (cached) return cached;
  const scan = walk(files, directory, pattern, template);
  perHost.set(key, scan);
  return scan;
}

function walk(files: FileHost, directory: string, pattern: string, template: string): AutoScan {
  const scan: AutoScan = { zones: [], skipped: [] };
  let re: RE2JS;
  try {
    re = RE2JS.compile(pattern);
  } catch {
    scan.skipped.push(`the pattern ${pattern} does not compile`);
    return scan;
  }
  const seen = new Map<string, string>();
  for (const { path, name } of filesBelow(files, directory)) {
    const origin = originFor(re, name, template);
    if (origin === undefined) continue;
    const previous = seen.get(origin.toLowerCase());
    if (previous !== undefined) {
      scan.skipped.push(`${path} (${origin} is already loaded from ${previous})`);
      continue;
    }
    seen.set(origin.toLowerCase(), path);
    const load = loadZoneFile(files, [path], origin);
    if (!load.ok) {
      seen.delete(origin.toLowerCase());
      scan.skipped.push(`${path} (${load.reason === 'invalid' ? load.message : 'unreadable'})`);
      continue;
    }
    scan.zones.push({ origin: lowerFqdn(origin), path, zone: load.zone });
  }
  return scan;
}

/** filepath.Walk: every file below the directory, depth first, entries in lexical order. */
function filesBelow(files: FileHost, directory: string): Array<{ path: string; name: string }> {
  const out: Array<{ path: string; name: string }> = [];
  const visit = (dir: string, depth: number): void => {
    if (depth > 32) return;
    const entries = [...(files.readDir(dir) ?? [])].sort();
    for (const name of entries) {
      const path = dir.endsWith('/') ? `${dir}${name}` : `${dir}/${name}`;
      const kind = files.stat(path);
      if (kind === 'directory') visit(path, depth + 1);
      else if (kind === 'file') out.push({ path, name });
    }
  };
  if (files.stat(directory) === 'directory') visit(directory.replace(/(.)\/+$/, '$1'), 0);
  return out;
}

/** matches(): the origin for a file name, or undefined when the pattern does not match it. */
export function originFor(re: RE2JS, name: string, template: string): string | undefined {
  const m = re.matcher(name);
  if (!m.find()) return undefined;
  const groups: Array<string | undefined> = [];
  for (let i = 0; i <= m.groupCount(); i++) groups.push(m.group(i) ?? undefined);
  const named = re.namedGroups() as Record<string, number>;
  const expanded = expandTemplate(rewriteToExpand(template), groups, named);
  return expanded.endsWith('.') ? expanded : `${expanded}.`;
}

/** rewriteToExpand: every `{` gets a `$` in front, so `{1}` becomes Go's `${1}`. */
function rewriteToExpand(template: string): string {
  return template.replace(/\{/g, '${');
}

/**
 * Go's regexp.Expand: `$name` or `${name}` is replaced by the group with that number or name (empty when
 * there is none), `$$` is a literal dollar, and a malformed reference leaves the `$` as text.
 */
export function expandTemplate(template: string, groups: ReadonlyArray<string | undefined>, named: Readonly<Record<string, number>>): string {
  let out = '';
  let rest = template;
  for (;;) {
    const dollar = rest.indexOf('$');
    if (dollar < 0) break;
    out += rest.slice(0, dollar);
    rest = rest.slice(dollar + 1);
    if (rest.startsWith('$')) {
      out += '$';
      rest = rest.slice(1);
      continue;
    }
    const ref = /^(?:\{([A-Za-z0-9_]+)\}|([A-Za-z0-9_]+))/.exec(rest);
    if (!ref) {
      out += '$';
      continue;
    }
    rest = rest.slice(ref[0].length);
    const name = ref[1] ?? ref[2]!;
    const index = /^[0-9]+$/.test(name) ? (name.length > 8 ? -1 : Number(name)) : named[name];
    if (index !== undefined && index >= 0) out += groups[index] ?? '';
  }
  return out + rest;
}
