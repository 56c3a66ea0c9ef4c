// The simulated CoreDNS server: block selection, plugin order, the end of the chain, the server's own
// replies, the scrub writer (EDNS0 and truncation), lookups through the server and the loop probe.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeCorefile } from '../../../server/src/core/corefile/analyze.js';
import { emptyHost } from '../../../server/src/core/host.js';
import { forward } from '../../../server/src/core/plugins/forward.js';
import { kubernetes } from '../../../server/src/core/plugins/kubernetes.js';
import { modulesInOrder } from '../../../server/src/core/plugins/registry.js';
import { buildBlock, type BlockSite } from '../../../server/src/core/resolve/engine/chain.js';
import { defaultSettings } from '../../../server/src/core/settings.js';
import { MAX_LOOKUP_DEPTH, SERVER } from '../../../server/src/core/resolve/server.js';
import { ask, askOnce, serverFor } from './support/harness.js';
import { runRows, type Row } from './support/table.js';

const ERRATIC = 'erratic {\n        drop 0\n    }';

describe('server block selection', () => {
  const corefile = `. {\n    whoami\n}\nexample.org {\n    ${ERRATIC}\n}\nsub.example.org:53 {\n    any\n    whoami\n}\n.:5353 {\n    ${ERRATIC}\n}\n`;
  // query, port → block label, answering plugin
  const cases: Array<[string, number, string | undefined, string]> = [
    ['www.example.org A', 53, 'example.org.:53', 'erratic'],
    ['EXAMPLE.ORG A', 53, 'example.org.:53', 'erratic'],
    ['a.b.sub.example.org A', 53, 'sub.example.org.:53', 'whoami'],
    ['notexample.org A', 53, '.:53', 'whoami'],
    ['org A', 53, '.:53', 'whoami'],
    ['www.example.org A', 5353, '.:5353', 'erratic'],
    ['www.example.org A', 1053, undefined, SERVER],
  ];
  const rows = cases.map(([query, port, block, answeredBy]): Row => ({
    name: `${query} on port ${port} → ${block ?? 'no block'} (${answeredBy})`,
    query,
    ask: { port },
    block: block ?? null,
    answeredBy,
    ...(block ? {} : { rcode: 'REFUSED' }),
  }));
  runRows(rows, { plugin: SERVER, bench: corefile });

  it('refuses a name no block serves when there is no root block', () => {
    const a = askOnce('example.org {\n    whoami\n}\n', 'example.com A');
    assert.deepEqual([a.rcode, a.answeredBy, a.block], ['REFUSED', SERVER, undefined]);
    assert.equal(a.steps[0]?.action, 'refused');
  });

  it('refuses a name whose block has no plugin that sees queries', () => {
    assert.equal(askOnce('example.org {\n    reload\n}\n. {\n    whoami\n}\n', 'a.example.org A').rcode, 'REFUSED');
    assert.equal(askOnce('example.org {\n}\n', 'a.example.org A').rcode, 'REFUSED');
  });

  it('refuses other classes than IN unless chaos or forward is loaded on the port', () => {
    assert.equal(askOnce('. {\n    whoami\n}\n', 'version.bind TXT', { class: 'CH' }).rcode, 'REFUSED');
    const a = askOnce('. {\n    chaos Sim-1\n    whoami\n}\n', 'version.bind TXT', { class: 'CH' });
    assert.deepEqual([a.rcode, a.answeredBy, a.answer], ['NOERROR', 'chaos', ['version.bind. 0 CH TXT "Sim-1"']]);
  });

  it('sends DS queries to the parent zone when the server serves it too', () => {
    const server2 = serverFor(`example.org {\n    whoami\n}\nsub.example.org {\n    ${ERRATIC}\n}\n`);
    assert.equal(ask(server2, 'sub.example.org DS').block, 'example.org.:53');
    assert.equal(ask(server2, 'sub.example.org A').block, 'sub.example.org.:53');
  });

  it('lets view expressions choose between blocks of the same zone', () => {
    const server3 = serverFor(`. {\n    view internal {\n        expr incidr(client_ip(), '10.0.0.0/8')\n    }\n    ${ERRATIC}\n}\n. {\n    whoami\n}\n`);
    const inside = ask(server3, 'www.example.org A', { client: { ip: '10.1.2.3' } });
    const outside = ask(server3, 'www.example.org A', { client: { ip: '192.168.1.1' } });
    assert.equal(inside.answeredBy, 'erratic');
    assert.equal(outside.answeredBy, 'whoami');
    assert.deepEqual(outside.actions('view'), ['fell-through']);
  });
});

