// One parse per document version, shared by the editor features (DESIGN.md: the model of a document
// version is built once). An editor asks for hover, outline, folding, inlay hints, links and code actions
// of the same text in quick succession; each asks here, and only the first one parses. Entries are keyed
// by the text itself, so an edit makes a new entry and the oldest ones are dropped. Nothing here mutates
// what it hands out, and no feature may: the same tree serves them all.
import { parseCorefile } from '../corefile/parse.js';
import type { CorefileTree } from '../corefile/ast.js';
import { findEmbeddedCorefiles, type EmbeddedCorefile } from '../embedded/find.js';

/** A few documents' worth: the open editors of a session, not a history. */
const CAPACITY = 8;

class Recent<T> {
  private readonly entries: Array<{ text: string; key: string; value: T }> = [];

  find(text: string, matches: (key: string) => boolean): T | undefined {
    const at = this.entries.findIndex((e) => e.text === text && matches(e.key));
    if (at < 0) return undefined;
    const [entry] = this.entries.splice(at, 1);
    this.entries.push(entry!);
    return entry!.value;
  }

  add(text: string, key: string, value: T): T {
    this.entries.push({ text, key, value });
    if (this.entries.length > CAPACITY) this.entries.shift();
    return value;
  }
}

const trees = new Recent<CorefileTree>();
const embedded = new Recent<EmbeddedCorefile[]>();

/** The syntax tree of `text` read as the document `uri` (its tokens carry that uri, which imports need). */
export function treeFor(text: string, uri: string): CorefileTree {
  return trees.find(text, (key) => key === uri) ?? trees.add(text, uri, parseCorefile(text, uri));
}

/**
 * A syntax tree of `text` for a feature that reads the tree alone (outline, folding, links, inlay hints):
 * the uri its tokens carry does not matter to it, so any tree of the same text will do.
 */
export function anyTreeFor(text: string): CorefileTree {
  return trees.find(text, () => true) ?? trees.add(text, TREE_ONLY_URI, parseCorefile(text, TREE_ONLY_URI));
}

const TREE_ONLY_URI = 'corefile-lens:///Corefile';

/** The Corefiles of a YAML document's ConfigMaps, with their position maps. */
export function embeddedFor(yaml: string): EmbeddedCorefile[] {
  return embedded.find(yaml, () => true) ?? embedded.add(yaml, '', findEmbeddedCorefiles(yaml));
}
