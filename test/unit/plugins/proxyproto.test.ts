import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ProxyprotoConfig } from '../../../server/src/core/plugins/proxyproto.js';
import { configOf, runTable } from '../../support/plugin-table.js';

runTable('proxyproto', [
  { corefile: '. {\n  proxyproto\n}\n', ok: true },
  { corefile: '. {\n  proxyproto {\n    allow 10.0.0.0/8 2001:db8::/32\n    default REJECT\n    udp_session_tracking 30s 100\n  }\n}\n', ok: true },
  { corefile: '. {\n  proxyproto on\n}\n', ok: false, code: 'proxyproto/wrong-argument-count' },
  { corefile: '. {\n  proxyproto {\n    allow 10.0.0.1\n  }\n}\n', ok: false, code: 'proxyproto/invalid-cidr' },
  { corefile: '. {\n  proxyproto {\n    default maybe\n  }\n}\n', ok: false, code: 'proxyproto/invalid-policy' },
  { corefile: '. {\n  proxyproto {\n    default\n  }\n}\n', ok: false, code: 'proxyproto/wrong-argument-count' },
  { corefile: '. {\n  proxyproto {\n    udp_session_tracking 30s 0\n  }\n}\n', ok: false, code: 'proxyproto/invalid-max-sessions' },
  { corefile: '. {\n  proxyproto {\n    udp_session_tracking 30\n  }\n}\n', ok: false, code: 'proxyproto/invalid-duration' },
  { corefile: '. {\n  proxyproto {\n    udp_session_tracking\n  }\n}\n', ok: false, code: 'proxyproto/wrong-argument-count' },
  { corefile: '. {\n  proxyproto {\n    deny 10.0.0.0/8\n  }\n}\n', ok: false, code: 'proxyproto/unknown-option' },
]);

test('proxyproto reads allow and the policy', () => {
  const c = configOf<ProxyprotoConfig>('. {\n  proxyproto {\n    allow 10.0.0.0/8\n    default Skip\n  }\n}\n', 'proxyproto');
  assert.deepEqual(c.allow, ['10.0.0.0/8']);
  assert.equal(c.defaultPolicy, 'skip');
});
