// route53: answers come from AWS Route 53, outside any scenario. Names in its zones are shown as not simulated
// and passed on; other names pass on as in CoreDNS.
import { describe } from 'node:test';
import { outsideRows } from './support/common-rows.js';
import { runRows } from './support/table.js';

const corefile = `. {\n    route53 example.org.:Z1D633PJN98FT9\n    whoami\n}\n`;
const rows = outsideRows([
  ['a name in its zone', 'www.example.org A', 'not-simulated'],
  ['a name outside its zone', 'www.example.com A', 'passed'],
], /Route 53 hosted zone Z1D633PJN98FT9/);

describe('route53 handler', () => runRows(rows, { plugin: 'route53', bench: corefile }));
