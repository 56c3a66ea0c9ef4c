// The YAML files of the workspace that may hold the coredns or coredns-custom ConfigMap, for analyses that
// pair the two across files. Open documents are taken as the editor has them; the rest is read from the
// workspace folders through node, once, keeping only files that pass the core's cheap `mayHoldCorefiles`
// test. A file on disk is read again when its modification time changes.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Connection, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { mayHoldCorefiles } from '../core/embedded/find.js';
import type { YamlSource } from '../core/embedded/workspace.js';
import { documentLanguage, pathOfUri } from './language.js';

/** Directories that never hold a cluster's manifests but can hold very many files. */
const SKIPPED_DIRS = new Set(['node_modules', '.git', 'dist', 'out', 'vendor', 'target']);
/** Bounds on the scan, so a huge monorepo costs a bounded pause once rather than an unbounded one. */
const MAX_DEPTH = 8;
const MAX_FILES = 5000;

interface DiskFile {
  uri: string;
  path: string;
  mtimeMs: number;
  text: string;
}

export class WorkspaceYaml {
  private folders: Promise<string[]> | undefined;
  private disk: Promise<DiskFile[]> | undefined;

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
  ) {}

  /** The open YAML documents that may hold Corefiles, as the editor has them. */
  openSources(): YamlSource[] {
    return this.documents
      .all()
      .filter((d) => documentLanguage(d.languageId, d.uri) === 'yaml' && mayHoldCorefiles(d.getText()))
      .map((d) => ({ uri: d.uri, text: d.getText() }));
  }

  /** Every YAML source in reach: the open documents, then files on disk that are not open. */
  async sources(): Promise<YamlSource[]> {
    const open = this.openSources();
    const openUris = new Set(this.documents.all().map((d) => d.uri));
    const disk = await this.diskFiles();
    for (const file of disk) {
      if (openUris.has(file.uri)) continue;
      refresh(file);
      if (mayHoldCorefiles(file.text)) open.push({ uri: file.uri, text: file.text });
    }
    return open;
  }

  /**
   * A YAML file of the workspace was created, changed or deleted on disk (the client's file watcher): the
   * list of files is brought up to date, and a changed file is read again on the next request. Returns whether the file may matter to the analysis of other documents.
   */
  async fileChanged(uri: string, kind: 'created' | 'changed' | 'deleted'): Promise<boolean> {
    const path = pathOfUri(uri);
    if (path === undefined || !(path.endsWith('.yaml') || path.endsWith('.yml'))) return false;
    if (this.disk === undefined) return false; // Not scanned yet: the first scan will see the file as it is.
    const files = await this.disk;
    const at = files.findIndex((f) => f.uri === uri);
    if (kind === 'deleted') {
      if (at < 0) return false;
      files.splice(at, 1);
      return true;
    }
    if (at >= 0) {
      // Read again on the next request even if the modification time looks the same (coarse clocks).
      files[at]!.mtimeMs = -1;
      return true;
    }
    const folders = await this.workspaceFolders();
    if (!folders.some((folder) => path.startsWith(`${folder}/`))) return false;
    const file: DiskFile = { uri, path, mtimeMs: -1, text: '' };
    refresh(file);
    if (!mayHoldCorefiles(file.text)) return false;
    files.push(file);
    return true;
  }

  private diskFiles(): Promise<DiskFile[]> {
    this.disk ??= this.workspaceFolders().then((folders) => {
      const found: DiskFile[] = [];
      for (const folder of folders) scan(folder, 0, found);
      return found;
    });
    return this.disk;
  }

  /**
   * The client's workspace folders, asked once. A client without workspace folders (or one that cannot
   * answer) leaves the scan empty; open documents still pair with each other.
   */
  private workspaceFolders(): Promise<string[]> {
    this.folders ??= this.connection.workspace.getWorkspaceFolders().then(
      (folders) => (folders ?? []).map((f) => pathOfUri(f.uri)).filter((p): p is string => p !== undefined),
      () => [],
    );
    return this.folders;
  }
}

function scan(dir: string, depth: number, found: DiskFile[]): void {
  if (depth > MAX_DEPTH || found.length >= MAX_FILES) return;
  let entries: string[];
  try {
    entries = readdirSync(dir).sort();
  } catch {
    return;
  }
  for (const name of entries) {
    if (found.length >= MAX_FILES) return;
    const path = join(dir, name);
    if (name.endsWith('.yaml') || name.endsWith('.yml')) {
      const file: DiskFile = { uri: pathToFileURL(path).href, path, mtimeMs: -1, text: '' };
      refresh(file);
      if (mayHoldCorefiles(file.text)) found.push(file);
      continue;
    }
    if (name.startsWith('.') || SKIPPED_DIRS.has(name)) continue;
    try {
      if (statSync(path).isDirectory()) scan(path, depth + 1, found);
    } catch {
      // A dangling link or a directory we may not read holds nothing for us.
    }
  }
}

/** Reads the file again when it changed on disk since the last read; a vanished file becomes empty. */
function refresh(file: DiskFile): void {
  try {
    const mtimeMs = statSync(file.path).mtimeMs;
    if (mtimeMs === file.mtimeMs) return;
    file.text = readFileSync(file.path, 'utf8');
    file.mtimeMs = mtimeMs;
  } catch {
    file.text = '';
    file.mtimeMs = -1;
  }
}