describe('the plugin chain', () => {
  it('runs plugins in plugin.cfg order, not in the order they are written', () => {
    // whoami is written first but runs after any, so the ANY query is answered by any.
    const a = askOnce('. {\n    whoami\n    any\n}\n', 'example.org ANY');
    assert.equal(a.answeredBy, 'any');
    assert.deepEqual(a.answer, ['example.org. 8482 IN HINFO "ANY obsoleted" "See RFC 8482"']);
  });

  it('answers SERVFAIL when the last plugin passes the query on', () => {
    const a = askOnce('. {\n    any\n}\n', 'example.org A');
    assert.deepEqual([a.rcode, a.answeredBy], ['SERVFAIL', 'any']);
    assert.ok(a.steps.some((s) => s.plugin === 'any' && s.action === 'error' && /no plugin follows/.test(s.detail)));
  });

  it('writes the reply for a code the plugin returned without writing', () => {
    // erratic returns SERVFAIL for types other than A and AAAA without writing a reply.
    const a = askOnce(`. {\n    ${ERRATIC}\n}\n`, 'example.org MX');
    assert.deepEqual([a.rcode, a.answeredBy], ['SERVFAIL', 'erratic']);
    assert.ok(a.steps.some((s) => s.plugin === SERVER && s.action === 'answered'));
  });

  it('shows a plugin without a simulation as not simulated and passes the query on', (t) => {
    const module = modulesInOrder().find((m) => !m.setupOnly && !m.handler && ['nsid', 'bufsize', 'cancel', 'prometheus'].includes(m.name));
    if (!module) {
      t.skip('every candidate plugin has a simulation now');
      return;
    }
    const a = askOnce(`. {\n    ${module.name}\n    whoami\n}\n`, 'example.org A');
    assert.equal(a.answeredBy, 'whoami');
    assert.deepEqual(a.actions(module.name), ['not-simulated']);
  });

  it('hands a handler the configuration of another directive of its block', () => {
    const analysis = analyzeCorefile({ uri: 'file:///test/Corefile', text: '. {\n    autopath @kubernetes\n    kubernetes cluster.local {\n        pods verified\n    }\n}\n' }, defaultSettings, emptyHost);
    const block = buildBlock(analysis.blocks[0]!, 0);
    const autopath = block.chain.find((l) => l.name === 'autopath')!;
    const site = autopath.site as BlockSite;
    assert.deepEqual(site.peer(kubernetes)?.zones, ['cluster.local.']);
    assert.equal(site.peer(forward), undefined);
    assert.deepEqual(block.chain.map((l) => l.name), ['autopath', 'kubernetes']);
  });

  it('points every step of a plugin at its directive', () => {
    const a = askOnce('. {\n    log\n    errors\n    whoami\n}\n', 'example.org A');
    const log = a.steps.find((s) => s.plugin === 'log');
    assert.deepEqual(log?.range, { start: { line: 1, character: 4 }, end: { line: 1, character: 7 } });
    assert.ok(a.steps.filter((s) => s.plugin !== SERVER).every((s) => s.range !== undefined));
  });
});

describe('the scrub writer', () => {
  const large = `. {\n    erratic {\n        drop 0\n        large\n    }\n}\n`;
  it('drops what does not fit 512 bytes over UDP and sets TC', () => {
    const a = askOnce(large, 'a.longer-name.example.org A');
    assert.equal(a.answer.length, 29);
    assert.equal(a.reply?.flags.tc, true);
    assert.ok(a.steps.some((s) => s.plugin === SERVER && s.action === 'modified'));
  });
  it('keeps everything over TCP or with a large EDNS0 buffer', () => {
    for (const options of [{ client: { transport: 'tcp' as const } }, { udpSize: 1232 }]) {
      const a = askOnce(large, 'a.longer-name.example.org A', options);
      assert.equal(a.answer.length, 30);
      assert.equal(a.reply?.flags.tc, false);
    }
  });
  it('copies the client EDNS0 size and DO bit into the reply', () => {
    assert.deepEqual(askOnce(large, 'x A', { udpSize: 4000, do: true }).reply?.edns, { udpSize: 4000, do: true, options: [] });
    assert.equal(askOnce(large, 'x A').reply?.edns, undefined);
  });
});

describe('lookups through the server', () => {
  it('stops a lookup loop after a fixed depth with SERVFAIL for the innermost lookup', () => {
    const a = askOnce('. {\n    template IN A example.org {\n        answer "{{ .Name }} 60 IN CNAME {{ .Name }}"\n    }\n}\n', 'a.example.org A');
    const selections = a.steps.filter((s) => s.plugin === SERVER && s.action === 'passed');
    assert.equal(selections.length, MAX_LOOKUP_DEPTH + 1);
    assert.ok(a.steps.some((s) => s.action === 'error' && /nested/.test(s.detail)));
  });
});

describe('the loop probe', () => {
  it('shows the crash when forward sends the probe back to this server', () => {
    const a = askOnce('. {\n    forward . 127.0.0.1\n    loop\n}\n', 'example.org A');
    assert.equal(a.reply, undefined);
    assert.equal(a.answeredBy, 'loop');
    assert.match(a.steps[0]!.detail, /Loop detected/);
  });
  it('finds the loop through a mounted resolv.conf', () => {
    const a = askOnce({ corefile: '. {\n    forward . /etc/resolv.conf\n    loop\n}\n', files: { '/etc/resolv.conf': 'nameserver 127.0.0.53\n' } }, 'example.org A');
    assert.equal(a.reply, undefined);
  });
  it('answers normally when the upstream is elsewhere', () => {
    const a = askOnce({ corefile: '. {\n    forward . 192.0.2.53\n    loop\n}\n', upstream: { 'example.org. A': ['example.org. 60 IN A 192.0.2.1'] } }, 'example.org A');
    assert.deepEqual([a.rcode, a.answeredBy, a.answer], ['NOERROR', 'forward', ['example.org. 60 IN A 192.0.2.1']]);
    assert.deepEqual(a.actions('loop'), ['no-effect']);
  });
});
