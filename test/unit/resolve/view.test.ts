// view: the block's expressions must all be true for the block to take a query; the server then tries the
// next block for the zone. Inside the chain the plugin passes every query on.
import { describe, it } from 'node:test';
import { SERVER } from '../../../server/src/core/resolve/server.js';
import { askOnce } from './support/harness.js';
import { checkReply, runRows, type Row } from './support/table.js';

const corefile = (expr: string): string =>
  `. {\n    view v {\n        expr ${expr}\n    }\n    erratic {\n        drop 0\n    }\n}\n. {\n    whoami\n}\n`;

// expression, query, client → answering plugin (erratic: the view took it; whoami: the next block did)
const cases: Array<[string, string, string, string]> = [
  ["incidr(client_ip(), '10.0.0.0/8')", 'example.org A', '10.9.9.9', 'erratic'],
  ["incidr(client_ip(), '10.0.0.0/8')", 'example.org A', '192.0.2.1', 'whoami'],
  ["incidr(client_ip(), 'fd00::/8')", 'example.org A', 'fd00::1', 'erratic'],
  ["name() == 'example.org.'", 'Example.ORG A', '192.0.2.1', 'erratic'],
  ["name() matches '^www\\\\.'", 'www.example.org A', '192.0.2.1', 'erratic'],
  ["name() matches '^www\\\\.'", 'example.org A', '192.0.2.1', 'whoami'],
  ["type() in ['A', 'AAAA']", 'example.org AAAA', '192.0.2.1', 'erratic'],
  ["type() not in ['A', 'AAAA']", 'example.org AAAA', '192.0.2.1', 'whoami'],
  ["hasSuffix(name(), '.internal.') || proto() == 'tcp'", 'db.internal A', '192.0.2.1', 'erratic'],
  ["port() == '40000' and not do()", 'example.org A', '192.0.2.1', 'erratic'],
  ["bufsize() > 512", 'example.org A', '192.0.2.1', 'whoami'],
  // An error while running counts as false.
  ["incidr('not-an-ip', '10.0.0.0/8')", 'example.org A', '10.9.9.9', 'whoami'],
  // A result that is not a boolean counts as false too.
  ['name()', 'example.org A', '10.9.9.9', 'whoami'],
];

const rows: Row[] = [
  ...cases.map(([expr, query, ip, answeredBy]): Row => ({ name: `${expr}: ${query} from ${ip} → ${answeredBy}`, bench: corefile(expr), query, ask: { client: { ip } }, answeredBy })),
  {
    name: 'refuses when no block takes the query',
    bench: `. {\n    view v {\n        expr client_ip() == '10.0.0.1'\n    }\n    whoami\n}\n`,
    query: 'example.org A',
    rcode: 'REFUSED',
    answeredBy: SERVER,
  },
];

describe('view handler', () => {
  runRows(rows, { plugin: 'view' });

  it('passes queries on inside the chain, after every answering plugin', () => {
    // view sits near the end of plugin.cfg: erratic answers before view's place in the chain, so the one
    // view step is the block selection's; after nomad, which passes on, view's own step follows.
    checkReply(askOnce(corefile("proto() == 'udp'"), 'example.org A'), { actions: ['passed'] }, 'view');
    checkReply(askOnce(`. {\n    view v\n    nomad {\n        address http://127.0.0.1:4646\n    }\n}\n`, 'example.org A'), { actions: ['passed', 'no-effect'] }, 'view');
  });
});
