// The proof that formatting changed nothing CoreDNS reads. Both texts are lexed exactly as CoreDNS lexes
// them, and the results must agree on every token (its value and whether it was quoted), on which
// neighbouring tokens share a line (how CoreDNS ends directives and opens blocks) and on every comment's
// words. Absolute line numbers may differ: blank lines carry no meaning.
import { commentText, lexCorefile, type LexResult } from '../../corefile/lexer.js';
import { onSameLine } from '../../corefile/token.js';

export function sameCorefileReading(before: string, after: string): boolean {
  const a = lexCorefile(before, 'format:before');
  const b = lexCorefile(after, 'format:after');
  return sameTokens(a, b) && sameComments(a, b);
}

function sameTokens(a: LexResult, b: LexResult): boolean {
  if ((a.unterminatedQuote === undefined) !== (b.unterminatedQuote === undefined)) return false;
  if (a.tokens.length !== b.tokens.length) return false;
  for (let i = 0; i < a.tokens.length; i++) {
    const x = a.tokens[i]!;
    const y = b.tokens[i]!;
    if (x.text !== y.text || x.quoted !== y.quoted || x.lineBreaks !== y.lineBreaks) return false;
    if (i > 0 && onSameLine(a.tokens[i - 1]!, x) !== onSameLine(b.tokens[i - 1]!, y)) return false;
  }
  return true;
}

/** Comments mean nothing to CoreDNS, but a formatter must not lose or rewrite them either. */
function sameComments(a: LexResult, b: LexResult): boolean {
  if (a.comments.length !== b.comments.length) return false;
  return a.comments.every((c, i) => commentText(c).trimEnd() === commentText(b.comments[i]!).trimEnd());
}
