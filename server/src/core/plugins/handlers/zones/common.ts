// Small pieces every zone-serving handler (file, auto, secondary, hosts, template) needs, each with the
// semantics of the CoreDNS helper it stands for: plugin.Zones.Matches, fall.F.Through, request.Name.
import type { HandlerContext, Request, Step, StepAction } from '../../../resolve/types.js';
import type { HandlerSite } from '../../types.js';
import { isBelowOrAt, lowerFqdn } from './zone.js';

/** plugin.Zones.Matches: the longest zone the name is in, or undefined. */
export function matchZone(zones: readonly string[], qname: string): string | undefined {
  let best: string | undefined;
  for (const zone of zones) {
    if (isBelowOrAt(qname, zone) && (best === undefined || zone.length > best.length)) best = zone;
  }
  return best;
}

/** fall.F.Through: true when fallthrough is on and the name is in one of its zones. */
export function fallsThrough(zones: readonly string[], qname: string): boolean {
  return zones.length > 0 && matchZone(zones, qname) !== undefined;
}

/** The first question as CoreDNS's request.Request reads it: the name lower-cased, type and class. */
export function questionOf(req: Request): { name: string; type: string; class: string } {
  const q = req.msg.question[0];
  return { name: lowerFqdn(q?.name ?? '.'), type: q?.type ?? 'A', class: q?.class ?? 'IN' };
}

/** Records a step of this plugin, pointing at its directive. */
export function stepper(ctx: HandlerContext, plugin: string, site: HandlerSite): (action: StepAction, detail: string) => void {
  return (action, detail) => {
    const step: Step = { plugin, action, detail, range: site.range, uri: site.uri };
    ctx.step(step);
  };
}

/** A list of zones for a sentence: `a.`, `a. and b.`, `a., b. and c.`. */
export function listZones(zones: readonly string[]): string {
  if (zones.length <= 1) return zones[0] ?? '(none)';
  return `${zones.slice(0, -1).join(', ')} and ${zones[zones.length - 1]}`;
}

/** "1 record" / "3 records". */
export function count(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
