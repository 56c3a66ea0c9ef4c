// nomad: answers come from a Nomad cluster's API, outside any scenario. Names in its zone are shown as not
// simulated and passed on; other names pass on as in CoreDNS. nomad is the last plugin of plugin.cfg, so
// nothing follows it: a passed query ends in SERVFAIL.
import { describe } from 'node:test';
import { runRows, type Row } from './support/table.js';

const ADDRESS = 'nomad {\n        address http://127.0.0.1:4646\n    }';
const cases: Array<[string, string, string]> = [
  [ADDRESS, 'web.default.service.nomad A', 'not-simulated'],
  [ADDRESS, 'www.example.com A', 'passed'],
  ['nomad consul.internal', 'web.default.consul.internal SRV', 'not-simulated'],
  ['nomad consul.internal', 'web.default.service.nomad A', 'passed'],
];
const rows = cases.map(([directive, query, action]): Row => ({
  name: `${directive.split('\n')[0]}: ${query} → ${action}`,
  bench: `. {\n    ${directive}\n}\n`,
  query,
  actions: [action, 'error'],
  ...(action === 'not-simulated' ? { saysEach: [/Nomad API/, /no plugin follows it/] } : {}),
}));

describe('nomad handler', () => runRows(rows, { plugin: 'nomad', expect: { rcode: 'SERVFAIL', answeredBy: 'nomad' } }));
