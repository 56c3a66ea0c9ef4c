import { runTable } from '../../support/plugin-table.js';

runTable('any', [
  { corefile: '. {\n  any\n}\n', ok: true },
  { corefile: '. {\n  any all\n}\n', ok: false, code: 'any/wrong-argument-count' },
  { corefile: '. {\n  any {\n  }\n}\n', ok: false, code: 'any/wrong-argument-count' },
]);
