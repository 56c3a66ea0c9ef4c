// The core's facade: the one entry point the language server and the CLI call for diagnostics. It picks
// the analysis by language and never throws: an unexpected failure becomes a diagnostic.
import { analyzeCorefile, type CorefileInput } from './corefile/analyze.js';
import { embeddedFor, treeFor } from './features/shared-parse.js';
import { analyzeYaml } from './embedded/analyze.js';
import type { YamlSource } from './embedded/workspace.js';
import type { FileHost } from './host.js';
import { analyzeResolvConf } from './resolvconf/index.js';
import type { AnalysisSettings } from './settings.js';
import type { CoreDiagnostic, LanguageId } from './types.js';

export interface DocumentInput {
  uri: string;
  /** File-system path when the document is a file on disk. */
  path?: string;
  text: string;
  language: LanguageId;
  /** For YAML: the other YAML files in reach, where the coredns and coredns-custom ConfigMaps may be. */
  workspace?: readonly YamlSource[];
  /**
   * An editor's document: reuse the parse the editor features share for this text (features/shared-parse.ts)
   * rather than parsing it again. The CLI leaves it unset: each run reads each file once anyway.
   */
  shareParse?: boolean;
}

export interface DocumentAnalysis {
  diagnostics: CoreDiagnostic[];
}

export function analyzeDocument(doc: DocumentInput, settings: AnalysisSettings, host: FileHost): DocumentAnalysis {
  try {
    switch (doc.language) {
      case 'corefile': {
        const input: CorefileInput = { uri: doc.uri, text: doc.text, ...(doc.path !== undefined ? { path: doc.path } : {}), ...(doc.shareParse ? { tree: treeFor(doc.text, doc.uri) } : {}) };
        return { diagnostics: analyzeCorefile(input, settings, host).diagnostics };
      }
      case 'resolvconf':
        return { diagnostics: analyzeResolvConf(doc.text, settings.resolver).diagnostics };
      case 'yaml':
        return { diagnostics: analyzeYaml(doc.text, doc.uri, doc.path, settings, host, doc.workspace, doc.shareParse ? embeddedFor(doc.text) : undefined) };
    }
  } catch (error) {
    return {
      diagnostics: [{
        severity: 'error',
        code: 'core/internal-error',
        message: `Corefile Lens could not analyse this document (${String(error)}). Please report it with the file.`,
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      }],
    };
  }
}

/** The language of a file by its name, as the CLI contract in DESIGN.md lists the names. */
export function languageFromPath(path: string): LanguageId | undefined {
  const name = path.split(/[\\/]/).pop() ?? path;
  if (name === 'Corefile' || name.startsWith('Corefile.') || name.endsWith('.corefile') || name.endsWith('.Corefile')) return 'corefile';
  if (name === 'resolv.conf' || name.startsWith('resolv.conf.') || name.endsWith('.resolv.conf') || name === 'stub-resolv.conf') return 'resolvconf';
  if (name.endsWith('.yaml') || name.endsWith('.yml')) return 'yaml';
  return undefined;
}
