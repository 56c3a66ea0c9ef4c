// Position mapping from a Corefile inside a ConfigMap back to the YAML, for every scalar style: each case
// holds an unknown directive `bogus`, and the finding must cover exactly that word in the YAML.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDocument } from 'yaml';
import { findEmbeddedCorefiles } from '../../server/src/core/embedded/find.js';
import { embeddedAt } from '../../server/src/core/embedded/locate.js';
import { emptyHost } from '../../server/src/core/host.js';
import { analyzeDocument } from '../../server/src/core/service.js';
import { defaultSettings } from '../../server/src/core/settings.js';
import { range, type Range } from '../../server/src/core/types.js';

const head = 'kind: ConfigMap\ndata:\n';

const STYLES: Array<{ name: string; yaml: string; expected: Range }> = [
  { name: 'literal', yaml: `${head}  Corefile: |\n    .:53 {\n        bogus\n    }\n`, expected: range(4, 8, 4, 13) },
  { name: 'literal, strip chomping', yaml: `${head}  Corefile: |-\n    .:53 {\n        bogus\n    }\n\n`, expected: range(4, 8, 4, 13) },
  { name: 'literal, keep chomping and a comment', yaml: `${head}  Corefile: |+ # main\n    .:53 {\n      bogus\n    }\n\n`, expected: range(4, 6, 4, 11) },
  { name: 'literal, indentation indicator', yaml: `${head}  Corefile: |2\n     .:53 {\n         bogus\n     }\n`, expected: range(4, 9, 4, 14) },
  { name: 'literal, leading blank line', yaml: `${head}  Corefile: |\n\n    .:53 {\n      bogus\n    }\n`, expected: range(5, 6, 5, 11) },
  { name: 'literal, CRLF line ends', yaml: `${head}  Corefile: |\r\n    .:53 {\r\n      bogus\r\n    }\r\n`.replace(/^kind: ConfigMap\ndata:\n/, 'kind: ConfigMap\r\ndata:\r\n'), expected: range(4, 6, 4, 11) },
  { name: 'folded, more-indented lines keep breaks', yaml: `${head}  Corefile: >\n    .:53 {\n      bogus\n    }\n`, expected: range(4, 6, 4, 11) },
  { name: 'folded, lines join with spaces', yaml: `${head}  Corefile: >-\n    .:53 {\n    bogus\n\n    }\n`, expected: range(4, 4, 4, 9) },
  { name: 'double-quoted with \\n escapes', yaml: `${head}  Corefile: ".:53 {\\n    bogus\\n}\\n"\n`, expected: range(2, 25, 2, 30) },
  { name: 'double-quoted with \\x and \\t escapes', yaml: `${head}  Corefile: "\\x2E:53 {\\n\\tbogus\\n}"\n`, expected: range(2, 26, 2, 31) },
  { name: 'double-quoted over several lines', yaml: `${head}  Corefile: ".:53 {\n\n    \\  bogus\n\n    }"\n`, expected: range(4, 7, 4, 12) },
  { name: 'single-quoted over several lines', yaml: `${head}  Corefile: '.:53 {\n\n    bogus\n\n    }'\n`, expected: range(4, 4, 4, 9) },
  { name: 'plain over several lines', yaml: `${head}  Corefile: .:53 {\n\n    bogus\n\n    }\n`, expected: range(4, 4, 4, 9) },
];

for (const c of STYLES) {
  test(`scalar style: ${c.name}`, () => {
    const [embedded] = findEmbeddedCorefiles(c.yaml);
    // The text we analyse must be the text Kubernetes gives CoreDNS.
    assert.equal(embedded?.map.text, (parseDocument(c.yaml).toJS() as { data: { Corefile: string } }).data.Corefile);
    const { diagnostics } = analyzeDocument({ uri: 'file:///cm.yaml', text: c.yaml, language: 'yaml' }, defaultSettings, emptyHost);
    assert.deepEqual(diagnostics.map((d) => ({ code: d.code, range: d.range })), [{ code: 'core/unknown-directive', range: c.expected }]);
  });
}

/** Ranges inside one line of the embedded text, mapped through escapes that change lengths. */
const ESCAPES: Array<{ name: string; yaml: string; embedded: Range; expected: Range }> = [
  // a"b\c: the 'c' is the 4th unit of the text and written after `\"` and `\\` at YAML column 23.
  { name: '\\" and \\\\', yaml: `${head}  x.server: "a\\"b\\\\c"\n`, embedded: range(0, 4, 0, 5), expected: range(2, 19, 2, 20) },
  { name: "''", yaml: `${head}  x.server: 'it''s'\n`, embedded: range(0, 2, 0, 4), expected: range(2, 15, 2, 18) },
  { name: 'escape spans the unit it made', yaml: `${head}  x.server: "a\\u0041b"\n`, embedded: range(0, 1, 0, 2), expected: range(2, 14, 2, 20) },
  { name: 'end of text', yaml: `${head}  x.server: "ab"\n`, embedded: range(0, 2, 0, 2), expected: range(2, 15, 2, 15) },
];

for (const c of ESCAPES) {
  test(`escapes: ${c.name}`, () => {
    const [embedded] = findEmbeddedCorefiles(c.yaml);
    assert.ok(embedded);
    assert.deepEqual(embedded.map.toYaml(c.embedded), c.expected);
  });
}

/**
 * The way back: every style's `bogus` found from the YAML position of its first letter and of its end, as
 * hover and the other position-based features ask; positions outside the text (the key) find nothing.
 */
for (const c of STYLES) {
  test(`YAML position to embedded position: ${c.name}`, () => {
    const yaml = c.yaml;
    const at = embeddedAt(yaml, c.expected.start);
    assert.ok(at, 'the start of bogus is inside the Corefile');
    const text = at.embedded.map.text;
    const lines = text.split('\n');
    assert.equal(lines[at.position.line]!.slice(at.position.character, at.position.character + 5), 'bogus');
    const end = embeddedAt(yaml, c.expected.end);
    assert.ok(end);
    assert.equal(lines[end.position.line]!.slice(end.position.character - 5, end.position.character), 'bogus');
    assert.equal(embeddedAt(yaml, { line: 2, character: 3 }), undefined, 'the key itself is not Corefile text');
  });
}

test('a message that names another line of an embedded Corefile names the YAML line', () => {
  const yaml = `${head}  Corefile: |\n    example.org {\n      whoami\n    }\n    example.org {\n      whoami\n    }\n`;
  const { diagnostics } = analyzeDocument({ uri: 'file:///cm.yaml', text: yaml, language: 'yaml' }, defaultSettings, emptyHost);
  const duplicate = diagnostics.find((d) => d.code === 'core/duplicate-address');
  assert.ok(duplicate);
  assert.deepEqual(duplicate.range, range(6, 4, 6, 15));
  assert.match(duplicate.message, /"example\.org" \(line 4\) already serves/);
});
