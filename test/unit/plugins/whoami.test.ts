import { runTable } from '../../support/plugin-table.js';

runTable('whoami', [
  { corefile: '. {\n  whoami\n}\n', ok: true },
  { corefile: '. {\n  whoami extra\n}\n', ok: false, code: 'whoami/wrong-argument-count' },
  { corefile: '. {\n  whoami {\n  }\n}\n', ok: false, code: 'whoami/wrong-argument-count' },
  { corefile: '. {\n  whoami\n  whoami\n}\n', ok: true, warnings: ['core/ignored-repeat'] },
]);
