// etcd: answers come from etcd, outside any scenario. Names in its zones are shown as not simulated
// and passed on; other names pass on as in CoreDNS.
import { describe } from 'node:test';
import { outsideRows } from './support/common-rows.js';
import { runRows } from './support/table.js';

const corefile = `. {\n    etcd example.org {\n        path /skydns\n        endpoint http://localhost:2379\n    }\n    whoami\n}\n`;
const rows = outsideRows([
  ['a name in its zone', 'www.example.org A', 'not-simulated'],
  ['a name outside its zone', 'www.example.com A', 'passed'],
], /etcd/);

describe('etcd handler', () => runRows(rows, { plugin: 'etcd', bench: corefile }));
