// Developer aid: prints which verdict cases the linter disagrees with, grouped by plugin.
// Usage: npx tsx scripts/verdicts.ts [plugin...]
import { analyzeCorefile } from '../server/src/core/corefile/analyze.js';
import { emptyHost } from '../server/src/core/host.js';
import { defaultSettings } from '../server/src/core/settings.js';
import { readVerdicts } from '../test/support/shared.js';

const only = process.argv.slice(2);
let agree = 0;
let total = 0;
for (const c of readVerdicts()) {
  if (only.length > 0 && !only.includes(c.plugin)) continue;
  total++;
  const { diagnostics } = analyzeCorefile({ uri: 'file:///cases/Corefile', text: c.corefile }, defaultSettings, emptyHost);
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if ((errors.length === 0) === c.valid) {
    agree++;
    continue;
  }
  console.log(`--- ${c.id} (${c.plugin}) CoreDNS ${c.valid ? 'accepts' : 'refuses'}: ${c.why}`);
  console.log(c.corefile.trimEnd());
  for (const e of errors) console.log(`  ${e.range.start.line + 1}:${e.range.start.character + 1} ${e.code}: ${e.message}`);
}
console.log(`${agree}/${total} agree`);
