// Everything CoreDNS would check before it serves a query, applied to the expanded model: addresses and
// their duplicates, unknown directives, repeat rules, and each plugin's own setup checks. This module reads
// the blocks' keys and runs the duplicate check; the per-block directive checks are in check-directives.ts,
// what they share across the analysis in check-shared.ts, and the context setups read in
// check-setup-context.ts.
import type { FileHost } from '../host.js';
import type { AnalysisSettings } from '../settings.js';
import type { CoreDiagnostic, Range, Severity } from '../types.js';
import * as address from './address.js';
import type { ServerKey } from './address.js';
import * as directiveChecks from './check-directives.js';
import { PluginSetupContext } from './check-setup-context.js';
import { newDirectiveSets, type AnalysisShared } from './check-shared.js';
import { findDuplicateKeys, type BlockAddresses, type PlaceName, type PlacedKey } from './duplicates.js';
import type { ArgToken } from './dispenser.js';
import type { CorefileModel, EffectiveBlock } from './model.js';
import { tokenRange, tokenStart, type Token } from './token.js';
import { nodeRange } from './node-range.js';

// Local references to imported functions used for every block, directive or token: run as CommonJS (as tsx
// runs the tests and the benchmark), each use of an imported binding is a call through the exporting
// module's getters. For the same reason of scale, loops run once per block, key or directive count with an
// index: where the engine does not optimise them away, `for...of` loops allocate an iterator each time.
const { parseServerKey } = address;
const { checkAcrossDirectives, checkDirectives } = directiveChecks;

export interface CheckedBlock {
  block: EffectiveBlock;
  keys: Array<{ key: ServerKey; token: ArgToken }>;
  /** Typed configuration per directive, as its module read it. */
  configs: Map<string, unknown>;
}

export interface CheckResult {
  blocks: CheckedBlock[];
  diagnostics: CoreDiagnostic[];
}

export interface CheckOptions {
  settings: AnalysisSettings;
  host: FileHost;
  baseDir: string | undefined;
  /** How messages name other places (duplicate addresses); line numbers of the text by default. */
  placeName?: PlaceName;
}

export function checkModel(model: CorefileModel, options: CheckOptions): CheckResult {
  const diagnostics: CoreDiagnostic[] = [];
  const docUri = model.tree.uri;
  const push = (severity: Severity, code: string, message: string, range: Range, uri: string, via: EffectiveBlock['via']): void => {
    const d: CoreDiagnostic = { severity, code, message, range };
    if (uri !== docUri) d.uri = uri;
    if (via.length > 0) d.related = via.map((imp) => ({ uri: imp.keyword.source.uri, range: nodeRange(imp), message: 'imported here' }));
    diagnostics.push(d);
  };

  // One pass over the blocks reads their keys and gathers what the duplicate check needs. Loops rather than
  // map/filter chains: a large Corefile has tens of thousands of blocks, and each intermediate list is garbage.
  const modelBlocks = model.blocks;
  const blocks: CheckedBlock[] = new Array(modelBlocks.length);
  const duplicateInput: Array<BlockAddresses & { via: EffectiveBlock['via'] }> = new Array(modelBlocks.length);
  for (let b = 0; b < modelBlocks.length; b++) {
    const block = modelBlocks[b]!;
    const keys = readKeys(block);
    // Keys whose text is not known take no part in the duplicate check (keys CoreDNS refuses on their own are
    // left out by the check itself); the usual block has none and hands its own list over.
    let comparable: readonly PlacedKey[] = keys;
    for (let i = 0; i < keys.length; i++) {
      const { key, token } = keys[i]!;
      if (token.unknownEnv.length > 0) {
        if (comparable === keys) comparable = keys.slice(0, i);
        continue;
      }
      const problems = key.problems;
      for (let j = 0; j < problems.length; j++) {
        const p = problems[j]!;
        push(p.severity, p.code, p.message, keyRange(token, key.text, p.start, p.end), token.source.uri, block.via);
      }
      if (comparable !== keys) (comparable as PlacedKey[]).push(keys[i]!);
    }
    blocks[b] = { block, keys, configs: new Map<string, unknown>() };
    const uri = block.keys[0]?.token.source.uri ?? block.node.open?.source.uri ?? docUri;
    const addresses: BlockAddresses & { via: EffectiveBlock['via'] } = { keys: comparable, bindAddresses: bindAddresses(block), hasView: hasDirective(block, 'view'), via: block.via };
    if (uri !== docUri) addresses.uri = uri;
    duplicateInput[b] = addresses;
  }
  for (const d of findDuplicateKeys(duplicateInput, docUri, options.placeName)) {
    // A clash inside an imported file is tied to the import chain that brought its block in.
    const owner = d.uri === undefined ? undefined : duplicateInput.find((b) => b.uri === d.uri && b.keys.some((k) => startsAt(k.token, d.range)));
    if (owner && owner.via.length > 0) d.related = [...(d.related ?? []), ...owner.via.map((imp) => ({ uri: imp.keyword.source.uri, range: nodeRange(imp), message: 'imported here' }))];
    diagnostics.push(d);
  }

  const shared: AnalysisShared = {
    settings: options.settings, host: options.host, baseDir: options.baseDir, push, statuses: new Map(), suggestions: new Map(), facts: new Map(), directiveSets: newDirectiveSets(),
  };
  // One context serves every setup of the analysis in turn (see PluginSetupContext).
  const context = new PluginSetupContext(shared);
  for (let b = 0; b < blocks.length; b++) {
    const checked = blocks[b]!;
    checkDirectives(checked, shared, context);
    checkAcrossDirectives(checked, push);
  }
  return { blocks, diagnostics };
}

