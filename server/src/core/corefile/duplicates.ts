// Zones served twice. CoreDNS (dnsserver.validateZonesAndListeningAddresses) walks every zone of
// every block in file order, once per listen address (the block's `bind` addresses, or "every
// address" when it has none), and refuses to start when
//  - the same transport, zone, port and listen address comes again ("already defined"), or
//  - a block listening on every address and a bound block share transport, zone and port, in either
//    order ("zone overlap listener capacity").
// Blocks with a `view` are only checked, never registered: they may share a zone and port with one
// unfiltered block and with each other, but the bound/unbound rule still catches them when the
// unfiltered block comes first. We replay that walk and report every conflict, not just the first.
import type { CoreDiagnostic, Range } from '../types.js';
import * as address from './address.js';
import type { ServerKey } from './address.js';

// Local references to imported functions used for every block, directive or token: run as CommonJS (as tsx
// runs the tests and the benchmark), each use of an imported binding is a call through the exporting
// module's getters.
const { DEFAULT_PORTS } = address;

export interface PlacedKey {
  key: ServerKey;
  range: Range;
}

export interface BlockAddresses {
  keys: PlacedKey[];
  /** The addresses the block's `bind` directives leave (after `except`), as written; empty when unbound. */
  bindAddresses: string[];
  hasView: boolean;
  /** The document the block comes from, when that is not the analysed one (an imported file). */
  uri?: string;
}

/** One listener CoreDNS registers: zoneAddr in dnsserver. */
interface Listener {
  transport: string;
  zone: string;
  port: string;
  address: string;
}

interface Place {
  block: BlockAddresses;
  placed: PlacedKey;
  /** Block and key index: together they name one key of the Corefile. */
  blockIndex: number;
  keyIndex: number;
}

interface Registration {
  listener: Listener;
  place: Place;
}

type ConflictKind = 'duplicate' | 'overlap';

interface Conflict {
  kind: ConflictKind;
  here: Place;
  listener: Listener;
  other: Registration;
  zones: string[];
}

/** CoreDNS keeps the port as text: the written number re-printed, or the default ("" for unix://). */
function portKey(key: ServerKey): string {
  if (key.portText !== undefined) return String(key.port);
  const fallback = DEFAULT_PORTS[key.transport];
  return fallback === undefined ? '' : String(fallback);
}

/**
 * A key naming one listener. Transport and port never hold a space, and the address carries its length,
 * so two different listeners never share a key. Every key of every block is looked up, so this is kept to
 * one string concatenation.
 */
function listenerId(transport: string, zone: string, port: string, address: string): string {
  return `${transport} ${port} ${address.length} ${address} ${zone}`;
}

/** How CoreDNS prints a listener in its error: transport://zone:port [on address]. */
function describe(l: Listener): string {
  return `${l.transport}://${l.zone}:${l.port}${l.address ? ` on ${l.address}` : ''}`;
}

/** The overlap checker of core/dnsserver/address.go, with the place each listener came from. */
class OverlapChecker {
  private readonly registered = new Map<string, Registration>();
  private readonly unbound = new Map<string, Registration>();

  /** `id` and `unboundId` name the listener and its every-address twin (listenerId). */
  check(l: Listener, id: string, unboundId: string): { kind: ConflictKind; other: Registration } | undefined {
    const exact = this.registered.get(id);
    if (exact) return { kind: 'duplicate', other: exact };
    const anyBound = this.unbound.get(unboundId);
    if (!anyBound) return undefined;
    // An unbound listener clashes with the last bound one registered for the same zone and port.
    if (l.address === '') return { kind: 'overlap', other: anyBound };
    const unboundTwin = this.registered.get(unboundId);
    return unboundTwin ? { kind: 'overlap', other: unboundTwin } : undefined;
  }

  register(registration: Registration, id: string, unboundId: string): void {
    this.registered.set(id, registration);
    this.unbound.set(unboundId, registration);
  }
}

/**
 * How a message names a place in the Corefile for a reader: "line N", or "line N of FILE" for an imported
 * file. A Corefile held by a YAML file passes its own, so that lines are the YAML file's lines.
 */
export type PlaceName = (range: Range, uri: string, hereUri: string) => string;

/** `uri` holds the place named; `hereUri` holds the finding whose message names it. */
export const linePlaceName: PlaceName = (range, uri, hereUri) => {
  const line = `line ${range.start.line + 1}`;
  return uri !== hereUri ? `${line} of ${uri}` : line;
};

