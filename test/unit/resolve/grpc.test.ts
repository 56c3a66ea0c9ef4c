// grpc: answers come from gRPC backends, outside any scenario. Names in its zones are shown as not simulated
// and passed on; other names pass on as in CoreDNS.
import { describe } from 'node:test';
import { outsideRows } from './support/common-rows.js';
import { runRows } from './support/table.js';

const corefile = `. {\n    grpc example.org 10.0.0.1:443 {\n        except internal.example.org\n    }\n    whoami\n}\n`;
const rows = outsideRows([
  ['a name in its zone', 'www.example.org A', 'not-simulated'],
  ['a name outside its zone', 'www.example.com A', 'passed'],
  ['internal.example.org is excepted', 'db.internal.example.org A', 'passed'],
], /gRPC/);

describe('grpc handler', () => runRows(rows, { plugin: 'grpc', bench: corefile }));