/**
 * The block's keys as CoreDNS reads them, each parsed once: the checks, the duplicate check and every
 * later reader share the result. A block nearly always has one key, and a one-element literal holds exactly
 * that one; as the list outlives the analysis, the engine soon allocates such literals with long-lived data.
 */
function readKeys(block: EffectiveBlock): CheckedBlock['keys'] {
  const written = block.keys;
  if (written.length === 1) {
    const { token, text } = written[0]!;
    return [{ key: parseServerKey(text), token }];
  }
  const keys: CheckedBlock['keys'] = new Array(written.length);
  for (let i = 0; i < written.length; i++) {
    const { token, text } = written[i]!;
    keys[i] = { key: parseServerKey(text), token };
  }
  return keys;
}

const NO_ADDRESSES: readonly string[] = [];

/**
 * The addresses of the block's `bind` lines, which CoreDNS includes in its duplicate detection. Most blocks
 * have none and share one empty list (typed readonly: the duplicate check only reads it).
 */
function bindAddresses(block: EffectiveBlock): readonly string[] {
  let out: string[] | undefined;
  const directives = block.directives;
  for (let i = 0; i < directives.length; i++) {
    const d = directives[i]!;
    if (d.name !== 'bind') continue;
    out ??= [];
    const tokens = d.tokens;
    for (let t = 1; t < tokens.length; t++) {
      if (tokens[t]!.value === '{') break;
      out.push(tokens[t]!.value);
    }
  }
  return out ?? NO_ADDRESSES;
}

function hasDirective(block: EffectiveBlock, name: string): boolean {
  const directives = block.directives;
  for (let i = 0; i < directives.length; i++) if (directives[i]!.name === name) return true;
  return false;
}

/** The range of part of a key, when the key is written plainly on one line; else the whole token. */
function keyRange(token: ArgToken, text: string, start: number, end: number): Range {
  const plain = !token.quoted && token.lineBreaks === 0 && token.value === token.text && text.length <= token.text.length;
  if (!plain || end <= start) return tokenRange(token);
  const at = tokenStart(token);
  return { start: { line: at.line, character: at.character + start }, end: { line: at.line, character: at.character + end } };
}

/** Whether the token starts where the range does. */
function startsAt(token: Token, range: Range): boolean {
  const at = tokenStart(token);
  return at.line === range.start.line && at.character === range.start.character;
}
