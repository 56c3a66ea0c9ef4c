// Execution-order hints for one analysed Corefile. The order of lines in a server block decides nothing:
// CoreDNS builds each block's query chain in plugin.cfg order (plugins/order.ts, the one table), so every
// directive that takes part in the chain is labelled with its place in that chain, counted among the
// directives of its own block. Setup-only directives never see a query and are labelled as such, without a
// number. Directives an import brings in count where they land; their labels are shown once, at the import
// of this document that brought them, because a snippet used by several blocks has a different place in
// each.
import type { CheckedBlock } from '../../corefile/check.js';
import type { EffectiveDirective } from '../../corefile/model.js';
import * as order from '../../plugins/order.js';
import * as registry from '../../plugins/registry.js';
import type { ImportNode } from '../../corefile/ast.js';
import type { Position, Range } from '../../types.js';
import { tokenEnd, tokenRange } from '../../corefile/token.js';
import { nodeRange } from '../../corefile/node-range.js';

export interface PlacedHint {
  /** Where the label goes, in the analysed text: the end of `anchor`. */
  position: Position;
  /** The words the label follows; a YAML position is the end of this range mapped, not a point mapped. */
  anchor: Range;
  label: string;
  tooltip: string;
  kind: 'order' | 'address';
  /** The server block the hint speaks about, in the analysed text: a template inside it makes it unreliable. */
  block: Range;
}

type Role = { kind: 'chain'; rank: number } | { kind: 'setup' };

/** The order hints of every server block written in the document `uri` (blocks from imported files have no place here). */
export function orderHints(blocks: readonly CheckedBlock[], uri: string): PlacedHint[] {
  const out: PlacedHint[] = [];
  for (const { block } of blocks) {
    if (block.via.length > 0 || block.node.keys.some((k) => k.source.uri !== uri)) continue;
    const chain = chainOf(block.directives);
    const tooltipTail = chain.length === 0
      ? 'No directive of this block takes part in the query chain.'
      : `CoreDNS runs this block's plugins in plugin.cfg order: ${chain.map((n) => `\`${n}\``).join(', ')}. The order of lines in the block does not matter.`;
    const roles = (d: EffectiveDirective): Role | undefined => roleOf(d.name, chain);
    const byImport = new Map<ImportNode, EffectiveDirective[]>();
    for (const directive of block.directives) {
      const role = roles(directive);
      if (role === undefined) continue;
      const anchor = directive.via[0];
      if (anchor !== undefined) {
        if (anchor.keyword.source.uri !== uri) continue;
        const list = byImport.get(anchor) ?? [];
        list.push(directive);
        byImport.set(anchor, list);
        continue;
      }
      if (directive.node.name.source.uri !== uri) continue;
      out.push({
        position: tokenEnd(directive.node.name),
        anchor: tokenRange(directive.node.name),
        label: role.kind === 'chain' ? `#${role.rank}` : 'setup',
        tooltip: role.kind === 'chain'
          ? `Runs ${ordinal(role.rank)} of ${chain.length} in this block. ${tooltipTail}`
          : `Setup only: \`${directive.name}\` configures the server and never sees a query, so it has no place in the query chain. ${tooltipTail}`,
        kind: 'order',
        block: nodeRange(block.node),
      });
    }
    for (const [anchor, directives] of byImport) {
      const parts: string[] = [];
      for (const directive of directives) {
        const role = roles(directive);
        const part = role === undefined ? undefined : `${directive.name} ${role.kind === 'chain' ? `#${role.rank}` : 'setup'}`;
        if (part !== undefined && !parts.includes(part)) parts.push(part);
      }
      out.push({
        position: nodeRange(anchor).end,
        anchor: nodeRange(anchor),
        label: parts.join(', '),
        tooltip: `The imported directives run where they land in this block. ${tooltipTail}`,
        kind: 'order',
        block: nodeRange(block.node),
      });
    }
  }
  return out;
}

/**
 * The distinct directives of the block that see queries, in execution order. A directive written twice
 * (where its plugin allows it) holds one place: CoreDNS hands all its lines to one setup call.
 */
function chainOf(directives: readonly EffectiveDirective[]): string[] {
  const names = new Set<string>();
  for (const d of directives) {
    if (order.executionIndex(d.name) === undefined) continue;
    if (registry.pluginModule(d.name)?.setupOnly === true) continue;
    names.add(d.name);
  }
  return [...names].sort((a, b) => order.executionIndex(a)! - order.executionIndex(b)!);
}

/** A directive's role; undefined for names outside plugin.cfg (unknown or external plugins), whose place is not known. */
function roleOf(name: string, chain: readonly string[]): Role | undefined {
  if (order.executionIndex(name) === undefined) return undefined;
  if (registry.pluginModule(name)?.setupOnly === true) return { kind: 'setup' };
  const index = chain.indexOf(name);
  return index < 0 ? undefined : { kind: 'chain', rank: index + 1 };
}

/** 1st, 2nd, 3rd, 4th … 11th, 12th, 13th … 21st. */
export function ordinal(n: number): string {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  switch (n % 10) {
    case 1: return `${n}st`;
    case 2: return `${n}nd`;
    case 3: return `${n}rd`;
    default: return `${n}th`;
  }
}
