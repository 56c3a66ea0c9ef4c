// Address hints: what a server-block key stands for when the key leaves it implicit. CoreDNS fills in the
// transport's default port and turns a CIDR key into the reverse zones it serves (corefile/address.ts reads
// keys exactly as CoreDNS does); the hint says so only where the key does not already show it. A key with a
// written port and a plain zone gets nothing: a trailing dot or a lowercased letter is no news to anyone.
import type { CheckedBlock } from '../../corefile/check.js';
import type { ServerKey } from '../../corefile/address.js';
import type { ArgToken } from '../../corefile/dispenser.js';
import type { PlacedHint } from './order.js';
import { tokenEnd, tokenStart } from '../../corefile/token.js';
import { nodeRange } from '../../corefile/node-range.js';

// A CIDR wider than an octet boundary expands to many zones; the label names the ends and the count, the
// tooltip lists them all.
const LABEL_ZONES = 2;

export function addressHints(blocks: readonly CheckedBlock[], uri: string): PlacedHint[] {
  const out: PlacedHint[] = [];
  for (const { block, keys } of blocks) {
    if (block.via.length > 0) continue;
    for (const { key, token } of keys) {
      if (token.source.uri !== uri) continue;
      const hint = hintFor(key, token);
      if (hint !== undefined) out.push({ ...hint, kind: 'address', block: nodeRange(block.node) });
    }
  }
  return out;
}

function hintFor(key: ServerKey, token: ArgToken): Omit<PlacedHint, 'kind' | 'block'> | undefined {
  if (token.unknownEnv.length > 0 || key.problems.some((p) => p.severity === 'error')) return undefined;
  // unix:// listens on a socket path: it has neither a port nor zones to spell out.
  if (key.transport === 'unix' || key.zones.length === 0) return undefined;
  const portMissing = key.portText === undefined;
  if (!portMissing && !key.isReverseCidr) return undefined;
  const scheme = key.transport === 'dns' ? '' : `${key.transport}://`;
  const full = key.zones.map((zone) => `${scheme}${zone}:${key.port}`);
  // A key written as it stands in the Corefile, missing only its port, reads best completed by the port alone.
  const label = !key.isReverseCidr && token.text === token.value
    ? `:${key.port}`
    : `→ ${full.length <= LABEL_ZONES ? full.join(' ') : `${full[0]} … ${full[full.length - 1]} (${full.length} zones)`}`;
  const what = key.isReverseCidr
    ? `CoreDNS serves the network ${key.zoneText} as the reverse zone${key.zones.length > 1 ? 's' : ''} ${key.zones.join(', ')}`
    : `CoreDNS serves the zone ${key.zones[0]}`;
  const port = portMissing ? `on the default ${key.transport} port ${key.port}` : `on port ${key.port}`;
  const end = tokenEnd(token);
  // The comma that separates keys is no part of the key: the label goes before it.
  const position = !token.quoted && token.text.endsWith(',') && end.character > 0 ? { line: end.line, character: end.character - 1 } : end;
  return { position, anchor: { start: tokenStart(token), end: position }, label, tooltip: `${what} ${port}.` };
}
