// textDocument/hover: the core's hover for the open document, with the document's own settings (target
// CoreDNS release, env values, resolver), turned into LSP's Markdown hover.
import { MarkupKind, type Hover, type HoverParams, type TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { hoverAt } from '../core/features/hover.js';
import type { FileHost } from '../core/host.js';
import { requestDocument } from './request-document.js';
import type { SettingsStore } from './settings.js';

export async function provideHover(params: HoverParams, documents: TextDocuments<TextDocument>, settings: SettingsStore, host: FileHost): Promise<Hover | null> {
  const at = await requestDocument(params.textDocument.uri, documents, settings);
  if (at === undefined) return null;
  const hover = hoverAt(at.input, params.position, at.settings, host);
  if (hover === undefined) return null;
  return { contents: { kind: MarkupKind.Markdown, value: hover.markdown }, range: hover.range };
}
