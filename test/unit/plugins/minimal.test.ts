import { runTable } from '../../support/plugin-table.js';

runTable('minimal', [
  { corefile: '. {\n  minimal\n}\n', ok: true },
  { corefile: '. {\n  minimal yes\n}\n', ok: false, code: 'minimal/wrong-argument-count' },
  { corefile: '. {\n  minimal {\n  }\n}\n', ok: false, code: 'minimal/wrong-argument-count' },
]);
