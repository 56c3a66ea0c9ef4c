// Quick fixes: for the findings in a range of a document, the edits that certainly repair them. The fix
// is chosen from the finding's stable code and the parsed document, never from its message. Before a fix
// is offered it is proven on the whole document: the edited text is analysed again, and the finding's
// code must occur fewer times while no error or warning code occurs more often than before.
import type { FileHost } from '../host.js';
import { analyzeDocument, type DocumentInput } from '../service.js';
import type { AnalysisSettings } from '../settings.js';
import type { CoreDiagnostic, Range } from '../types.js';
import { COREFILE_FIXABLE, corefileFixes } from './actions/corefile.js';
import { RESOLVCONF_FIXABLE, resolvConfFixes } from './actions/resolvconf.js';
import type { FixCandidate, FixEdit } from './actions/types.js';
import { yamlFixes } from './actions/yaml.js';
import { applyEdits } from './format/edits.js';

export type { FixEdit };

export interface QuickFix {
  title: string;
  /** The finding this fix repairs, as the analysis reported it. */
  diagnostic: CoreDiagnostic;
  /** Edits of the document, in its own positions (in YAML, positions in the YAML file). */
  edits: FixEdit[];
  isPreferred: boolean;
}

/** The quick fixes for the findings that touch `range`, in the order of the findings. */
export function quickFixes(doc: DocumentInput, range: Range, settings: AnalysisSettings, host: FileHost): QuickFix[] {
  const fixable = doc.language === 'resolvconf' ? RESOLVCONF_FIXABLE : COREFILE_FIXABLE;
  const before = analyzeDocument(doc, settings, host).diagnostics;
  const out: QuickFix[] = [];
  for (const diagnostic of before) {
    // A finding in an imported file is fixed in that file, not here.
    if (!fixable.has(diagnostic.code) || (diagnostic.uri !== undefined && diagnostic.uri !== doc.uri) || !touches(diagnostic.range, range)) continue;
    for (const fix of safeCandidates(doc, diagnostic, settings)) {
      if (proven(doc, diagnostic.code, before, fix.edits, settings, host)) out.push({ title: fix.title, diagnostic, edits: fix.edits, isPreferred: fix.isPreferred });
    }
  }
  return out;
}

/** A fix is an offer, never a reason to fail the request: anything unexpected means no fix. */
function safeCandidates(doc: DocumentInput, diagnostic: CoreDiagnostic, settings: AnalysisSettings): FixCandidate[] {
  try {
    return candidates(doc, diagnostic, settings);
  } catch {
    return [];
  }
}

function candidates(doc: DocumentInput, diagnostic: CoreDiagnostic, settings: AnalysisSettings): FixCandidate[] {
  switch (doc.language) {
    case 'corefile':
      return corefileFixes(doc.text, diagnostic.code, diagnostic.range, settings.corednsVersion);
    case 'resolvconf':
      return resolvConfFixes(doc.text, diagnostic.code, diagnostic.range);
    case 'yaml':
      return yamlFixes(doc.text, diagnostic.code, diagnostic.range, settings.corednsVersion);
  }
}

function proven(doc: DocumentInput, code: string, before: readonly CoreDiagnostic[], edits: readonly FixEdit[], settings: AnalysisSettings, host: FileHost): boolean {
  const after = analyzeDocument({ ...doc, text: applyEdits(doc.text, edits) }, settings, host).diagnostics;
  const countBefore = countSerious(before);
  const countAfter = countSerious(after);
  const fixedBefore = before.filter((d) => d.code === code).length;
  const fixedAfter = after.filter((d) => d.code === code).length;
  if (fixedAfter >= fixedBefore) return false;
  for (const [c, n] of countAfter) if (n > (countBefore.get(c) ?? 0)) return false;
  return true;
}

/** How often each error or warning code occurs; information and hints do not block a fix. */
function countSerious(diagnostics: readonly CoreDiagnostic[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const d of diagnostics) {
    if (d.severity !== 'error' && d.severity !== 'warning') continue;
    counts.set(d.code, (counts.get(d.code) ?? 0) + 1);
  }
  return counts;
}

/** Whether two ranges share a position (an empty request range at a finding's edge counts). */
function touches(a: Range, b: Range): boolean {
  return !(before(a.end, b.start) || before(b.end, a.start));
}

function before(p: Range['start'], q: Range['start']): boolean {
  return p.line < q.line || (p.line === q.line && p.character < q.character);
}
