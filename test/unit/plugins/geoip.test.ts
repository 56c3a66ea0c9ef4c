import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { GeoipConfig } from '../../../server/src/core/plugins/geoip.js';
import { configOf, runTable } from '../../support/plugin-table.js';

const files = { '/etc/coredns/city.mmdb': '\u0000\u0001data\u00ab\u00cd\u00efMaxMind.com\u00e0database_type GeoLite2-City', '/etc/coredns/junk.mmdb': 'hello' };

runTable('geoip', [
  { corefile: '. {\n  geoip /etc/coredns/city.mmdb\n}\n', ok: true, files },
  { corefile: '. {\n  geoip city.mmdb {\n    edns-subnet\n  }\n}\n', ok: true, files },
  { corefile: '. {\n  geoip /srv/missing.mmdb\n}\n', ok: true, warnings: ['geoip/file-not-found'] },
  { corefile: '. {\n  geoip junk.mmdb\n}\n', ok: false, code: 'geoip/invalid-database', files },
  { corefile: '. {\n  geoip\n}\n', ok: false, code: 'geoip/wrong-argument-count' },
  { corefile: '. {\n  geoip {\n    edns-subnet\n  }\n}\n', ok: false, code: 'geoip/wrong-argument-count' },
  { corefile: '. {\n  geoip a.mmdb b.mmdb\n}\n', ok: false, code: 'geoip/wrong-argument-count' },
  { corefile: '. {\n  geoip city.mmdb\n  geoip other.mmdb\n}\n', ok: false, code: 'geoip/multiple-databases', files },
  { corefile: '. {\n  geoip city.mmdb {\n    edns-subnet on\n  }\n}\n', ok: false, code: 'geoip/unknown-option', files },
]);

test('geoip reads the database and edns-subnet', () => {
  assert.deepEqual(configOf<GeoipConfig>('. {\n  geoip city.mmdb {\n    edns-subnet\n  }\n}\n', 'geoip', files), { database: 'city.mmdb', ednsSubnet: true });
});
