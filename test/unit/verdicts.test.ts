// CoreDNS's verdict on each case of ../shared/cases/corefile-verdicts.jsonl: the linter must report an
// error for every Corefile CoreDNS refuses and none for every Corefile it accepts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeCorefile } from '../../server/src/core/corefile/analyze.js';
import { emptyHost } from '../../server/src/core/host.js';
import { defaultSettings } from '../../server/src/core/settings.js';
import { readVerdicts, sharedAvailable } from '../support/shared.js';

const available = sharedAvailable();

test('CoreDNS verdicts', { skip: available ? false : '../shared is not present' }, async (t) => {
  for (const c of readVerdicts()) {
    await t.test(`${c.id} (${c.plugin}) ${c.valid ? 'accepted' : 'refused'}: ${c.why}`, () => {
      const { diagnostics } = analyzeCorefile({ uri: 'file:///cases/Corefile', text: c.corefile }, defaultSettings, emptyHost);
      const errors = diagnostics.filter((d) => d.severity === 'error');
      if (c.valid) assert.deepEqual(errors.map((e) => `${e.code}: ${e.message}`), [], c.corefile);
      else assert.ok(errors.length > 0, `expected an error for:\n${c.corefile}`);
    });
  }
});
