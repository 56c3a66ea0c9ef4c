// Plugins in the query chain whose effect a simulated client cannot see: each leaves one step in the trace
// that says why, and the answer is what the plugins after them give.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeCorefile } from '../../../server/src/core/corefile/analyze.js';
import { emptyHost } from '../../../server/src/core/host.js';
import { defaultSettings } from '../../../server/src/core/settings.js';
import { buildClusterModel } from '../../../server/src/core/resolve/cluster.js';
import { newQuery } from '../../../server/src/core/resolve/message.js';
import { buildSimServer } from '../../../server/src/core/resolve/server.js';
import type { SimulationWorld } from '../../../server/src/core/resolve/types.js';

const world: SimulationWorld = {
  files: emptyHost,
  cluster: buildClusterModel([]).model,
  upstream: { answer: () => ({ rcode: 'NXDOMAIN', answer: [] }) },
};

const rows: Array<{ directive: string; line: string; action: string }> = [
  { directive: 'prometheus', line: 'prometheus :9153', action: 'no-effect' },
  { directive: 'cancel', line: 'cancel 2s', action: 'no-effect' },
  { directive: 'nsid', line: 'nsid edge-1', action: 'no-effect' },
  { directive: 'bufsize', line: 'bufsize 1232', action: 'no-effect' },
  { directive: 'shed', line: 'shed', action: 'no-effect' },
  { directive: 'geoip', line: 'geoip /db/GeoLite2-City.mmdb', action: 'not-simulated' },
];

for (const row of rows) {
  test(`${row.directive}: ${row.action}, and whoami still answers`, () => {
    const analysis = analyzeCorefile({ uri: 'file:///x/Corefile', text: `.:53 {\n  ${row.line}\n  whoami\n}\n` }, defaultSettings, emptyHost);
    const server = buildSimServer(analysis, world);
    const result = server.query(newQuery('example.org.', 'A'), { ip: '10.1.2.3', port: 40000, transport: 'udp' }, { port: 53, transport: 'dns' });
    const step = result.steps.find((s) => s.plugin === row.directive);
    assert.equal(step?.action, row.action);
    assert.ok(step?.detail && step.detail.length > 20);
    assert.equal(step?.range?.start.line, 1);
    assert.equal(result.answeredBy, 'whoami');
    assert.equal(result.reply?.rcode, 'NOERROR');
  });
}
