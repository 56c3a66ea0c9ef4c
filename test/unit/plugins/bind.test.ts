import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { BindConfig } from '../../../server/src/core/plugins/bind.js';
import { configOf, runTable } from '../../support/plugin-table.js';

runTable('bind', [
  { corefile: '. {\n  bind 127.0.0.1 ::1\n}\n', ok: true },
  { corefile: '. {\n  bind 127.0.0.1\n  bind 127.0.0.3\n}\n', ok: true },
  { corefile: '. {\n  bind 127.0.0.1 {\n    except 127.0.0.9\n  }\n}\n', ok: true },
  { corefile: '. {\n  bind eth0\n}\n', ok: true, warnings: ['bind/interface-name'] },
  { corefile: '. {\n  bind lo {\n    except eth9\n  }\n}\n', ok: true, warnings: ['bind/interface-name'] },
  // The loopback interface exists on every Linux node.
  { corefile: '. {\n  bind lo\n}\n', ok: true, noWarnings: ['bind/interface-name'] },
  { corefile: '. {\n  bind\n}\n', ok: false, code: 'bind/missing-address' },
  { corefile: '. {\n  bind 127.0.0.1 {\n    except\n  }\n}\n', ok: false, code: 'bind/missing-address' },
  { corefile: '. {\n  bind 127.0.0.1 {\n    only 127.0.0.2\n  }\n}\n', ok: false, code: 'bind/unknown-option' },
]);

test('bind accumulates addresses', () => {
  assert.deepEqual(configOf<BindConfig>('. {\n  bind 127.0.0.1\n  bind ::1 {\n    except ::2\n  }\n}\n', 'bind'), { addresses: ['127.0.0.1', '::1'], except: ['::2'] });
});
