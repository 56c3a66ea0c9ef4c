// Signature help in a Corefile: on a directive's line, the directive's syntax forms from its plugin module;
// on an option line of a plugin's block, that option's syntax. The argument under the cursor is named only
// where the notation makes its place certain (see syntax.ts): CoreDNS tells some optional arguments apart
// by their values, and a guess would point at the wrong one.
import { isCloseBrace, isOpenBrace } from '../../corefile/token.js';
import { pluginModule } from '../../plugins/registry.js';
import type { ParamDoc } from '../../plugins/types.js';
import { editorLineStarts } from '../../text-lines.js';
import { tokensBefore } from '../completion/context.js';
import type { CorefilePositionRequest } from '../corefile-request.js';
import { treeFor } from '../shared-parse.js';
import { certainParameter, formsOf, signatureOf, type SyntaxSignature } from './syntax.js';
import type { SignatureHelpResult, SignatureInfo } from './types.js';

export function corefileSignatureHelp(input: CorefilePositionRequest): SignatureHelpResult | undefined {
  const { text, position } = input;
  // The position counts lines as the editor does (a lone `\r` ends one too).
  const starts = editorLineStarts(text);
  const lineStart = starts[position.line];
  if (lineStart === undefined || position.character < 0) return undefined;
  const offset = Math.min(lineStart + position.character, text.length);
  const tree = treeFor(text, input.uri);
  const { lineFirst: first, lineFrame: frame, lineRest: words, last } = tokensBefore(tree.tokens, offset);
  // The cursor must be on a line that has a word before it (a line break after the last word starts a new one).
  if (first === undefined || last === undefined || last.source.text.slice(last.end, offset).includes('\n')) return undefined;
  // Nothing is certain inside a comment, after a brace on the line, or while the first word is typed.
  if (first.quoted || offset <= first.end || words.some((w) => isOpenBrace(w) || isCloseBrace(w))) return undefined;
  if (tree.comments.some((c) => c.start >= first.end && c.start < offset)) return undefined;
  // Arguments that end before the cursor are complete; the one the cursor is in or right after is typed.
  const index = words.filter((w) => w.end < offset).length;
  if (frame?.kind === 'server' || frame?.kind === 'snippet') {
    const module = pluginModule(first.text);
    if (module === undefined) return undefined;
    return answer(formsOf(first.text, module.docs.syntax), module.docs.arguments, module.docs.summary, index);
  }
  if (frame?.kind === 'directive') {
    // Options documented as placeholders (acl's ACTION, hosts' INLINE entries) match no written word.
    const option = pluginModule(frame.name.text)?.docs.options.find((o) => o.name === first.text);
    if (option === undefined) return undefined;
    return answer(formsOf(option.name, [option.syntax]), [], option.description, index);
  }
  return undefined;
}

function answer(forms: readonly string[], args: readonly ParamDoc[], summary: string, index: number): SignatureHelpResult | undefined {
  const signatures: SyntaxSignature[] = [];
  for (const form of forms) {
    const signature = signatureOf(form);
    if (!signatures.some((s) => s.label === signature.label)) signatures.push(signature);
  }
  if (signatures.length === 0) return undefined;
  // The first form with room for the argument; with none, the first form.
  const fits = (s: SyntaxSignature): boolean => index < s.parameters.length || s.parameters.some((p) => p.variadic);
  const active = Math.max(0, signatures.findIndex(fits));
  const named = certainParameter(signatures[active]!, index);
  // Forms that name a different parameter at this place make it uncertain after all.
  const name = named === undefined ? undefined : signatures[active]!.parameters[named]!.name;
  const agreed = signatures.filter(fits).every((s) => {
    const at = certainParameter(s, index);
    return at !== undefined && s.parameters[at]!.name === name;
  });
  const infos: SignatureInfo[] = signatures.map((s) => ({
    label: s.label,
    documentation: summary,
    parameters: s.parameters.map((p) => {
      const doc = args.find((a) => a.name === p.name);
      return doc === undefined ? { start: p.start, end: p.end } : { start: p.start, end: p.end, documentation: doc.description };
    }),
  }));
  return named !== undefined && agreed ? { signatures: infos, activeSignature: active, activeParameter: named } : { signatures: infos, activeSignature: active };
}
