// The loop plugin's start-up probe, decided once per simulated server. CoreDNS sends HINFO for a random
// name under the block's zone to its own listener; when forward sends that name back to the server
// itself, the probe arrives again and again, and on the third arrival CoreDNS exits with "Loop detected".
// The probe reaches forward when a forward stanza of the block covers the zone; it comes back when the
// stanza's targets are this server: a loopback address on the block's port (CoreDNS listens on every
// address by default), e.g. from a resolv.conf that names 127.0.0.53.
import type { CheckedBlock } from '../../corefile/check.js';
import type { ForwardConfig } from '../../plugins/forward.js';
import type { LoopConfig } from '../../plugins/loop.js';
import { forwardTargets } from '../../plugins/handlers/fwd/forward-targets.js';
import { isLoopbackIp } from '../../plugins/util/query-a-net.js';
import type { SimulationWorld, Step } from '../types.js';
import { isSubdomainOf } from './names.js';
import { tokenRange } from '../../corefile/token.js';

export interface LoopVerdict {
  /** True when CoreDNS exits at start-up: no query is ever answered. */
  crashes: boolean;
  step: Step;
}

/** Host and port of an "ip:port" or "[v6]:port" target key. */
function splitKey(key: string): { host: string; port: number } | undefined {
  const match = /^\[?([^\]]+?)\]?:([0-9]+)$/.exec(key);
  return match ? { host: match[1]!, port: Number(match[2]) } : undefined;
}

/** The verdict of the first block whose probe loops, or undefined when no probe does. */
export function probeLoops(blocks: readonly CheckedBlock[], world: SimulationWorld): LoopVerdict | undefined {
  for (const block of blocks) {
    const loop = block.configs.get('loop') as LoopConfig | undefined;
    const forward = block.configs.get('forward') as ForwardConfig | undefined;
    if (!loop || !forward) continue;
    const port = block.keys[0]?.key.port;
    if (port === undefined) continue;
    // The first stanza, in Corefile order, that would take a name under the loop zone.
    const stanza = forward.stanzas.find((s) => isSubdomainOf(loop.zone, s.from) && !s.except.some((e) => isSubdomainOf(loop.zone, e)));
    if (!stanza) continue;
    const targets = forwardTargets(stanza, world.files).targets;
    const self = targets.filter((t) => {
      const hp = splitKey(t.key);
      return hp !== undefined && t.transport === 'dns' && hp.port === port && isLoopbackIp(hp.host);
    });
    if (self.length === 0) continue;
    const directive = block.block.directives.find((d) => d.name === 'loop')?.tokens[0];
    const at = directive ?? stanza.directive;
    const where = { range: tokenRange(at), uri: at.source.uri };
    const names = self.map((t) => t.label).join(', ');
    if (self.length === targets.length) {
      return {
        crashes: true,
        step: { plugin: 'loop', action: 'error', detail: `Loop detected: forward sends the start-up probe (HINFO under ${loop.zone}) to ${names}, which is this CoreDNS itself, so the probe keeps coming back; CoreDNS exits with a fatal "Loop ... detected" error right after starting and answers no query. Forward to a real upstream (not a loopback address), or give CoreDNS a resolv.conf without 127.0.0.x.`, ...where },
      };
    }
    return {
      crashes: false,
      step: { plugin: 'loop', action: 'no-effect', detail: `forward may send the start-up probe to ${names}, which is this CoreDNS itself; whether the probe loops three times depends on which upstream the ${stanza.policy} policy picks, so CoreDNS may exit at start-up. Remove the loopback upstream.`, ...where },
    };
  }
  return undefined;
}
