// Where a scenario's Corefile comes from: a plain Corefile, or a Kubernetes YAML holding the coredns
// ConfigMap. For the YAML, the Corefile is data.Corefile of the first ConfigMap that has one, and the
// ConfigMap's other keys become files under /etc/coredns, where the coredns Deployment of kubeadm and
// of the Helm chart mounts that ConfigMap (zone files referenced as /etc/coredns/db.x work unchanged).
import { isScalar, parseAllDocuments, type Document, type Scalar } from 'yaml';
import { isObj, list, objAt, str } from '../cluster/fields.js';

export interface CorefileSource {
  /** The Corefile text. */
  text: string;
  /** The file it was read from (the YAML file for an embedded Corefile); undefined for built-in text. */
  path?: string;
  /**
   * For a Corefile inside YAML written as a block scalar (`Corefile: |`): the YAML line of the
   * Corefile's first line and the indentation removed, so a Corefile position maps back to the YAML.
   */
  embedded?: { line: number; indent: number };
  /** The ConfigMap's other data keys, as files CoreDNS sees under /etc/coredns. */
  siblingFiles: Record<string, string>;
}

export type CorefileRead = { ok: true; source: CorefileSource } | { ok: false; message: string };

/** True when the name says Kubernetes YAML rather than a Corefile. */
export function isYamlName(path: string): boolean {
  return /\.ya?ml$/i.test(path);
}

/** A Corefile read from `path`: YAML names are searched for the coredns ConfigMap, anything else is the Corefile itself. */
export function corefileSource(text: string, path: string): CorefileRead {
  if (!isYamlName(path)) return { ok: true, source: { text, path, siblingFiles: {} } };
  return corefileFromYaml(text, path);
}

/** Finds the coredns Corefile inside Kubernetes YAML text. */
export function corefileFromYaml(text: string, path: string): CorefileRead {
  const docs = parseAllDocuments(text);
  const all = Array.isArray(docs) ? docs : [docs];
  for (const doc of all) {
    if (doc.errors.length > 0) return { ok: false, message: `it is not valid YAML: ${doc.errors[0]!.message.split('\n')[0]}` };
    const found = findInDocument(doc, text);
    if (found) return { ok: true, source: { ...found, path } };
  }
  return { ok: false, message: 'it holds no ConfigMap with a data.Corefile key; point corefile at a Corefile or at the coredns ConfigMap' };
}

function findInDocument(doc: Document, text: string): Omit<CorefileSource, 'path'> | undefined {
  const value: unknown = doc.toJS({ maxAliasCount: 1000 });
  const isList = isObj(value) && (str(value, 'kind') ?? '').endsWith('List');
  const candidates = isList ? list(value, 'items') : [value];
  for (let i = 0; i < candidates.length; i++) {
    const obj = candidates[i];
    if (!isObj(obj) || str(obj, 'kind') !== 'ConfigMap') continue;
    const data = objAt(obj, 'data');
    const corefile = str(data, 'Corefile');
    if (corefile === undefined || !data) continue;
    const siblingFiles: Record<string, string> = {};
    for (const [key, content] of Object.entries(data)) {
      if (key !== 'Corefile' && typeof content === 'string') siblingFiles[`/etc/coredns/${key}`] = content;
    }
    const node = doc.getIn(isList ? ['items', i, 'data', 'Corefile'] : ['data', 'Corefile'], true);
    const embedded = isScalar(node) ? blockScalarOrigin(node, text) : undefined;
    return { text: corefile, siblingFiles, ...(embedded ? { embedded } : {}) };
  }
  return undefined;
}

/**
 * A literal or folded block scalar starts on the line after its `|` header, each line indented by the
 * same amount; only the literal form keeps lines 1:1, so only it gets a position mapping.
 */
function blockScalarOrigin(node: Scalar, text: string): { line: number; indent: number } | undefined {
  if (node.type !== 'BLOCK_LITERAL' || !node.range) return undefined;
  const start = node.range[0];
  const headerEnd = text.indexOf('\n', start);
  if (headerEnd < 0) return undefined;
  const line = text.slice(0, headerEnd + 1).split('\n').length - 1;
  const rest = text.slice(headerEnd + 1).split('\n');
  const first = rest.find((l) => l.trim() !== '');
  const indent = first ? first.length - first.trimStart().length : 0;
  return { line, indent };
}
