// Every real-world resolv.conf of the shared corpus, read where it lies: glibc and musl both accept
// all of them, so none may get an error, and each must parse without parser errors.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { analyzeResolvConf } from '../../server/src/core/resolvconf/index.js';

const repoRoot = path.resolve(__dirname, '..', '..');
const corpusDir = path.join(path.resolve(repoRoot, '..', 'shared'), 'corpus', 'resolvconf');

describe('resolv.conf corpus', () => {
  if (!existsSync(corpusDir)) {
    if (process.env.CI === 'true') {
      it('needs the shared corpus under CI', () => assert.fail(`${corpusDir} is missing; the corpus test must run under CI.`));
    } else {
      it('is skipped without ../shared', (t) => t.skip(`${corpusDir} is absent: corpus test skipped.`));
    }
    return;
  }
  const files = readdirSync(corpusDir).filter((name) => !name.startsWith('.')).sort();

  it('has files to read', () => assert.ok(files.length > 0, `no files in ${corpusDir}`));

  for (const name of files) {
    it(name, () => {
      const text = readFileSync(path.join(corpusDir, name), 'utf8');
      for (const resolver of ['glibc', 'musl'] as const) {
        const { file, effective, diagnostics } = analyzeResolvConf(text, resolver);
        assert.deepEqual(file.parseErrors, []);
        const errors = diagnostics.filter((d) => d.severity === 'error');
        assert.deepEqual(errors, [], `${resolver} errors in ${name}`);
        // Every corpus file names at least one server, and both libcs must find it.
        assert.equal(effective.defaultNameserver, false, `${resolver} found no name server in ${name}`);
      }
    });
  }
});
