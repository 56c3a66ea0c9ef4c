// Loading a zone file the way CoreDNS's file plugin does at setup (plugin/file/file.go Parse): the file must
// read, hold an SOA whose serial is not 0 (setup passes serial 0 as "the serial we already have"), and hold
// no NSEC3 records. Shared by file (and usable by auto for its zone files).
import type { ArgToken } from '../../corefile/dispenser.js';
import type { SetupContext } from '../types.js';
import { lookUpFile } from './query-b-common.js';
import { parseZoneFile, type ZoneRecord } from './zonefile.js';
import { joinsRoot } from './plugin-path.js';

export type ZoneLoad =
  | { state: 'missing'; path: string | undefined }
  | { state: 'loaded'; path: string; records: ZoneRecord[] }
  | { state: 'invalid'; path: string; message: string };

/** Reads and checks the zone file for one origin; `missing` when the host does not have it. */
export function loadZone(ctx: SetupContext, file: string, origin: string): ZoneLoad {
  // The file plugin joins a relative zone file to the block's `root`.
  const found = lookUpFile(ctx, file, joinsRoot('file'));
  if (!found || found.kind !== 'file' || found.text === undefined) return { state: 'missing', path: found?.path };
  const result = parseZoneFile(found.text, origin, found.path, (path) => ctx.host.readFile(path));
  if (result.error) {
    const { file: where, range, message } = result.error;
    return { state: 'invalid', path: found.path, message: `${where}:${range.start.line + 1}:${range.start.character + 1}: ${message}` };
  }
  const soa = result.records.find((r) => r.type === 'SOA');
  if (!soa) return { state: 'invalid', path: found.path, message: `${found.path} has no SOA record for origin ${origin}` };
  if (soa.rdata[2] === '0') return { state: 'invalid', path: found.path, message: `the SOA serial is 0, which CoreDNS's first load treats as "no change in SOA serial" and refuses; use a serial of 1 or more` };
  const nsec3 = result.records.find((r) => r.type === 'NSEC3' || r.type === 'NSEC3PARAM');
  if (nsec3) return { state: 'invalid', path: found.path, message: `${nsec3.file}:${nsec3.range.start.line + 1}: NSEC3 zones are not supported (${nsec3.type} record for ${nsec3.name})` };
  return { state: 'loaded', path: found.path, records: result.records };
}

/** Reports a zone file that exists but that CoreDNS cannot load. */
export function reportInvalidZone(ctx: SetupContext, plugin: string, token: ArgToken, origin: string, message: string): void {
  ctx.report('error', `${plugin}/invalid-zone-file`, `The zone file ${token.value} cannot be loaded for ${origin}: ${message}. CoreDNS refuses to start; fix the zone file.`, token);
}
