import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkExpr, corednsExprEnv, templateExprEnv, typeName } from '../../server/src/core/plugins/util/expr.js';

const env = corednsExprEnv();

// Accepted by expr.Compile with CoreDNS's env, with the result type the checker infers.
const accepted: Array<[string, string]> = [
  [`name() == 'example.org.'`, 'bool'],
  [`incidr(client_ip(), '10.0.0.0/8')`, 'bool'],
  [`type() in ['A', 'AAAA']`, 'bool'],
  [`name() matches '^abc\\\\..*\\\\.example\\\\.com\\\\.$'`, 'bool'],
  [`name() endsWith '.svc.' && !do()`, 'bool'],
  [`name() not endsWith '.x.' or not do()`, 'bool'],
  [`metadata('kubernetes/client-namespace') == 'ns1'`, 'bool'],
  [`size() > 512 ? 'big' : 'small'`, 'string'],
  [`lower(name()) startsWith 'a'`, 'bool'],
  [`len(name()) > 3`, 'bool'],
  [`bufsize() + 1`, 'int'],
  [`id() % 2 == 0 and opcode() == 0`, 'bool'],
  [`name() | lower() | hasSuffix('.')`, 'bool'],
  [`let n = name(); n + 'a'`, 'string'],
  [`split(name(), '.')[0]`, 'string'],
  [`name()[1:3] == 'ab'`, 'bool'],
  [`1 < size() < 512`, 'bool'],
  [`filter([1, 2, 3], # > 1)`, '[]interface {}'],
  [`any(['10.0.0.0/8', '192.168.0.0/16'], incidr(client_ip(), #))`, 'bool'],
  [`map([1, 2], {# * 2})[0] == 2`, 'bool'],
  [`{'a': 1, b: 2}.a`, 'interface {}'],
  [`proto() == "udp" || server_port() == "53" // trailing comment`, 'bool'],
  [`if do() { 1 } else { 2 }`, 'int'],
  [`0x1F + 1_000 + 1e3`, 'float64'],
  [`$env.name() == 'x'`, 'bool'],
  [`server_ip() in ['10.0.0.1'] ?? false`, 'bool'],
];

// Refused, with a phrase the message must contain.
const refused: Array<[string, string]> = [
  [`no_such_function()`, 'unknown name no_such_function'],
  [`geo_country() == 'NL'`, 'unknown name geo_country'],
  [`name() ==`, 'unexpected token EOF'],
  [``, 'unexpected token EOF'],
  [`(name()`, 'unexpected token EOF'],
  [`"abc`, 'literal not terminated'],
  [`'a\\q'`, 'invalid char escape'],
  [`/* open`, 'unclosed comment'],
  [`name() @ 1`, 'unrecognized character'],
  [`incidr(client_ip)`, 'not enough arguments to call incidr'],
  [`name(1)`, 'too many arguments to call name'],
  [`incidr(1, '10.0.0.0/8')`, 'cannot use int as argument (type string) to call incidr'],
  [`name == 'x'`, 'mismatched types func() string and string'],
  [`port() == 53`, 'mismatched types string and int'],
  [`'a' + 1`, 'mismatched types string and int'],
  [`do() and 1`, 'mismatched types bool and int'],
  [`!name()`, 'mismatched type string'],
  [`size() ? 1 : 2`, 'used as condition'],
  [`name() matches '^a[.'`, 'error parsing regexp'],
  [`upper(1)`, 'cannot use int as argument'],
  [`len()`, 'not enough arguments to call len'],
  [`type(1)`, 'too many arguments to call type'],
  [`# > 1`, 'unexpected token'],
  [`name().x`, 'type string has no field x'],
  [`size()[0]`, 'is undefined'],
  [`name() not 1`, 'unexpected token'],
  [`1 ?? 2 + 3`, 'cannot be mixed'],
  [`12abc`, 'bad number syntax'],
  [`99999999999999999999`, 'integer literal is too large'],
  [`let name = 1; name`, 'cannot redeclare name'],
  [`all([1], # + 1)`, 'predicate should return boolean'],
  [`group('a')`, 'unknown name group'],
];

for (const [source, type] of accepted) {
  test(`expr accepted: ${source}`, () => {
    const result = checkExpr(source, env);
    assert.equal(result.error, undefined, result.error?.message);
    assert.equal(typeName(result.type), type);
  });
}

for (const [source, message] of refused) {
  test(`expr refused: ${source}`, () => {
    const result = checkExpr(source, env);
    assert.ok(result.error, `expected an error for ${source}`);
    assert.ok(result.error.message.includes(message), `expected "${message}" in "${result.error.message}"`);
  });
}

test('the template env adds group(), and variables join the env', () => {
  const templateEnv = templateExprEnv();
  assert.equal(checkExpr(`group('ip') != ''`, templateEnv).error, undefined);
  assert.equal(checkExpr(`group(1)`, templateEnv).error, undefined);
  templateEnv.set('ip', checkExpr(`replace(group('ip'), '-', '.')`, templateEnv).type);
  assert.equal(checkExpr(`incidr(ip, '10.0.0.0/8')`, templateEnv).error, undefined);
  assert.match(checkExpr(`ip + 1`, templateEnv).error?.message ?? '', /mismatched types string and int/);
});

test('expr errors carry the offset of the problem', () => {
  assert.equal(checkExpr(`name() == nope`, env).error?.offset, 10);
  assert.equal(checkExpr(`name() ==`, env).error?.offset, 9);
});
