// One call from Corefile text to everything the features need: tree, expanded model, checked blocks and
// diagnostics. The language server and the CLI both come through here, so they always agree.
import type { FileHost } from '../host.js';
import type { AnalysisSettings } from '../settings.js';
import type { CoreDiagnostic } from '../types.js';
import type { CorefileTree } from './ast.js';
import { checkModel, type CheckedBlock } from './check.js';
import { findListenerClashes } from './listeners.js';
import { unknownWordFindings } from './env-findings.js';
import { expandCorefile, type CorefileModel } from './model.js';
import { parseCorefile } from './parse.js';
import type { PlaceName } from './duplicates.js';
import { dirName } from './paths.js';
import { appendAll } from '../append.js';

export interface CorefileAnalysis {
  tree: CorefileTree;
  model: CorefileModel;
  blocks: CheckedBlock[];
  /** Findings for this document; findings inside imported files are shown at the import that brought them. */
  diagnostics: CoreDiagnostic[];
}

export interface CorefileInput {
  uri: string;
  /** File-system path, when the document is a file; relative imports and file arguments resolve from it. */
  path?: string;
  text: string;
  /** How messages name other places; a Corefile inside YAML passes one that speaks in YAML lines. */
  placeName?: PlaceName;
  /** This text already parsed as this document (the editor features' shared parse); parsed here otherwise. */
  tree?: CorefileTree;
}

export function analyzeCorefile(input: CorefileInput, settings: AnalysisSettings, host: FileHost): CorefileAnalysis {
  const { tree, model, blocks, findings } = findCorefileProblems(input, settings, host);
  // Sorted in place: a file with many findings makes no further copy.
  const diagnostics: CoreDiagnostic[] = new Array(findings.length);
  for (let i = 0; i < findings.length; i++) diagnostics[i] = toThisDocument(findings[i]!, input.uri);
  diagnostics.sort(byPosition);
  return { tree, model, blocks, diagnostics };
}

/**
 * Every finding of the analysis in the order the steps make them, each still carrying the document it is in:
 * analyzeCorefile then moves findings of imported files onto the import line, while the ConfigMap analysis
 * (embedded/cross-keys.ts), whose imported files are ConfigMap keys, keeps them on the keys themselves.
 */
export function findCorefileProblems(input: CorefileInput, settings: AnalysisSettings, host: FileHost): Omit<CorefileAnalysis, 'diagnostics'> & { findings: CoreDiagnostic[] } {
  const tree = input.tree !== undefined && input.tree.uri === input.uri ? input.tree : parseCorefile(input.text, input.uri);
  // The expansion notes the words with unknown placeholders as it goes, so their findings need no second walk.
  const { model, unknownWords } = expandCorefile(tree, { env: settings.env, host, path: input.path });
  const checked = checkModel(model, { settings, host, baseDir: input.path ? dirName(input.path) : undefined, ...(input.placeName ? { placeName: input.placeName } : {}) });
  const findings: CoreDiagnostic[] = [];
  for (const e of tree.errors) findings.push({ severity: e.severity, code: e.code, message: e.message, range: e.range });
  appendAll(findings, model.diagnostics);
  appendAll(findings, checked.diagnostics);
  appendAll(findings, findListenerClashes(checked.blocks, input.uri));
  appendAll(findings, unknownWordFindings(unknownWords, input.uri));
  return { tree, model, blocks: checked.blocks, findings };
}

/** A finding inside another file is shown on the import line of this document that leads to it. */
function toThisDocument(d: CoreDiagnostic, uri: string): CoreDiagnostic {
  if (d.uri === undefined || d.uri === uri) return d;
  const where = decodeURIComponent(d.uri.replace(/^file:\/\//, ''));
  // Every finding must belong to this document: one with no import line here is shown at the top.
  const anchor = d.related?.find((r) => r.uri === uri) ?? { uri, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, message: '' };
  const mapped: CoreDiagnostic = {
    ...d,
    range: anchor.range,
    message: `In ${where}:${d.range.start.line + 1}:${d.range.start.character + 1}: ${d.message}`,
    related: [{ uri: d.uri, range: d.range, message: d.message }, ...(d.related ?? []).filter((r) => r !== anchor)],
  };
  delete mapped.uri;
  return mapped;
}

function byPosition(a: CoreDiagnostic, b: CoreDiagnostic): number {
  return a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character;
}
