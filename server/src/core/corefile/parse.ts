// Entry points of the Corefile syntax layer: text in, tree and errors out, never an exception.
import type { Statement, SyntaxError, TopLevelItem, CorefileTree } from './ast.js';
import type { IRecognitionException, IToken } from 'chevrotain';
import type { Range } from '../types.js';
import { MAX_BLOCK_DEPTH, payloadOf, recycleGrammarInput, shownText, toGrammarTokens, type GrammarInput } from './grammar-tokens.js';
import { lexForGrammar } from './lexer.js';
import { documentGrammar, tokenListGrammar, type CorefileGrammar } from './parser.js';
import { tokenRange, tokenStart, type Token } from './token.js';
import { appendAll } from '../append.js';

export function parseCorefile(text: string, uri: string): CorefileTree {
  // The lexer builds the grammar's input while it reads, rather than leaving it to toGrammarTokens.
  const { lexed, grammar: input } = lexForGrammar(text, uri);
  const errors: SyntaxError[] = [];
  if (lexed.unterminatedQuote) {
    // The opening quote itself: the token runs to the end of the file.
    const quote = tokenStart(lexed.unterminatedQuote);
    errors.push({
      code: 'syntax/unterminated-quote',
      message: 'This quote is never closed, so CoreDNS reads the rest of the file as one quoted word. Add the closing ".',
      range: { start: quote, end: { line: quote.line, character: quote.character + 1 } },
      severity: 'error',
    });
  }
  const { result, problems } = runGrammar(documentGrammar(), input, (g) => g.corefile());
  appendAll(errors, problems);
  return { uri, items: result ?? [], tokens: lexed.tokens, comments: lexed.comments, errors };
}

/** Parses tokens (of an imported snippet or file) as the statements of a server block. */
export function parseStatements(tokens: readonly Token[]): { statements: Statement[]; errors: SyntaxError[] } {
  const { result, problems } = runGrammar(tokenListGrammar(), toGrammarTokens(tokens), (g) => g.statements());
  return { statements: result ?? [], errors: problems };
}

/** Parses tokens (of an imported snippet or file) as top-level items. */
export function parseTopLevel(tokens: readonly Token[]): { items: TopLevelItem[]; errors: SyntaxError[] } {
  const { result, problems } = runGrammar(tokenListGrammar(), toGrammarTokens(tokens), (g) => g.corefile());
  return { items: result ?? [], errors: problems };
}

function runGrammar<T>(grammar: CorefileGrammar, grammarInput: GrammarInput, rule: (g: CorefileGrammar) => T): { result: T | undefined; problems: SyntaxError[] } {
  const { tokens: input, tooDeep } = grammarInput;
  grammar.builder.begin();
  const problems: SyntaxError[] = [];
  if (tooDeep) {
    problems.push({
      code: 'syntax/nesting-too-deep',
      message: `Blocks nested more than ${MAX_BLOCK_DEPTH} levels deep are not analysed: from this brace on, braces are read as plain words. CoreDNS reads the nesting, but no plugin takes blocks this deep; flatten the block.`,
      range: tokenRange(tooDeep),
      severity: 'warning',
    });
  }
  grammar.input = input;
  let result: T | undefined;
  try {
    result = rule(grammar);
  } catch (error) {
    // The grammar is built not to throw; if it ever does, the user gets a diagnostic instead of a crash.
    problems.push({ code: 'syntax/internal', message: `The Corefile parser failed: ${String(error)}. Please report this file.`, range: zero(), severity: 'error' });
  }
  appendAll(problems, grammar.problems);
  for (const e of grammar.errors) {
    problems.push({ code: 'syntax/unexpected-token', message: `Unexpected '${shownText(e.token)}': ${e.message}`, range: grammarRange(e.token, previousTokenOf(e)), severity: 'error' });
  }
  // A failed recovery may leave tokens unread; they are reported rather than silently dropped.
  grammar.release();
  recycleGrammarInput(grammarInput);
  return { result, problems };
}

/** The token before the one an error was found at, which chevrotain's exceptions carry. */
function previousTokenOf(e: IRecognitionException): IToken | undefined {
  return (e as IRecognitionException & { previousToken?: IToken }).previousToken;
}

/**
 * Where a grammar error is: at the Corefile token the grammar token stands for, or, for a line break (which
 * stands for none), at the token before it; nowhere for a token chevrotain made up.
 */
function grammarRange(t: IToken, previous: IToken | undefined): Range {
  const token = payloadOf(t) ?? (previous ? payloadOf(previous) : undefined);
  if (!token) return zero();
  return tokenRange(token);
}

function zero(): Range {
  return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
}