function where(place: Place, here: Place, documentUri: string, placeName: PlaceName): string {
  return placeName(place.placed.range, place.block.uri ?? documentUri, here.block.uri ?? documentUri);
}

function message(c: Conflict, documentUri: string, placeName: PlaceName): string {
  const more = c.zones.length > 1 ? ` (and ${c.zones.length - 1} more of its zones)` : '';
  const head = `CoreDNS refuses to serve ${describe(c.listener)}${more}:`;
  const otherKey = `"${c.other.place.placed.key.text}" (${where(c.other.place, c.here, documentUri, placeName)})`;
  if (c.kind === 'duplicate') {
    if (c.other.place.blockIndex === c.here.blockIndex && c.other.place.keyIndex === c.here.keyIndex) {
      return `${head} the block's bind addresses list ${c.listener.address} twice. Remove the repeated address.`;
    }
    return `${head} ${otherKey} already serves the same zone with the same transport and port. Merge the two blocks, give one another port, or bind them to different addresses.`;
  }
  const viewNote = c.here.block.hasView
    ? ' A block with a view may share a zone and port with other blocks, but not across this bound/unbound split.'
    : '';
  if (c.listener.address === '') {
    return `${head} this block listens on every address, but ${otherKey} already serves the same zone and port bound to ${c.other.listener.address}. Bind this block to addresses other than ${c.other.listener.address} (bind plugin), or use another port.${viewNote}`;
  }
  return `${head} this block is bound to ${c.listener.address}, but ${otherKey} already serves the same zone and port on every address. Bind that block to addresses other than ${c.listener.address} too (bind plugin), or use another port.${viewNote}`;
}

/**
 * Every zone CoreDNS would refuse as served twice. A diagnostic sits on the key that comes second
 * and points at the first with `related`; keys CoreDNS refuses for their own sake are skipped, as
 * CoreDNS stops before it compares them.
 */
export function findDuplicateKeys(blocks: BlockAddresses[], documentUri = '', placeName: PlaceName = linePlaceName): CoreDiagnostic[] {
  const checker = new OverlapChecker();
  const conflicts = new Map<string, Conflict>();
  blocks.forEach((block, blockIndex) => {
    const hosts = block.bindAddresses.length > 0 ? block.bindAddresses : [''];
    block.keys.forEach((placed, keyIndex) => {
      if (placed.key.problems.some((p) => p.severity === 'error')) return;
      const here: Place = { block, placed, blockIndex, keyIndex };
      for (const zone of placed.key.zones) {
        for (const address of hosts) {
          const listener: Listener = { transport: placed.key.transport, zone, port: portKey(placed.key), address };
          const unboundId = listenerId(listener.transport, zone, listener.port, '');
          const id = address === '' ? unboundId : listenerId(listener.transport, zone, listener.port, address);
          const found = checker.check(listener, id, unboundId);
          // A view block never registers, and an exact repeat is what views are allowed to do.
          if (!block.hasView && !found) checker.register({ listener, place: here }, id, unboundId);
          if (!found || (block.hasView && found.kind === 'duplicate')) continue;
          const other = found.other.place;
          const conflictId = [blockIndex, keyIndex, found.kind, other.blockIndex, other.keyIndex].join(' ');
          const known = conflicts.get(conflictId);
          if (known) {
            if (!known.zones.includes(zone)) known.zones.push(zone);
          } else {
            conflicts.set(conflictId, { kind: found.kind, here, listener, other: found.other, zones: [zone] });
          }
        }
      }
    });
  });
  return [...conflicts.values()].map((c) => {
    const otherUri = c.other.place.block.uri ?? documentUri;
    const diagnostic: CoreDiagnostic = {
      severity: 'error',
      code: c.kind === 'duplicate' ? 'core/duplicate-address' : 'core/address-overlap',
      message: message(c, documentUri, placeName),
      range: c.here.placed.range,
      related: [
        {
          uri: otherUri,
          range: c.other.place.placed.range,
          message: `${describe(c.other.listener)} is first served here.`,
        },
      ],
    };
    if (c.here.block.uri !== undefined && c.here.block.uri !== documentUri) diagnostic.uri = c.here.block.uri;
    return diagnostic;
  });
}
