import { runTable } from '../../support/plugin-table.js';

runTable('debug', [
  { corefile: '. {\n  debug\n}\n', ok: true },
  { corefile: '. {\n  debug\n  debug\n}\n', ok: true },
  { corefile: '. {\n  debug on\n}\n', ok: false, code: 'debug/wrong-argument-count' },
  { corefile: '. {\n  debug {\n  }\n}\n', ok: false, code: 'debug/wrong-argument-count' },
]);
