// The lexer against CoreDNS's token rules (corefile-facts.md §(d)): each row is an input and the tokens
// CoreDNS's lexer yields for it, with the ranges the editor needs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lexCorefile } from '../../server/src/core/corefile/lexer.js';

interface Row {
  rule: string;
  input: string;
  tokens: string[];
  /** Optional [line, character, endLine, endCharacter] of each token, 0-based. */
  ranges?: Array<[number, number, number, number]>;
  lines?: number[];
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
];

for (const row of rows) {
  test(`lexer: ${row.rule}`, () => {
    const result = lexCorefile(row.input, 'file:///Corefile');
    assert.deepEqual(result.tokens.map((t) => t.text), row.tokens);
    if (row.ranges) {
      assert.deepEqual(result.tokens.map((t) => [t.startLine, t.startCharacter, t.endLine, t.endCharacter]), row.ranges);
    }
    if (row.lines) assert.deepEqual(result.tokens.map((t) => t.line), row.lines);
    assert.equal(result.unterminatedQuote !== undefined, row.unterminated ?? false);
  });
}

test('lexer: comments are recorded with their ranges', () => {
  const result = lexCorefile('. { # after brace\n  whoami#tail\n}', 'file:///Corefile');
  assert.deepEqual(result.comments.map((c) => [c.text, c.range.start.line, c.range.start.character, c.range.end.character]), [
    ['# after brace', 0, 4, 17],
    ['#tail', 1, 8, 13],
  ]);
});
