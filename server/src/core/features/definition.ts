// Go to definition: from an `import` to what it brings in. In order of CoreDNS's own lookup:
//  - `import name` where a snippet `(name)` is defined: the snippet's `(name)`;
//  - in a ConfigMap, `import /etc/coredns/custom/<glob>`: each key of the coredns-custom ConfigMap the glob
//    matches (in the same file or in the workspace), at the key;
//  - `import <file or glob>`: each file it matches, at its start, through the FileHost.
// A YAML document is read through embedded/locate.ts, so positions map exactly as for diagnostics.
import type { ImportNode, TopLevelItem } from '../corefile/ast.js';
import { toArgToken } from '../corefile/env.js';
import { fileUri } from '../corefile/model.js';
import { dirName, expandGlob, globProblem, isGlobPattern, joinPath, matchComponent } from '../corefile/paths.js';
import { crossKeyContext } from '../embedded/analyze.js';
import { CUSTOM_MOUNT_DIR, isUnderCustomMount } from '../embedded/custom-mount.js';
import { importsOf } from '../embedded/cross-keys.js';
import { embeddedAt } from '../embedded/locate.js';
import { OverrideWrapper } from '../embedded/override.js';
import type { PlacedCorefile, YamlSource } from '../embedded/workspace.js';
import type { FileHost } from '../host.js';
import type { DocumentInput } from '../service.js';
import type { AnalysisSettings } from '../settings.js';
import type { Location, Position, Range } from '../types.js';
import { treeFor } from './shared-parse.js';
import { tokenRange } from '../corefile/token.js';
import { nodeRange } from '../corefile/node-range.js';

const FILE_START: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/** Where the thing under `position` is defined; empty when nothing there leads anywhere. */
export function definitionAt(doc: DocumentInput, position: Position, settings: AnalysisSettings, host: FileHost): Location[] {
  switch (doc.language) {
    case 'corefile':
      return corefileDefinition(doc.text, doc.uri, position, settings, host, { path: doc.path });
    case 'yaml':
      return yamlDefinition(doc.text, doc.uri, position, settings, host, doc.workspace ?? []);
    default:
      return [];
  }
}

interface CorefileScope {
  /** The Corefile's own path, when it is a file: relative imports resolve from its directory. */
  path?: string | undefined;
  /** The keys of the coredns-custom ConfigMap, when the Corefile is in a ConfigMap and they are in reach. */
  customs?: readonly PlacedCorefile[];
  /** Turns a range of the Corefile text into the document's range (a YAML position, for a ConfigMap). */
  toDocument?: (r: Range) => Range | undefined;
}

function corefileDefinition(text: string, uri: string, position: Position, settings: AnalysisSettings, host: FileHost, scope: CorefileScope): Location[] {
  const tree = treeFor(text, uri);
  const imp = importsOf(tree.items).find((i) => contains(nodeRange(i), position));
  const arg = imp?.args.length === 1 ? imp.args[0]! : undefined;
  if (imp === undefined || arg === undefined) return [];
  const value = toArgToken(arg, settings.env);
  if (value.unknownEnv.length > 0 || value.value === '') return [];
  const target = value.value;
  const snippet = snippetDefinition(tree.items, imp, target);
  if (snippet !== undefined) {
    const range = scope.toDocument === undefined ? snippet : scope.toDocument(snippet);
    return range === undefined ? [] : [{ uri, range }];
  }
  if (scope.customs !== undefined && scope.customs.length > 0 && isUnderCustomMount(target)) return customKeys(target, scope.customs);
  return matchedFiles(target, scope.path, host);
}

/** The `(name)` of the snippet an import names: the last one defined before the import, else any. */
function snippetDefinition(items: readonly TopLevelItem[], imp: ImportNode, name: string): Range | undefined {
  let found: Range | undefined;
  for (const item of items) {
    if (item.kind !== 'snippet' || item.name !== name) continue;
    if (found === undefined || before(nodeRange(item).start, nodeRange(imp).start)) found = tokenRange(item.nameToken);
  }
  return found;
}

/** The custom keys an import under the mount matches, by CoreDNS's glob rules on the key names. */
function customKeys(target: string, customs: readonly PlacedCorefile[]): Location[] {
  if (globProblem(target) !== undefined) return [];
  const name = target.slice(CUSTOM_MOUNT_DIR.length + 1);
  if (name.includes('/')) return [];
  const seen = new Set<string>();
  const out: Location[] = [];
  const sorted = [...customs].sort((a, b) => (a.embedded.key < b.embedded.key ? -1 : a.embedded.key > b.embedded.key ? 1 : 0));
  for (const c of sorted) {
    const key = c.embedded.key;
    if (seen.has(key) || !(isGlobPattern(name) ? matchComponent(name, key) : name === key)) continue;
    seen.add(key);
    out.push({ uri: c.uri, range: c.embedded.keyRange });
  }
  return out;
}

/** The files an import path or glob matches, each at its start. */
function matchedFiles(target: string, path: string | undefined, host: FileHost): Location[] {
  if (!target.startsWith('/') && path === undefined) return [];
  const pattern = target.startsWith('/') ? target : joinPath(dirName(path!), target);
  if (globProblem(pattern) !== undefined) return [];
  const matches = isGlobPattern(pattern) ? expandGlob(pattern, host) : host.stat(pattern) === 'file' ? [pattern] : [];
  return matches.filter((m) => host.stat(m) === 'file').map((m) => ({ uri: fileUri(m), range: FILE_START }));
}

function yamlDefinition(text: string, uri: string, position: Position, settings: AnalysisSettings, host: FileHost, workspace: readonly YamlSource[]): Location[] {
  const at = embeddedAt(text, position);
  if (at === undefined) return [];
  const { embedded } = at;
  const customs = crossKeyContext(uri, at.all, workspace).customs;
  if (embedded.kind !== 'override') {
    return corefileDefinition(embedded.map.text, uri, at.position, settings, host, { customs, toDocument: (r) => embedded.map.toYaml(r) });
  }
  // An override holds bare directives: it is read inside the block it joins, as the checks read it.
  const wrapper = new OverrideWrapper(embedded.map.text, undefined);
  const shift = wrapperShift(wrapper);
  const inner = { line: at.position.line + shift, character: at.position.character };
  return corefileDefinition(wrapper.text, uri, inner, settings, host, {
    customs,
    toDocument: (r) => {
      const own = wrapper.toOverride(r);
      return own === undefined ? undefined : embedded.map.toYaml(own);
    },
  });
}

/** How many lines the wrapper puts before the override's first line. */
function wrapperShift(wrapper: OverrideWrapper): number {
  for (let line = 0; ; line++) {
    const r = { start: { line, character: 0 }, end: { line, character: 0 } };
    if (wrapper.toOverride(r) !== undefined) return line;
  }
}

function before(a: Position, b: Position): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}

function contains(r: Range, p: Position): boolean {
  return !before(p, r.start) && !before(r.end, p);
}
