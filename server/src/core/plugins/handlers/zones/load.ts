// Reading zone files from the simulated world (the scenario's mounts) the way plugin/file's Parse does:
// the file must parse, hold an SOA whose serial is not 0 (the first load passes 0 as "the serial we
// have") and no NSEC3 records. Parsed zones are kept per file host, so a scenario with many queries reads
// each file once.
import type { FileHost } from '../../../host.js';
import { parseZoneFile } from '../../util/zonefile.js';
import { Zone } from './zone.js';

export type ZoneFileLoad =
  | { ok: true; zone: Zone; path: string }
  | { ok: false; reason: 'missing'; tried: string[] }
  | { ok: false; reason: 'invalid'; path: string; message: string };

const cache = new WeakMap<FileHost, Map<string, ZoneFileLoad>>();

/** Loads the zone for `origin` from the first of `paths` the host has. */
export function loadZoneFile(files: FileHost, paths: readonly string[], origin: string): ZoneFileLoad {
  const path = paths.find((p) => files.stat(p) === 'file' && files.readFile(p) !== undefined);
  if (path === undefined) return { ok: false, reason: 'missing', tried: [...new Set(paths)] };
  let perHost = cache.get(files);
  if (!perHost) {
    perHost = new Map();
    cache.set(files, perHost);
  }
  const key = `${path}\u0000${origin}`;
  const cached = perHost.get(key);
  if (cached) return cached;
  const load = parseZone(files, path, origin);
  perHost.set(key, load);
  return load;
}

function parseZone(files: FileHost, path: string, origin: string): ZoneFileLoad {
  const text = files.readFile(path) ?? '';
  const parsed = parseZoneFile(text, origin, path, (p) => files.readFile(p));
  if (parsed.error) {
    const { file, range, message } = parsed.error;
    return { ok: false, reason: 'invalid', path, message: `${file}:${range.start.line + 1}: ${message}` };
  }
  const soa = parsed.records.find((r) => r.type === 'SOA');
  if (!soa) return { ok: false, reason: 'invalid', path, message: `it has no SOA record for ${origin}` };
  if (soa.rdata[2] === '0') return { ok: false, reason: 'invalid', path, message: 'its SOA serial is 0, which the first load reads as "no change in SOA serial"' };
  const nsec3 = parsed.records.find((r) => r.type === 'NSEC3' || r.type === 'NSEC3PARAM');
  if (nsec3) return { ok: false, reason: 'invalid', path, message: `NSEC3 zones are not supported (${nsec3.type} at ${nsec3.name})` };
  return { ok: true, zone: Zone.fromRecords(origin, parsed.records), path };
}

/** The paths a file argument may be mounted under: as written, then as the linter resolved it. */
export function candidatePaths(written: string, resolved: string | undefined): string[] {
  return resolved !== undefined && resolved !== written ? [written, resolved] : [written];
}
