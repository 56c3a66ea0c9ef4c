// The TextMate grammars, run through the same engine VS Code uses (vscode-textmate with the Oniguruma
// WebAssembly build). Each row is a snippet of a file, a token in it, and the scope that token must get
// (or must not get): the grammar is read only by editors, so this is the only place its behaviour is
// pinned down before a person sees it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import * as textmate from 'vscode-textmate';
import { PLUGIN_ORDER } from '../../server/src/core/plugins/order.js';

const root = path.resolve(__dirname, '../..');
const grammarFiles: Record<string, string> = {
  'source.corefile': 'syntaxes/corefile.tmLanguage.json',
  'source.resolvconf': 'syntaxes/resolvconf.tmLanguage.json',
};

let registry: textmate.Registry | undefined;
async function loadGrammar(scopeName: string): Promise<textmate.IGrammar> {
  if (!registry) {
    const wasm = fs.readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
    await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
    registry = new textmate.Registry({
      onigLib: Promise.resolve({
        createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
        createOnigString: (text: string) => new oniguruma.OnigString(text),
      }),
      loadGrammar: async (scope: string) => {
        const file = grammarFiles[scope];
        if (!file) return null;
        return textmate.parseRawGrammar(fs.readFileSync(path.join(root, file), 'utf8'), file);
      },
    });
  }
  const grammar = await registry.loadGrammar(scopeName);
  assert.ok(grammar, `grammar ${scopeName} loads`);
  return grammar;
}

interface Token { text: string; line: number; scopes: string[] }

async function tokenize(scopeName: string, text: string): Promise<Token[]> {
  const grammar = await loadGrammar(scopeName);
  const tokens: Token[] = [];
  let state = textmate.INITIAL;
  text.split('\n').forEach((line, index) => {
    const result = grammar.tokenizeLine(line, state);
    for (const token of result.tokens) {
      tokens.push({ text: line.slice(token.startIndex, token.endIndex), line: index, scopes: token.scopes });
    }
    state = result.ruleStack;
  });
  return tokens;
}

interface Row {
  source: string;
  /** The token's exact text; `@N` picks its N-th occurrence (0-based) when it appears more than once. */
  token: string;
  scope?: string;
  notScope?: string;
}

async function check(scopeName: string, rows: Row[]): Promise<void> {
  for (const row of rows) {
    const [text, nth] = row.token.split('@') as [string, string | undefined];
    const tokens = (await tokenize(scopeName, row.source)).filter((t) => t.text.trim() === text);
    const token = tokens[Number(nth ?? 0)];
    assert.ok(token, `${JSON.stringify(text)} is a token of ${JSON.stringify(row.source)}`);
    const scopes = token.scopes.join(' ');
    const where = `${JSON.stringify(text)} in ${JSON.stringify(row.source)}: ${scopes}`;
    if (row.scope) assert.ok(token.scopes.includes(row.scope), `${where} should include ${row.scope}`);
    if (row.notScope) assert.ok(!scopes.includes(row.notScope), `${where} should not include ${row.notScope}`);
  }
}

const DIRECTIVE = 'keyword.other.directive.corefile';

test('Corefile: directives are recognised at the start of a line inside a server block only', async () => {
  await check('source.corefile', [
    { source: '. {\n    whoami\n}', token: 'whoami', scope: DIRECTIVE },
    { source: '. {\n    k8s_external example.org\n    kubernetes cluster.local\n}', token: 'k8s_external', scope: DIRECTIVE },
    { source: '. {\n    grpc_server\n}', token: 'grpc_server', scope: DIRECTIVE },
    { source: '. { whoami\n}', token: 'whoami', scope: DIRECTIVE },
    // Outside a block a word is a server block key, and after the first word it is an argument.
    { source: 'whoami {\n}', token: 'whoami', scope: 'entity.name.tag.zone.corefile' },
    { source: '. {\n    errors log\n}', token: 'log', notScope: DIRECTIVE },
    { source: '. {\n    nosuchplugin\n}', token: 'nosuchplugin', scope: 'entity.name.function.directive.corefile' },
    { source: '. {\n    Whoami\n}', token: 'Whoami', notScope: DIRECTIVE },
    // After the block closes, the next word is a key again.
    { source: '. {\n    log\n}\nlog {\n}', token: 'log@1', scope: 'entity.name.tag.zone.corefile' },
  ]);
});

