// Signature help in a Corefile: on a directive's line, the directive's syntax forms from its plugin module;
// on an option line of a plugin's block, that option's syntax. The argument under the cursor is named only
// where the notation makes its place certain (see syntax.ts): CoreDNS tells some optional arguments apart
// by their values, and a guess would point at the wrong one.
import type { Token } from '../../corefile/token.js';
import { isCloseBrace, isOpenBrace, startsNewLine } from '../../corefile/token.js';
import { pluginModule } from '../../plugins/registry.js';
import type { ParamDoc } from '../../plugins/types.js';
import { editorLineStarts } from '../../text-lines.js';
import { frameFor, type Frame } from '../completion/context.js';
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
  const line = lineBefore(tree.tokens, offset);
  if (line === undefined) return undefined;
  // Nothing is certain inside a comment, after a brace on the line, or while the first word is typed.
  const { first, words, frame } = line;
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

/**
 * The line the cursor is on, as CoreDNS reads it: its first word, the words after it before the cursor, and
 * the brace the line is inside; undefined when the cursor starts a line of its own.
 */
function lineBefore(tokens: readonly Token[], offset: number): { first: Token; words: Token[]; frame: Frame | undefined } | undefined {
  const stack: Frame[] = [];
  let first: Token | undefined;
  let frameOfLine: Frame | undefined;
  let words: Token[] = [];
  let previous: Token | undefined;
  for (const token of tokens) {
    if (token.start >= offset) break;
    if (startsNewLine(previous, token)) {
      first = token;
      frameOfLine = stack[stack.length - 1];
      words = [];
    } else {
      words.push(token);
    }
    if (isOpenBrace(token)) stack.push(frameFor(stack, token, first));
    else if (isCloseBrace(token)) stack.pop();
    previous = token;
  }
  if (first === undefined || previous === undefined) return undefined;
  // A line break between the last word and the cursor puts the cursor on a line of its own.
  const between = previous.source.text.slice(previous.end, offset);
  if (between.includes('\n')) return undefined;
  return { first, words, frame: frameOfLine };
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
