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
import * as tokens from './token.js';
import type { Token } from './token.js';

// Local references to imported functions used for every block, directive or token: run as CommonJS (as tsx
// runs the tests and the benchmark), each use of an imported binding is a call through the exporting
// module's getters.
const { DEFAULT_PORTS } = address;
const { tokenRange } = tokens;

/** A key with the token it is written in; the token's range is made only for a finding that shows it. */
export interface PlacedKey {
  key: ServerKey;
  token: Token;
}

export interface BlockAddresses {
  keys: readonly PlacedKey[];
  /** The addresses the block's `bind` directives leave (after `except`), as written; empty when unbound. */
  bindAddresses: readonly string[];
  hasView: boolean;
  /** The document the block comes from, when that is not the analysed one (an imported file). */
  uri?: string;
}

/** One listener CoreDNS registers (zoneAddr in dnsserver), with the key it comes from. */
interface Listener {
  transport: string;
  zone: string;
  port: string;
  address: string;
  place: Place;
}

interface Place {
  block: BlockAddresses;
  placed: PlacedKey;
  /** Block and key index: together they name one key of the Corefile. */
  blockIndex: number;
  keyIndex: number;
}

type ConflictKind = 'duplicate' | 'overlap';

interface Conflict {
  kind: ConflictKind;
  /** The listener refused; its place is the key the finding sits on. */
  listener: Listener;
  /** The listener registered first that it clashes with. */
  other: Listener;
  zones: string[];
}

/** CoreDNS keeps the port as text: the written number re-printed, or the default ("" for unix://). */
function portKey(key: ServerKey): string {
  if (key.portText !== undefined) return String(key.port);
  const fallback = DEFAULT_PORTS[key.transport];
  return fallback === undefined ? '' : String(fallback);
}

/**
 * A key naming the listeners of one transport, port and address; the zone is looked up inside the group.
 * Transport and port never hold a space, and the address carries its length, so two different groups
 * never share a key.
 */
function groupId(transport: string, port: string, address: string): string {
  return `${transport} ${port} ${address.length} ${address}`;
}

/** How CoreDNS prints a listener in its error: transport://zone:port [on address]. */
function describe(l: Listener): string {
  return `${l.transport}://${l.zone}:${l.port}${l.address ? ` on ${l.address}` : ''}`;
}

/**
 * The overlap checker of core/dnsserver/address.go, with the place each listener came from. CoreDNS also
 * keeps, per transport, zone and port, the last listener registered on any address; that one is only
 * consulted when no every-address listener is registered there (else the exact check answers first), so
 * the last BOUND listener is all that needs keeping, and most Corefiles have none.
 */
class OverlapChecker {
  /**
   * Registered listeners by group (groupId) and zone. Grouping by zone in a second map spares building a
   * string of transport, port, address and zone for every zone of every key: the zone is looked up as it is.
   */
  private readonly registered = new Map<string, Map<string, Listener>>();
  private readonly lastBound = new Map<string, Map<string, Listener>>();

  /** `group` and `unboundGroup` name the listener's group and its every-address twin's (groupId). */
  check(zone: string, address: string, group: string, unboundGroup: string): { kind: ConflictKind; other: Listener } | undefined {
    const exact = this.registered.get(group)?.get(zone);
    if (exact) return { kind: 'duplicate', other: exact };
    // An unbound listener clashes with the last bound one registered for the same zone and port.
    if (address === '') {
      const bound = this.lastBound.get(unboundGroup)?.get(zone);
      return bound ? { kind: 'overlap', other: bound } : undefined;
    }
    // A bound one clashes with an unbound one registered for the same zone and port.
    const unboundTwin = this.registered.get(unboundGroup)?.get(zone);
    return unboundTwin ? { kind: 'overlap', other: unboundTwin } : undefined;
  }

  register(l: Listener, group: string, unboundGroup: string): void {
    zonesOf(this.registered, group).set(l.zone, l);
    if (l.address !== '') zonesOf(this.lastBound, unboundGroup).set(l.zone, l);
  }
}

function zonesOf(groups: Map<string, Map<string, Listener>>, group: string): Map<string, Listener> {
  let zones = groups.get(group);
  if (zones === undefined) groups.set(group, (zones = new Map()));
  return zones;
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
  return placeName(tokenRange(place.placed.token), place.block.uri ?? documentUri, here.block.uri ?? documentUri);
}

