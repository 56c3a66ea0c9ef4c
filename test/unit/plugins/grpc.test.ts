import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { GrpcConfig } from '../../../server/src/core/plugins/grpc.js';
import { analyze, runTable, type PluginCase } from '../../support/plugin-table.js';

const g = (lines: string, head = '. 10.8.8.8'): string => `.:1053 {\n  grpc ${head} {\n${lines}\n  }\n}\n`;

const rows: PluginCase[] = [
  { corefile: 'svc.test:1054 {\n  grpc . 10.8.8.8:8443\n}\n', ok: true },
  { corefile: 'zone-a.example {\n  grpc .\n}\n', ok: false, code: 'grpc/wrong-argument-count' },
  { corefile: 'zone-a.example {\n  grpc\n}\n', ok: false, code: 'grpc/wrong-argument-count' },
  { corefile: '. {\n  grpc x: 10.0.0.1\n}\n', ok: false, code: 'grpc/invalid-from' },
  { corefile: '. {\n  grpc . dns.google\n}\n', ok: false, code: 'grpc/invalid-upstream' },
  { corefile: '. {\n  grpc . /etc/resolv.conf\n}\n', ok: true, warnings: ['grpc/file-not-found'] },
  { corefile: '. {\n  grpc . /etc/resolv.conf\n}\n', ok: true, files: { '/etc/resolv.conf': 'nameserver 10.0.0.1\n' } },
  { corefile: `. {\n  grpc . ${Array.from({ length: 16 }, (_, i) => `10.0.0.${i + 1}`).join(' ')}\n}\n`, ok: false, code: 'grpc/too-many-upstreams' },
  { corefile: g('    policy weighted'), ok: false, code: 'grpc/unknown-policy' },
  { corefile: g('    policy round_robin\n    except example.org\n    fallthrough'), ok: true },
  { corefile: g('    tls_servername dns.corp.example\n    tls'), ok: true },
  { corefile: g('    tls a b c d'), ok: false, code: 'grpc/wrong-argument-count' },
  { corefile: g('    tls /ca.pem'), ok: true, warnings: ['grpc/file-not-found'] },
  { corefile: g('    except'), ok: false, code: 'grpc/wrong-argument-count' },
  { corefile: g('    tls_servername'), ok: false, code: 'grpc/wrong-argument-count' },
  { corefile: g('    policy random extra'), ok: false, code: 'grpc/unknown-option' },
  { corefile: g('    max_fails 3'), ok: false, code: 'grpc/unknown-option' },
  { corefile: '. {\n  grpc . 10.0.0.1\n  grpc . 10.0.0.2\n}\n', ok: false, code: 'core/once-per-block' },
];

runTable('grpc', rows);

test('grpc config is read into its typed form', () => {
  const config = analyze(g('    policy sequential\n    except a.example')).blocks[0]!.configs.get('grpc') as GrpcConfig;
  assert.deepEqual(config, { from: '.', to: ['10.8.8.8'], except: ['a.example.'], policy: 'sequential', fallthrough: [] });
});
