// The lexer against CoreDNS's token rules (corefile-facts.md §(d)): each row is an input and the tokens
// CoreDNS's lexer yields for it, with the ranges the editor needs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { commentRange, commentText, lexCorefile, lexForGrammar } from '../../server/src/core/corefile/lexer.js';
import { LCurly, RCurly, Import, NL, Word, MAX_BLOCK_DEPTH, toGrammarTokens } from '../../server/src/core/corefile/grammar-tokens.js';
import { tokenRange } from '../../server/src/core/corefile/token.js';

interface Row {
  rule: string;
  input: string;
  tokens: string[];
  /** Optional [line, character, endLine, endCharacter] of each token, 0-based. */
  ranges?: Array<[number, number, number, number]>;
  lines?: number[];
  /** Optional [text, line, character, endLine, endCharacter] of each comment, 0-based. */
  comments?: Array<[string, number, number, number, number]>;
  unterminated?: boolean;
}

const rows: Row[] = [
  { rule: 'whitespace separates tokens', input: 'a  b\tc\n d', tokens: ['a', 'b', 'c', 'd'], ranges: [[0, 0, 0, 1], [0, 3, 0, 4], [0, 5, 0, 6], [1, 1, 1, 2]] },
  { rule: 'unicode whitespace separates tokens', input: 'a\u00a0b\u2003c', tokens: ['a', 'b', 'c'] },
  { rule: '\\r is dropped, even inside a word', input: 'ab\rcd\r\nef', tokens: ['abcd', 'ef'], lines: [0, 1] },
  { rule: 'CRLF line ends keep LSP positions', input: 'a\r\nb', tokens: ['a', 'b'], ranges: [[0, 0, 0, 1], [1, 0, 1, 1]] },
  { rule: 'a BOM at the start is dropped', input: '\ufeff. {', tokens: ['.', '{'], ranges: [[0, 1, 0, 2], [0, 3, 0, 4]] },
  { rule: '# at a token start comments out the line', input: 'a # b c\nd', tokens: ['a', 'd'] },
  { rule: '# inside a word only drops the rest of that word', input: 'whoami#no space here', tokens: ['whoami', 'space', 'here'] },
  { rule: '# inside a word ends at whitespace, not at end of line', input: 'a#b c\nd', tokens: ['a', 'c', 'd'] },
  { rule: 'quoted token keeps spaces', input: '"a b" c', tokens: ['a b', 'c'], ranges: [[0, 0, 0, 5], [0, 6, 0, 7]] },
  { rule: '\\" inside quotes is an escaped quote', input: '"say \\"hi\\""', tokens: ['say "hi"'] },
  { rule: 'other backslashes inside quotes are kept', input: '"a\\b\\\\c"', tokens: ['a\\b\\\\c'] },
  { rule: 'newlines are allowed inside quotes and counted', input: '"a\nb" c\nd', tokens: ['a\nb', 'c', 'd'], lines: [0, 1, 2] },
  { rule: 'a quote in the middle of a word is ordinary', input: 'ab"c d"', tokens: ['ab"c', 'd"'] },
  { rule: 'an empty quoted token exists', input: '"" x', tokens: ['', 'x'] },
  { rule: 'an unterminated quote swallows the rest of the file', input: 'a "b c\n}\n', tokens: ['a', 'b c\n}\n'], unterminated: true },
  { rule: 'braces are tokens only when whitespace-separated', input: 'example.org{ {$VAR} {1} {{ { }', tokens: ['example.org{', '{$VAR}', '{1}', '{{', '{', '}'] },
  { rule: 'single quotes have no meaning', input: "'a b'", tokens: ["'a", "b'"] },
  { rule: 'a # inside quotes is text', input: '"a#b" c', tokens: ['a#b', 'c'] },
  { rule: 'a lone \\r inside a word is dropped but ends the LSP line', input: 'ab\rcd e', tokens: ['abcd', 'e'], ranges: [[0, 0, 1, 2], [1, 3, 1, 4]], lines: [0, 0] },
  { rule: '\\r right before the line break is not part of a word', input: 'ab\r\r\nc', tokens: ['ab', 'c'], ranges: [[0, 0, 1, 0], [2, 0, 2, 1]], lines: [0, 1] },
  { rule: 'a comment runs over a lone \\r to the \\n', input: '# a\rb\nc', tokens: ['c'], ranges: [[2, 0, 2, 1]], lines: [1], comments: [['# a\rb', 0, 0, 1, 1]] },
  { rule: 'a comment ends before the \\r of a CRLF', input: '# a\r\nb', tokens: ['b'], comments: [['# a', 0, 0, 0, 3]] },
  { rule: 'a comment inside a word ends at a \\r', input: 'a#b\rc d', tokens: ['a', 'c', 'd'], ranges: [[0, 0, 0, 1], [1, 0, 1, 1], [1, 2, 1, 3]], comments: [['#b', 0, 1, 0, 3]] },
  { rule: 'non-ASCII characters belong to words', input: 'h\u00e9llo w\u00f6rld', tokens: ['h\u00e9llo', 'w\u00f6rld'], ranges: [[0, 0, 0, 5], [0, 6, 0, 11]] },
  { rule: 'NEL, vertical tab and form feed separate tokens', input: 'a\u0085b\u000bc\u000cd', tokens: ['a', 'b', 'c', 'd'], ranges: [[0, 0, 0, 1], [0, 2, 0, 3], [0, 4, 0, 5], [0, 6, 0, 7]] },
  { rule: 'a word may start with !', input: '!x y', tokens: ['!x', 'y'] },
  { rule: 'a quoted token keeps its CRLF and counts the line break', input: '"a\r\nb" c', tokens: ['a\r\nb', 'c'], ranges: [[0, 0, 1, 2], [1, 3, 1, 4]], lines: [0, 1] },
  { rule: 'a backslash at the end of an unterminated quote is dropped', input: '"ab\\', tokens: ['ab'], unterminated: true },
  { rule: 'an empty unterminated quote yields no token', input: 'a "', tokens: ['a'], unterminated: true },
  { rule: 'words whose hashes collide stay distinct', input: 'Aa BB Aa BB', tokens: ['Aa', 'BB', 'Aa', 'BB'] },
  { rule: 'a quoted token over a line break ends on its last line', input: '\n"a\nbc" d', tokens: ['a\nbc', 'd'], ranges: [[1, 0, 2, 3], [2, 4, 2, 5]], lines: [1, 2] },
  { rule: 'an unterminated quote that ends with a line break ends at the start of the next line', input: 'a "b\n', tokens: ['a', 'b\n'], ranges: [[0, 0, 0, 1], [0, 2, 1, 0]], lines: [0, 0], unterminated: true },
  { rule: 'a BOM counts as a character of the first line', input: '\ufeffa\r\nb', tokens: ['a', 'b'], ranges: [[0, 1, 0, 2], [1, 0, 1, 1]] },
  { rule: 'indentation after line breaks is skipped', input: 'a\n  \t b\n\n\tc', tokens: ['a', 'b', 'c'], ranges: [[0, 0, 0, 1], [1, 4, 1, 5], [3, 1, 3, 2]], lines: [0, 1, 3] },
];