function message(c: Conflict, documentUri: string, placeName: PlaceName): string {
  const here = c.listener.place;
  const more = c.zones.length > 1 ? ` (and ${c.zones.length - 1} more of its zones)` : '';
  const head = `CoreDNS refuses to serve ${describe(c.listener)}${more}:`;
  const otherKey = `"${c.other.place.placed.key.text}" (${where(c.other.place, here, documentUri, placeName)})`;
  if (c.kind === 'duplicate') {
    if (c.other.place.blockIndex === here.blockIndex && c.other.place.keyIndex === here.keyIndex) {
      return `${head} the block's bind addresses list ${c.listener.address} twice. Remove the repeated address.`;
    }
    return `${head} ${otherKey} already serves the same zone with the same transport and port. Merge the two blocks, give one another port, or bind them to different addresses.`;
  }
  const viewNote = here.block.hasView
    ? ' A block with a view may share a zone and port with other blocks, but not across this bound/unbound split.'
    : '';
  if (c.listener.address === '') {
    return `${head} this block listens on every address, but ${otherKey} already serves the same zone and port bound to ${c.other.address}. Bind this block to addresses other than ${c.other.address} (bind plugin), or use another port.${viewNote}`;
  }
  return `${head} this block is bound to ${c.listener.address}, but ${otherKey} already serves the same zone and port on every address. Bind that block to addresses other than ${c.listener.address} too (bind plugin), or use another port.${viewNote}`;
}

/**
 * Every zone CoreDNS would refuse as served twice. A diagnostic sits on the key that comes second
 * and points at the first with `related`; keys CoreDNS refuses for their own sake are skipped, as
 * CoreDNS stops before it compares them.
 */
export function findDuplicateKeys(blocks: readonly BlockAddresses[], documentUri = '', placeName: PlaceName = linePlaceName): CoreDiagnostic[] {
  const checker = new OverlapChecker();
  // Conflicts are rare: the map is made for the first one. The loops run once per key, zone and address of
  // the whole Corefile, so they use indexes: a `for...of` the engine does not optimise away allocates an iterator.
  let conflicts: Map<string, Conflict> | undefined;
  let lastTransport = '';
  let lastPort = '';
  let lastUnboundGroup = '';
  for (let blockIndex = 0; blockIndex < blocks.length; blockIndex++) {
    const block = blocks[blockIndex]!;
    const hosts = block.bindAddresses.length > 0 ? block.bindAddresses : EVERY_ADDRESS;
    for (let keyIndex = 0; keyIndex < block.keys.length; keyIndex++) {
      const placed = block.keys[keyIndex]!;
      const key = placed.key;
      if (isRefused(key)) continue;
      const here: Place = { block, placed, blockIndex, keyIndex };
      const port = portKey(key);
      // Consecutive keys nearly always share transport and port, and so the every-address group.
      if (key.transport !== lastTransport || port !== lastPort) {
        lastTransport = key.transport;
        lastPort = port;
        lastUnboundGroup = groupId(key.transport, port, '');
      }
      const unboundGroup = lastUnboundGroup;
      for (let z = 0; z < key.zones.length; z++) {
        const zone = key.zones[z]!;
        for (let h = 0; h < hosts.length; h++) {
          const address = hosts[h]!;
          const group = address === '' ? unboundGroup : groupId(key.transport, port, address);
          const found = checker.check(zone, address, group, unboundGroup);
          // A view block never registers, and an exact repeat is what views are allowed to do.
          if (block.hasView && (!found || found.kind === 'duplicate')) continue;
          const listener: Listener = { transport: key.transport, zone, port, address, place: here };
          if (!found) {
            checker.register(listener, group, unboundGroup);
            continue;
          }
          const other = found.other.place;
          const conflictId = `${blockIndex} ${keyIndex} ${found.kind} ${other.blockIndex} ${other.keyIndex}`;
          conflicts ??= new Map();
          const known = conflicts.get(conflictId);
          if (known) {
            if (!known.zones.includes(zone)) known.zones.push(zone);
          } else {
            conflicts.set(conflictId, { kind: found.kind, listener, other: found.other, zones: [zone] });
          }
        }
      }
    }
  }
  const findings: CoreDiagnostic[] = [];
  if (conflicts === undefined) return findings;
  for (const c of conflicts.values()) {
    const here = c.listener.place;
    const otherUri = c.other.place.block.uri ?? documentUri;
    const diagnostic: CoreDiagnostic = {
      severity: 'error',
      code: c.kind === 'duplicate' ? 'core/duplicate-address' : 'core/address-overlap',
      message: message(c, documentUri, placeName),
      range: tokenRange(here.placed.token),
      related: [
        {
          uri: otherUri,
          range: tokenRange(c.other.place.placed.token),
          message: `${describe(c.other)} is first served here.`,
        },
      ],
    };
    if (here.block.uri !== undefined && here.block.uri !== documentUri) diagnostic.uri = here.block.uri;
    findings.push(diagnostic);
  }
  return findings;
}

/** A block without `bind` listens on every address, which CoreDNS writes as the empty address. */
const EVERY_ADDRESS: readonly string[] = [''];

function isRefused(key: ServerKey): boolean {
  for (let i = 0; i < key.problems.length; i++) if (key.problems[i]!.severity === 'error') return true;
  return false;
}
