// The final judge of the simulator: every resolution case of ../shared/cases/resolution, whose
// expectations come from real CoreDNS, glibc and musl, runs through the scenario loader, the simulator
// and the expectation check. One subtest per case; the files are read where they lie.
import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { nodeHost } from '../../../server/src/node-host.js';
import { loadScenario } from '../../../server/src/core/resolve/scenario.js';
import { checkExpect, runScenario } from '../../../server/src/core/resolve/simulate.js';
import { sharedAvailable, sharedDir } from '../../support/shared.js';

const casesDir = join(sharedDir, 'cases', 'resolution');

function scenarioFiles(): string[] {
  if (!existsSync(casesDir)) return [];
  const out: string[] = [];
  for (const dir of readdirSync(casesDir).sort()) {
    const full = join(casesDir, dir);
    for (const file of readdirSync(full).sort()) if (file.endsWith('.dnstest.yaml')) out.push(join(full, file));
  }
  return out;
}

describe('resolution cases', () => {
  if (!sharedAvailable()) {
    it.skip('../shared is absent: the resolution cases are not run');
    return;
  }
  const files = scenarioFiles();
  it('there are cases to run', () => assert.ok(files.length > 0, `no *.dnstest.yaml under ${casesDir}`));
  for (const file of files) {
    it(file.slice(casesDir.length + 1), () => {
      const loaded = loadScenario(file, nodeHost);
      if (!loaded.ok) assert.fail(loaded.errors.join('\n'));
      const result = runScenario(loaded.scenario, { host: nodeHost });
      const problems = result.results.flatMap((r, i) => checkExpect(r, loaded.scenario.queries[i]?.expect).map((m) => `${r.query.name} ${r.query.type}: ${m}`));
      assert.deepEqual(problems, []);
    });
  }
});
