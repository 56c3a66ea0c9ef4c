// clouddns: answers come from Google Cloud DNS, outside any scenario. Names in its zones are shown as not simulated
// and passed on; other names pass on as in CoreDNS.
import { describe } from 'node:test';
import { outsideRows } from './support/common-rows.js';
import { runRows } from './support/table.js';

const corefile = `. {\n    clouddns example.org.:my-project:example-zone\n    whoami\n}\n`;
const rows = outsideRows([
  ['a name in its zone', 'www.example.org A', 'not-simulated'],
  ['a name outside its zone', 'www.example.com A', 'passed'],
], /my-project\/example-zone/);

describe('clouddns handler', () => runRows(rows, { plugin: 'clouddns', bench: corefile }));