for (const row of rows) {
  test(`lexer: ${row.rule}`, () => {
    const result = lexCorefile(row.input, 'file:///Corefile');
    assert.deepEqual(result.tokens.map((t) => t.text), row.tokens);
    if (row.ranges) {
      assert.deepEqual(result.tokens.map((t) => { const r = tokenRange(t); return [r.start.line, r.start.character, r.end.line, r.end.character]; }), row.ranges);
    }
    if (row.lines) assert.deepEqual(result.tokens.map((t) => t.line), row.lines);
    if (row.comments) {
      assert.deepEqual(result.comments.map((c) => { const r = commentRange(c); return [commentText(c), r.start.line, r.start.character, r.end.line, r.end.character]; }), row.comments);
    }
    assert.equal(result.unterminatedQuote !== undefined, row.unterminated ?? false);
  });
}

test('lexer: comments are recorded with their ranges', () => {
  const result = lexCorefile('. { # after brace\n  whoami#tail\n}', 'file:///Corefile');
  assert.deepEqual(result.comments.map((c) => { const r = commentRange(c); return [commentText(c), r.start.line, r.start.character, r.end.character]; }), [
    ['# after brace', 0, 4, 17],
    ['#tail', 1, 8, 13],
  ]);
});

// The lexer builds the grammar's input of a document while it reads (lexForGrammar); toGrammarTokens builds
// it from a token list. Both must give the grammar the same tokens, types, line breaks and depth warning.
const grammarRows: Array<{ rule: string; input: string; types: string[] }> = [
  { rule: 'line breaks between lines, none inside a line', input: '. {\n  whoami\n}', types: ['Word', 'LCurly', 'NL', 'Word', 'NL', 'RCurly'] },
  { rule: 'import, braces and quoted braces get their types', input: 'import x\n"{" imports i }', types: ['Import', 'Word', 'NL', 'LCurly', 'Word', 'Word', 'RCurly'] },
  { rule: 'a quoted token spanning lines continues its last line', input: 'a "b\nc" d\ne', types: ['Word', 'Word', 'Word', 'NL', 'Word'] },
  { rule: 'comments and blank lines leave one line break', input: 'a # c\n\n\r\n# d\nb', types: ['Word', 'NL', 'Word'] },
  { rule: 'a word with a \\r or a # inside keeps its type', input: '{\r\n}#x {', types: ['LCurly', 'NL', 'RCurly', 'LCurly'] },
  { rule: 'an unterminated quote ends the input', input: 'a {\n"b }', types: ['Word', 'LCurly', 'NL', 'Word'] },
  { rule: 'nothing to read', input: '\ufeff  \n', types: [] },
];

const typeNames = new Map([LCurly, RCurly, Import, NL, Word].map((t) => [t.tokenTypeIdx!, t.name]));

for (const row of grammarRows) {
  test(`lexer grammar input: ${row.rule}`, () => {
    const { lexed, grammar } = lexForGrammar(row.input, 'file:///Corefile');
    const alone = lexCorefile(row.input, 'file:///Corefile');
    assert.deepEqual(lexed, alone);
    assert.deepEqual(grammar.tokens.map((t) => typeNames.get(t.tokenTypeIdx)), row.types);
    assert.deepEqual(grammar, toGrammarTokens(alone.tokens));
  });
}

test('lexer grammar input: braces nested too deep are words from the first one past the limit', () => {
  const depth = MAX_BLOCK_DEPTH + 3;
  const input = '. ' + '{\n'.repeat(depth) + '}\n'.repeat(depth);
  const { lexed, grammar } = lexForGrammar(input, 'file:///Corefile');
  assert.deepEqual(grammar, toGrammarTokens(lexed.tokens));
  assert.equal(grammar.tooDeep, lexed.tokens[MAX_BLOCK_DEPTH + 1]);
  const words = grammar.tokens.filter((t) => t.tokenTypeIdx === Word.tokenTypeIdx).length;
  // The dot, the three braces that open past the limit and the three that close them.
  assert.equal(words, 1 + 3 + 3);
});
