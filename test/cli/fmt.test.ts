// `corefile fmt` run in this process through runCli (the same entry dist/cli.js calls), on files written to
// a temporary directory: printing one file, --check's list and exit status, --write in place, standard
// input, and the usage errors the CLI contract in DESIGN.md gives exit status 2.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, beforeEach, describe, test } from 'node:test';
import { runCli } from '../../server/src/cli/main.js';

interface Run {
  status: number;
  stdout: string;
  stderr: string;
}

async function fmt(args: string[], stdin = ''): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const status = await runCli(['fmt', ...args], {
    stdout: (t) => { stdout += t; },
    stderr: (t) => { stderr += t; },
    readStdin: async () => stdin,
  });
  return { status, stdout, stderr };
}

const unformatted = '. {\n  whoami\n}\n';
const formatted = '. {\n    whoami\n}\n';
const yamlUnformatted = 'kind: ConfigMap\ndata:\n  Corefile: |\n    . {\n      log\n    }\n';
const yamlFormatted = 'kind: ConfigMap\ndata:\n  Corefile: |\n    . {\n        log\n    }\n';

let dir: string;
const at = (name: string): string => join(dir, name);

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'corefile-fmt-'));
});
after(() => rmSync(dir, { recursive: true, force: true }));

/** A fresh tree for every test: two Corefiles (one formatted), a ConfigMap, a resolv.conf and a broken Corefile in its own folder. */
beforeEach(() => {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'tree/sub'), { recursive: true });
  mkdirSync(join(dir, 'broken'), { recursive: true });
  writeFileSync(at('tree/Corefile'), unformatted);
  writeFileSync(at('tree/sub/ok.corefile'), formatted);
  writeFileSync(at('tree/coredns.yaml'), yamlUnformatted);
  writeFileSync(at('tree/resolv.conf'), '  nameserver 10.0.0.1\n');
  writeFileSync(at('broken/Corefile'), '. {\n  whoami\n');
});

describe('corefile fmt', () => {
  test('prints the formatted text of one file', async () => {
    assert.deepEqual(await fmt([at('tree/Corefile')]), { status: 0, stdout: formatted, stderr: '' });
    assert.equal(readFileSync(at('tree/Corefile'), 'utf8'), unformatted, 'the file is not changed');
  });

  test('formats standard input, as a Corefile unless --lang says otherwise', async () => {
    assert.deepEqual(await fmt(['-'], unformatted), { status: 0, stdout: formatted, stderr: '' });
    assert.deepEqual(await fmt(['--lang', 'yaml', '-'], yamlUnformatted), { status: 0, stdout: yamlFormatted, stderr: '' });
  });

  test('--check lists the files that are not formatted and exits 1', async () => {
    const run = await fmt(['--check', at('tree')]);
    assert.equal(run.status, 1);
    assert.deepEqual(run.stdout.split('\n').filter(Boolean), [at('tree/Corefile'), at('tree/coredns.yaml')]);
    assert.equal(readFileSync(at('tree/Corefile'), 'utf8'), unformatted);
  });

  test('--check exits 0 when every file is formatted, standard input included', async () => {
    assert.deepEqual(await fmt(['--check', at('tree/sub')]), { status: 0, stdout: '', stderr: '' });
    assert.deepEqual(await fmt(['--check', '-'], formatted), { status: 0, stdout: '', stderr: '' });
    assert.deepEqual(await fmt(['--check', '-'], unformatted), { status: 1, stdout: '-\n', stderr: '' });
  });

  test('--write rewrites the files that are not formatted, lists them, and leaves resolv.conf alone', async () => {
    const run = await fmt(['--write', at('tree')]);
    assert.equal(run.status, 0);
    assert.deepEqual(run.stdout.split('\n').filter(Boolean), [at('tree/Corefile'), at('tree/coredns.yaml')]);
    assert.equal(readFileSync(at('tree/Corefile'), 'utf8'), formatted);
    assert.equal(readFileSync(at('tree/coredns.yaml'), 'utf8'), yamlFormatted);
    assert.equal(readFileSync(at('tree/resolv.conf'), 'utf8'), '  nameserver 10.0.0.1\n');
    assert.deepEqual(await fmt(['--check', at('tree')]), { status: 0, stdout: '', stderr: '' });
  });

  test('a Corefile with syntax errors is left as written, said so, and the run exits 2', async () => {
    for (const mode of [[], ['--check'], ['--write']]) {
      const run = await fmt([...mode, at('broken/Corefile')]);
      assert.equal(run.status, 2);
      assert.match(run.stderr, /broken\/Corefile:1:3: Not formatted: the Corefile has syntax problems/);
      assert.equal(readFileSync(at('broken/Corefile'), 'utf8'), '. {\n  whoami\n');
    }
  });

  test('a YAML key left as written by design is a note, not a failure', async () => {
    writeFileSync(at('folded.yaml'), 'kind: ConfigMap\ndata:\n  Corefile: >\n    . {\n      log\n    }\n');
    const run = await fmt(['--check', at('folded.yaml')]);
    assert.equal(run.status, 0);
    assert.match(run.stderr, /folded\.yaml:3:3: Corefile: left as written: .*folded block scalar/);
  });

  const usage: Array<{ name: string; args: () => string[]; says: RegExp }> = [
    { name: 'no PATH', args: () => ['--check'], says: /no PATH given/ },
    { name: '--check with --write', args: () => ['--check', '--write', at('tree')], says: /exclude each other/ },
    { name: 'several files without a flag', args: () => [at('tree/Corefile'), at('tree/sub/ok.corefile')], says: /prints the formatted text of one file/ },
    { name: 'a directory without a flag', args: () => [at('tree')], says: /prints the formatted text of one file/ },
    { name: '--write on standard input', args: () => ['--write', '-'], says: /cannot rewrite standard input/ },
    { name: 'a resolv.conf named on the command line', args: () => ['--check', at('tree/resolv.conf')], says: /resolv\.conf file, which fmt leaves as written/ },
    { name: 'an unknown option', args: () => ['--indent', '2', at('tree')], says: /unknown option '--indent'/ },
    { name: 'a file that does not exist', args: () => ['--check', at('missing/Corefile')], says: /cannot read .*missing\/Corefile: no such file or directory/ },
  ];
  for (const u of usage) {
    test(`exits 2 for ${u.name}`, async () => {
      const run = await fmt(u.args());
      assert.equal(run.status, 2);
      assert.match(run.stderr, u.says);
    });
  }

  test('--help describes the command', async () => {
    const run = await fmt(['--help']);
    assert.equal(run.status, 0);
    assert.match(run.stdout, /^Usage: corefile fmt \[--check \| --write\]/);
  });
});