test('Corefile: the grammar knows exactly the directives of plugin.cfg (the registry\'s order table)', async () => {
  // The grammar cannot import the registry, so the two lists are compared here instead.
  const raw = JSON.parse(fs.readFileSync(path.join(root, grammarFiles['source.corefile']!), 'utf8')) as {
    repository: { directive: { begin: string } };
  };
  const alternation = /\(\?:\(([a-z0-9_|]+)\)\|/.exec(raw.repository.directive.begin)?.[1];
  assert.ok(alternation, 'the directive rule starts with the alternation of known names');
  assert.deepEqual(alternation.split('|').sort(), [...PLUGIN_ORDER].sort());
  await check('source.corefile', PLUGIN_ORDER.map((name) => ({ source: `. {\n    ${name} x\n}`, token: name, scope: DIRECTIVE })));
});

test('Corefile: options inside a plugin block, and their values', async () => {
  await check('source.corefile', [
    { source: '. {\n    forward . 1.1.1.1 {\n        max_fails 3\n    }\n}', token: 'max_fails', scope: 'support.type.property-name.option.corefile' },
    { source: '. {\n    forward . 1.1.1.1 {\n        max_fails 3\n    }\n}', token: '3', scope: 'constant.numeric.corefile' },
    { source: '. {\n    forward . 1.1.1.1 {\n        health_check 5s\n    }\n}', token: '5s', scope: 'constant.numeric.duration.corefile' },
    { source: '. {\n    forward . 1.1.1.1 {\n        policy round_robin\n    }\n}', token: 'round_robin', scope: 'constant.language.corefile' },
    { source: '. {\n    forward . 1.1.1.1 { max_fails 3 }\n}', token: 'max_fails', scope: 'support.type.property-name.option.corefile' },
    { source: '. {\n    kubernetes cluster.local {\n        fallthrough in-addr.arpa\n    }\n}', token: 'fallthrough', scope: 'support.type.property-name.option.corefile' },
    // An option name is not a directive, and a directive's argument is not an option.
    { source: '. {\n    forward . 1.1.1.1 {\n        tls\n    }\n}', token: 'tls', notScope: DIRECTIVE },
    { source: '. {\n    cache 30 success\n}', token: 'success', notScope: 'property-name' },
    // Inline host lines start with an address.
    { source: '. {\n    hosts {\n        10.0.0.1 db.local\n    }\n}', token: '10.0.0.1', scope: 'constant.numeric.ip.v4.corefile' },
    { source: '. {\n    template IN A example.org {\n        rcode NXDOMAIN\n    }\n}', token: 'NXDOMAIN', scope: 'support.constant.dns.corefile' },
  ]);
});

test('Corefile: server block keys with transports, ports and CIDRs', async () => {
  await check('source.corefile', [
    { source: 'tls://example.org:853 {\n}', token: 'tls', scope: 'keyword.other.transport.corefile' },
    { source: 'tls://example.org:853 {\n}', token: 'example.org', scope: 'entity.name.tag.zone.corefile' },
    { source: 'tls://example.org:853 {\n}', token: '853', scope: 'constant.numeric.port.corefile' },
    { source: 'https3://. quic://.:8853 {\n}', token: 'https3', scope: 'keyword.other.transport.corefile' },
    { source: 'https3://. quic://.:8853 {\n}', token: 'quic', scope: 'keyword.other.transport.corefile' },
    { source: 'grpc://. {\n}', token: 'grpc', scope: 'keyword.other.transport.corefile' },
    { source: '.:53 {\n}', token: '.', scope: 'entity.name.tag.zone.corefile' },
    { source: '10.0.0.0/8 172.16.0.0/12 {\n}', token: '172.16.0.0/12', scope: 'constant.numeric.cidr.corefile' },
    { source: 'example.org, example.net {\n}', token: ',', scope: 'punctuation.separator.comma.corefile' },
    // An unknown prefix stays part of the zone, as in CoreDNS.
    { source: 'udp://example.org {\n}', token: 'udp://example.org', scope: 'entity.name.tag.zone.corefile' },
  ]);
});

test('Corefile: snippets, import, strings, variables, placeholders', async () => {
  await check('source.corefile', [
    { source: '(common) {\n    log\n}', token: 'common', scope: 'entity.name.function.snippet.corefile' },
    { source: '(common) {\n    log\n}', token: 'log', scope: DIRECTIVE },
    { source: '. {\n    import common\n}', token: 'import', scope: 'keyword.control.import.corefile' },
    { source: 'import ../shared/*.conf', token: 'import', scope: 'keyword.control.import.corefile' },
    { source: '. {\n    log . "{remote} \\"{type}\\""\n}', token: '\\"@0', scope: 'constant.character.escape.corefile' },
    { source: '. {\n    log . "{remote} \\"{type}\\""\n}', token: '{remote}', scope: 'variable.other.placeholder.corefile' },
    { source: '. {\n    log . {combined}\n}', token: '{combined}', scope: 'variable.other.placeholder.corefile' },
    { source: '. {\n    forward . {$UPSTREAM}\n}', token: 'UPSTREAM', scope: 'variable.other.env.corefile' },
    { source: '. {\n    forward . {%UPSTREAM%}\n}', token: 'UPSTREAM', scope: 'variable.other.env.corefile' },
    // A string may span lines; the brace inside it does not open a block.
    { source: '. {\n    log . "a\n{\nb"\n    whoami\n}', token: 'whoami', scope: DIRECTIVE },
  ]);
});

test('Corefile: comments start only at the start of a token', async () => {
  await check('source.corefile', [
    { source: '# whoami', token: 'whoami', scope: 'comment.line.number-sign.corefile' },
    { source: '. {\n    reload 30s # whoami\n}', token: 'whoami', scope: 'comment.line.number-sign.corefile' },
    { source: '. {\n    log "# not a comment"\n}', token: '# not a comment', notScope: 'comment' },
    // Inside a word, `#` drops only the rest of that word; the next words are arguments again.
    { source: '. {\n    whoami#gone here\n}', token: 'gone', scope: 'comment.line.number-sign.word.corefile' },
    { source: '. {\n    whoami#gone here\n}', token: 'here', notScope: 'comment' },
  ]);
});

test('Corefile: addresses, numbers and durations in arguments', async () => {
  await check('source.corefile', [
    { source: '. {\n    forward . 8.8.8.8:53\n}', token: '8.8.8.8', scope: 'constant.numeric.ip.v4.corefile' },
    { source: '. {\n    forward . tls://1.1.1.1%cloudflare-dns.com\n}', token: 'cloudflare-dns.com', scope: 'entity.name.tag.servername.corefile' },
    { source: '. {\n    forward . [2001:db8::1]:53\n}', token: '2001:db8::1', scope: 'constant.numeric.ip.v6.corefile' },
    { source: '. {\n    dns64 64:ff9b::/96\n}', token: '64:ff9b::/96', scope: 'constant.numeric.ip.v6.corefile' },
    { source: '. {\n    cache 30\n}', token: '30', scope: 'constant.numeric.corefile' },
    { source: '. {\n    reload 1h30m\n}', token: '1h30m', scope: 'constant.numeric.duration.corefile' },
    { source: '. {\n    forward . 1.1.1.1\n}', token: '.@1', scope: 'constant.language.root-zone.corefile' },
    { source: '. {\n    file db.example.org\n}', token: 'db.example.org', notScope: 'constant' },
  ]);
});

test('resolv.conf: keywords in column 1, options, comments', async () => {
  await check('source.resolvconf', [
    { source: 'nameserver 10.96.0.10', token: 'nameserver', scope: 'keyword.other.nameserver.resolvconf' },
    { source: 'nameserver 10.96.0.10', token: '10.96.0.10', scope: 'constant.numeric.ip.v4.resolvconf' },
    { source: 'nameserver fe80::1%eth0', token: 'fe80::1%eth0', scope: 'constant.numeric.ip.v6.resolvconf' },
    // glibc and musl match keywords only in column 1.
    { source: ' nameserver 10.96.0.10', token: 'nameserver 10.96.0.10', notScope: 'keyword' },
    { source: 'search shop.svc.cluster.local svc.cluster.local', token: 'search', scope: 'keyword.other.search.resolvconf' },
    { source: 'domain cluster.local', token: 'cluster.local', scope: 'entity.name.tag.domain.resolvconf' },
    { source: 'options ndots:5 rotate', token: 'ndots', scope: 'support.constant.option.resolvconf' },
    { source: 'options ndots:5 rotate', token: '5', scope: 'constant.numeric.resolvconf' },
    { source: 'options ndots:5 rotate', token: 'rotate', scope: 'support.constant.option.resolvconf' },
    { source: 'options -rotate', token: '-', scope: 'keyword.operator.negation.resolvconf' },
    { source: 'sortlist 130.155.160.0/255.255.240.0', token: '130.155.160.0', scope: 'constant.numeric.ip.v4.resolvconf' },
    { source: '# generated by kubelet', token: 'generated by kubelet', scope: 'comment.line.resolvconf' },
    { source: '; old style', token: 'old style', scope: 'comment.line.resolvconf' },
    { source: 'nameserver 10.0.0.1 # not a comment', token: '# not a comment', notScope: 'comment' },
  ]);
});
