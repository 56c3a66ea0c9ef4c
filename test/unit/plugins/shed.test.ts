import { runTable } from '../../support/plugin-table.js';

runTable('shed', [
  { corefile: '. {\n  shed\n}\n', ok: true },
  { corefile: 'dns://.:5353 {\n  shed {\n  }\n}\n', ok: true },
  { corefile: '. {\n  shed 100\n}\n', ok: false, code: 'shed/wrong-argument-count' },
  { corefile: '. {\n  shed {\n    limit 100\n  }\n}\n', ok: false, code: 'shed/no-options' },
  { corefile: 'tls://.:853 {\n  shed\n}\n', ok: false, code: 'shed/not-plain-dns' },
  { corefile: '.:53 grpc://.:443 {\n  shed\n}\n', ok: false, code: 'shed/not-plain-dns' },
  { corefile: '. {\n  shed\n  shed\n}\n', ok: false, code: 'core/once-per-block' },
]);
