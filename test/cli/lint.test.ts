// Runs the built `corefile` command (dist/cli.js) as a user would, on the fixtures in test/fixtures/cli,
// and checks its output formats and exit statuses against the CLI contract in DESIGN.md.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { runCli } from '../../server/src/cli/main.js';

const root = resolve(__dirname, '../..');
const cli = join(root, 'dist/cli.js');
const fixtures = join(root, 'test/fixtures/cli');

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function run(args: string[], options: { stdin?: string; cwd?: string } = {}): Run {
  const result = spawnSync(process.execPath, [cli, ...args], { cwd: options.cwd ?? fixtures, input: options.stdin ?? '', encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The lines of the text report; an expected line given as a RegExp must match, a string must be equal. */
function assertLines(actual: string, expected: Array<string | RegExp>): void {
  const lines = actual === '' ? [] : actual.replace(/\n$/, '').split('\n');
  assert.equal(lines.length, expected.length, `expected ${expected.length} lines, got:\n${actual}`);
  expected.forEach((e, i) => {
    if (typeof e === 'string') assert.equal(lines[i], e);
    else assert.match(lines[i]!, e);
  });
}

/** A finding line with its position, severity and code exact and any non-empty message. */
const finding = (path: string, line: number, column: number, severity: string, code: string): RegExp =>
  new RegExp(`^${escape(`${path}:${line}:${column}: ${severity} ${code}: `)}\\S.*$`);

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

before(() => {
  const build = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: root, encoding: 'utf8' });
  assert.equal(build.status, 0, `the build failed:\n${build.stderr}`);
});

describe('corefile lint, text output', () => {
  const cases: Array<{ name: string; args: string[]; stdin?: string; status: number; lines: Array<string | RegExp> }> = [
    { name: 'a clean Corefile', args: ['clean/Corefile'], status: 0, lines: ['1 file, 0 errors, 0 warnings'] },
    {
      name: 'an unclosed block',
      args: ['broken/Corefile'],
      status: 1,
      lines: [finding('broken/Corefile', 1, 3, 'error', 'syntax/unclosed-block'), '1 file, 1 error, 0 warnings'],
    },
    {
      name: 'a warning alone exits 0',
      args: ['warning/Corefile'],
      status: 0,
      lines: [finding('warning/Corefile', 2, 13, 'warning', 'forward/loop-risk'), '1 file, 0 errors, 1 warning'],
    },
    { name: '--quiet drops warnings and the summary', args: ['--quiet', 'warning/Corefile'], status: 0, lines: [] },
    {
      name: '--quiet keeps errors',
      args: ['warning/Corefile', 'broken/Corefile', '--quiet'],
      status: 1,
      lines: [finding('broken/Corefile', 1, 3, 'error', 'syntax/unclosed-block')],
    },
    {
      name: 'several files in one run, in argument order',
      args: ['warning/Corefile', 'clean/Corefile', 'broken/Corefile'],
      status: 1,
      lines: [
        finding('warning/Corefile', 2, 13, 'warning', 'forward/loop-risk'),
        finding('broken/Corefile', 1, 3, 'error', 'syntax/unclosed-block'),
        '3 files, 1 error, 1 warning',
      ],
    },
    { name: 'a file named twice is linted once', args: ['broken/Corefile', './broken/Corefile'], status: 1, lines: [/syntax\/unclosed-block/, '1 file, 1 error, 0 warnings'] },
    {
      name: 'an unknown directive',
      args: ['unknown/Corefile'],
      status: 1,
      lines: [finding('unknown/Corefile', 2, 3, 'error', 'core/unknown-directive'), '1 file, 1 error, 0 warnings'],
    },
    { name: '--external-plugin accepts a directive', args: ['--external-plugin', 'notaplugin', 'unknown/Corefile'], status: 0, lines: ['1 file, 0 errors, 0 warnings'] },
    { name: '--external-plugin=NAME', args: ['--external-plugin=other', '--external-plugin=notaplugin', 'unknown/Corefile'], status: 0, lines: ['1 file, 0 errors, 0 warnings'] },
    {
      name: 'an unknown environment variable is information only',
      args: ['env/Corefile'],
      status: 0,
      lines: [finding('env/Corefile', 2, 3, 'information', 'env/unknown-directive-name'), '1 file, 0 errors, 0 warnings'],
    },
    { name: '--env gives the value', args: ['--env', 'PLUGIN=notaplugin', 'env/Corefile'], status: 1, lines: [finding('env/Corefile', 2, 3, 'error', 'core/unknown-directive'), '1 file, 1 error, 0 warnings'] },
    { name: '--env-file gives the value', args: ['--env-file', 'env/plugin.env', 'env/Corefile'], status: 1, lines: [finding('env/Corefile', 2, 3, 'error', 'core/unknown-directive'), '1 file, 1 error, 0 warnings'] },
    { name: '--env overrides --env-file', args: ['--env', 'PLUGIN=whoami', '--env-file', 'env/plugin.env', 'env/Corefile'], status: 0, lines: ['1 file, 0 errors, 0 warnings'] },
    { name: 'a name that says nothing, with --lang', args: ['--lang', 'corefile', 'unnamed/dns.conf'], status: 1, lines: [finding('unnamed/dns.conf', 1, 3, 'error', 'syntax/unclosed-block'), '1 file, 1 error, 0 warnings'] },
    { name: 'standard input defaults to a Corefile', args: ['-'], stdin: '. {\n  whoami\n', status: 1, lines: [finding('-', 1, 3, 'error', 'syntax/unclosed-block'), '1 file, 1 error, 0 warnings'] },
    { name: 'standard input, clean', args: ['-'], stdin: '. {\n  whoami\n}\n', status: 0, lines: ['1 file, 0 errors, 0 warnings'] },
    { name: 'standard input with files', args: ['clean/Corefile', '-'], stdin: '. {\n  notaplugin\n}\n', status: 1, lines: [finding('-', 2, 3, 'error', 'core/unknown-directive'), '2 files, 1 error, 0 warnings'] },
    {
      name: 'a resolv.conf',
      args: ['resolv/resolv.conf'],
      status: 1,
      lines: [
        finding('resolv/resolv.conf', 1, 1, 'warning', 'resolvconf/no-nameserver'),
        finding('resolv/resolv.conf', 1, 12, 'error', 'resolvconf/invalid-nameserver'),
        finding('resolv/resolv.conf', 2, 17, 'warning', 'resolvconf/unknown-option'),
        '1 file, 1 error, 2 warnings',
      ],
    },
    { name: 'options glibc reads', args: ['musl/resolv.conf'], status: 0, lines: ['1 file, 0 errors, 0 warnings'] },
    {
      name: '--resolver musl',
      args: ['--resolver', 'musl', 'musl/resolv.conf'],
      status: 0,
      lines: [
        finding('musl/resolv.conf', 1, 9, 'information', 'resolvconf/ignored-by-musl'),
        finding('musl/resolv.conf', 1, 15, 'information', 'resolvconf/ignored-by-musl'),
        '1 file, 0 errors, 0 warnings',
      ],
    },
    {
      name: 'an import is read from disk, relative to the Corefile',
      args: ['import/Corefile'],
      status: 1,
      lines: [/^import\/Corefile:2:3: error core\/unknown-directive: In \S*import[\\/]snippets[\\/]extra\.conf:1:1: /, '1 file, 1 error, 0 warnings'],
    },
    { name: 'a valid --coredns-version', args: ['--coredns-version', '1.11.1', 'clean/Corefile'], status: 0, lines: ['1 file, 0 errors, 0 warnings'] },
    { name: '-- ends the options', args: ['--', 'clean/Corefile'], status: 0, lines: ['1 file, 0 errors, 0 warnings'] },
  ];
  for (const c of cases) {
    test(c.name, () => {
      const result = run(['lint', ...c.args], c.stdin === undefined ? {} : { stdin: c.stdin });
      assert.equal(result.stderr, '');
      assertLines(result.stdout, c.lines);
      assert.equal(result.status, c.status);
    });
  }
});

describe('corefile lint, JSON output', () => {
  test('has exactly the documented shape', () => {
    const result = run(['lint', '--format', 'json', 'broken/Corefile', 'warning/Corefile', 'clean/Corefile']);
    assert.equal(result.status, 1);
    assert.equal(result.stderr, '');
    const report: unknown = JSON.parse(result.stdout);
    // Messages are the core's wording; everything else is checked value by value.
    const messages: string[] = [];
    const withoutMessages = JSON.parse(JSON.stringify(report), (key, value: unknown) => {
      if (key === 'message') {
        assert.equal(typeof value, 'string');
        messages.push(value as string);
        return undefined;
      }
      return value;
    }) as unknown;
    assert.deepEqual(withoutMessages, {
      version: 1,
      files: [
        {
          path: 'broken/Corefile',
          language: 'corefile',
          diagnostics: [{ severity: 'error', code: 'syntax/unclosed-block', range: { start: { line: 0, character: 2 }, end: { line: 0, character: 3 } } }],
        },
        {
          path: 'warning/Corefile',
          language: 'corefile',
          diagnostics: [{ severity: 'warning', code: 'forward/loop-risk', range: { start: { line: 1, character: 12 }, end: { line: 1, character: 22 } } }],
        },
        { path: 'clean/Corefile', language: 'corefile', diagnostics: [] },
      ],
      summary: { files: 3, errors: 1, warnings: 1 },
    });
    assert.equal(messages.length, 2);
    for (const m of messages) assert.ok(m.length > 0);
    // Key order is part of what people see when they read the report, so it follows the contract too.
    const parsed = report as { files: Array<{ diagnostics: object[] }> };
    assert.deepEqual(Object.keys(report as object), ['version', 'files', 'summary']);
    assert.deepEqual(Object.keys(parsed.files[0]!), ['path', 'language', 'diagnostics']);
    assert.deepEqual(Object.keys(parsed.files[0]!.diagnostics[0]!), ['severity', 'code', 'message', 'range']);
  });

  const languageCases: Array<{ name: string; args: string[]; stdin?: string; files: Array<[string, string]> }> = [
    { name: 'standard input with --lang', args: ['--lang', 'resolvconf', '-'], stdin: 'nameserver 10.96.0.10\n', files: [['-', 'resolvconf']] },
    {
      name: 'a directory, walked in name order',
      args: ['tree'],
      files: [['tree/Corefile', 'corefile'], ['tree/k8s/coredns.yaml', 'yaml'], ['tree/pods/resolv.conf', 'resolvconf'], ['tree/zones/Corefile.internal', 'corefile']],
    },
    { name: 'a directory with --lang keeps that kind only', args: ['--lang', 'corefile', 'tree'], files: [['tree/Corefile', 'corefile'], ['tree/zones/Corefile.internal', 'corefile']] },
  ];
  for (const c of languageCases) {
    test(`files and languages: ${c.name}`, () => {
      const result = run(['lint', '--format=json', ...c.args], c.stdin === undefined ? {} : { stdin: c.stdin });
      assert.equal(result.stderr, '');
      const report = JSON.parse(result.stdout) as { files: Array<{ path: string; language: string }>; summary: { files: number } };
      assert.deepEqual(report.files.map((f) => [f.path, f.language]), c.files);
      assert.equal(report.summary.files, c.files.length);
    });
  }

  test('--quiet leaves only errors in the JSON report and its summary', () => {
    const result = run(['lint', '--format', 'json', '--quiet', 'warning/Corefile', 'unknown/Corefile']);
    assert.equal(result.status, 1);
    const report = JSON.parse(result.stdout) as { files: Array<{ diagnostics: Array<{ code: string }> }>; summary: object };
    assert.deepEqual(report.files.map((f) => f.diagnostics.map((d) => d.code)), [[], ['core/unknown-directive']]);
    assert.deepEqual(report.summary, { files: 2, errors: 1, warnings: 0 });
  });
});

describe('corefile lint, SARIF output', () => {
  test('is a SARIF 2.1.0 log: one rule per code, one result per finding, 1-based regions', () => {
    const result = run(['lint', '--format', 'sarif', 'broken/Corefile', 'warning/Corefile', 'clean/Corefile']);
    assert.equal(result.status, 1, 'the exit status does not depend on the format');
    assert.equal(result.stderr, '');
    const log = JSON.parse(result.stdout) as {
      $schema: string;
      version: string;
      runs: Array<{ tool: { driver: { name: string; version: string; rules: Array<{ id: string }> } }; columnKind: string; artifacts: unknown[]; results: Array<Record<string, unknown>> }>;
    };
    assert.equal(log.version, '2.1.0');
    assert.match(log.$schema, /sarif-2\.1\.0/);
    const [run0] = log.runs;
    assert.ok(run0);
    assert.equal(run0.tool.driver.name, 'corefile-lens');
    assert.equal(run0.columnKind, 'utf16CodeUnits');
    assert.deepEqual(run0.tool.driver.rules, [{ id: 'syntax/unclosed-block' }, { id: 'forward/loop-risk' }]);
    assert.deepEqual(run0.artifacts, [{ location: { uri: 'broken/Corefile' } }, { location: { uri: 'warning/Corefile' } }, { location: { uri: 'clean/Corefile' } }]);
    const results = run0.results.map((r) => ({ ...r, message: typeof (r.message as { text: unknown }).text }));
    assert.deepEqual(results, [
      {
        ruleId: 'syntax/unclosed-block', ruleIndex: 0, level: 'error', message: 'string',
        locations: [{ physicalLocation: { artifactLocation: { uri: 'broken/Corefile' }, region: { startLine: 1, startColumn: 3, endLine: 1, endColumn: 4 } } }],
      },
      {
        ruleId: 'forward/loop-risk', ruleIndex: 1, level: 'warning', message: 'string',
        locations: [{ physicalLocation: { artifactLocation: { uri: 'warning/Corefile' } , region: { startLine: 2, startColumn: 13, endLine: 2, endColumn: 23 } } }],
      },
    ]);
  });

  test('information becomes a note, and related places become related locations', () => {
    const corefile = 'example.org {\n  whoami\n}\nexample.org {\n  whoami\n}\n{$UNSET}.example {\n}\n';
    const result = run(['lint', '--format', 'sarif', '--lang', 'corefile', '-'], { stdin: corefile });
    const log = JSON.parse(result.stdout) as { runs: Array<{ results: Array<{ ruleId: string; level: string; relatedLocations?: Array<{ physicalLocation: { region: { startLine: number } } }> }> }> };
    const byRule = new Map(log.runs[0]!.results.map((r) => [r.ruleId, r]));
    assert.equal(byRule.get('core/duplicate-address')?.level, 'error');
    assert.equal(byRule.get('core/duplicate-address')?.relatedLocations?.[0]?.physicalLocation.region.startLine, 1);
    assert.equal(byRule.get('env/unknown-variable')?.level, 'note');
  });
});

describe('corefile lint, directories', () => {
  let scratch: string;
  before(() => {
    scratch = mkdtempSync(join(tmpdir(), 'corefile-lint-'));
    // Built here rather than kept as fixtures: git cannot hold a .git folder, and node_modules is ignored.
    const files: Record<string, string> = {
      'project/Corefile': '. {\n  whoami\n}\n',
      'project/node_modules/some-package/Corefile': '. {\n  whoami\n',
      'project/.git/Corefile': '. {\n  whoami\n',
      'project/deep/er/still/site.corefile': '. {\n  notaplugin\n}\n',
      'nothing/notes.txt': 'not a Corefile\n',
    };
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(scratch, path)), { recursive: true });
      writeFileSync(join(scratch, path), text);
    }
  });
  after(() => rmSync(scratch, { recursive: true, force: true }));

  test('recurses, and skips node_modules and .git', () => {
    const result = run(['lint', 'project'], { cwd: scratch });
    assertLines(result.stdout, [finding(join('project', 'deep/er/still/site.corefile'), 2, 3, 'error', 'core/unknown-directive'), '2 files, 1 error, 0 warnings']);
    assert.equal(result.status, 1);
  });

  test('a directory with nothing to lint says so and exits 0', () => {
    const result = run(['lint', 'nothing'], { cwd: scratch });
    assert.equal(result.status, 0);
    assert.equal(result.stdout, '0 files, 0 errors, 0 warnings\n');
    assert.match(result.stderr, /found no Corefile, resolv\.conf or YAML file under nothing/);
  });
});

describe('corefile lint, usage errors exit 2', () => {
  const cases: Array<{ name: string; args: string[]; stderr: RegExp }> = [
    { name: 'no PATH', args: [], stderr: /no PATH given/ },
    { name: 'an unknown option', args: ['--bogus', 'clean/Corefile'], stderr: /unknown option '--bogus'/ },
    { name: 'an unknown short option', args: ['-x', 'clean/Corefile'], stderr: /unknown option '-x'/ },
    { name: 'a missing value', args: ['clean/Corefile', '--format'], stderr: /option '--format' needs a value/ },
    { name: 'a value where none belongs', args: ['--quiet=yes', 'clean/Corefile'], stderr: /'--quiet' takes no value/ },
    { name: 'an unknown format', args: ['--format', 'xml', 'clean/Corefile'], stderr: /unknown output format 'xml'\. Use --format text, --format json or --format sarif/ },
    { name: 'a version without a patch number', args: ['--coredns-version', '1.14', 'clean/Corefile'], stderr: /'1\.14' is not a CoreDNS release\. Write it as X\.Y\.Z/ },
    { name: 'a version with a v', args: ['--coredns-version=v1.14.7', 'clean/Corefile'], stderr: /'v1\.14\.7' is not a CoreDNS release/ },
    { name: 'an unknown resolver', args: ['--resolver', 'bsd', 'clean/Corefile'], stderr: /unknown resolver 'bsd'\. Use --resolver glibc or --resolver musl/ },
    { name: 'an unknown language', args: ['--lang', 'toml', 'clean/Corefile'], stderr: /unknown language 'toml'/ },
    { name: 'a plugin name with a space', args: ['--external-plugin', 'my plugin', 'clean/Corefile'], stderr: /'my plugin' is not a directive name/ },
    { name: '--env without =', args: ['--env', 'PLUGIN', 'clean/Corefile'], stderr: /'--env PLUGIN' is not KEY=VALUE/ },
    { name: '--env with an empty name', args: ['--env', '=x', 'clean/Corefile'], stderr: /'--env =x' is not KEY=VALUE/ },
    { name: 'a malformed --env-file', args: ['--env-file', 'env/bad.env', 'clean/Corefile'], stderr: /env\/bad\.env:1: 'PLUGIN notaplugin' is not KEY=VALUE/ },
  ];
  for (const c of cases) {
    test(c.name, () => {
      const result = run(['lint', ...c.args]);
      assert.equal(result.status, 2);
      assert.equal(result.stdout, '');
      assert.match(result.stderr, c.stderr);
      assert.match(result.stderr, /Run 'corefile lint --help' for the options\./);
    });
  }

  const unreadable: Array<{ name: string; args: string[]; stderr: RegExp; stdout: string }> = [
    { name: 'a missing file', args: ['missing/Corefile'], stderr: /cannot read missing\/Corefile: no such file or directory\. Check the path/, stdout: '0 files, 0 errors, 0 warnings\n' },
    { name: 'a missing file beside a clean one', args: ['clean/Corefile', 'missing/Corefile'], stderr: /cannot read missing\/Corefile/, stdout: '1 file, 0 errors, 0 warnings\n' },
    { name: 'a file whose kind cannot be told', args: ['unnamed/dns.conf'], stderr: /cannot tell what kind of file unnamed\/dns\.conf is from its name\. Pass --lang corefile/, stdout: '0 files, 0 errors, 0 warnings\n' },
  ];
  for (const c of unreadable) {
    test(c.name, () => {
      const result = run(['lint', ...c.args]);
      assert.equal(result.status, 2);
      assert.match(result.stderr, c.stderr);
      assert.equal(result.stdout, c.stdout);
    });
  }
});

// Node itself looks at an `--env-file` argument even after the script's name (nodejs/node#54232): when the
// file is missing, node exits with 9 before the CLI runs. So this case runs the CLI's code in process.
test('a missing --env-file is a usage error (in process)', async () => {
  let stdout = '';
  let stderr = '';
  const io = { stdout: (t: string) => void (stdout += t), stderr: (t: string) => void (stderr += t), readStdin: async () => '' };
  const missing = join(fixtures, 'env/missing.env');
  const status = await runCli(['lint', '--env-file', missing, join(fixtures, 'clean/Corefile')], io);
  assert.equal(status, 2);
  assert.equal(stdout, '');
  assert.equal(stderr, `corefile lint: cannot read the --env-file ${missing}: no such file or directory. Check the path.\nRun 'corefile lint --help' for the options.\n`);
});

// The installed `corefile` command is dist/cli.js run through its own first line, which passes `--` to node
// so that Node does not read the CLI's `--env-file` as its own option.
test('the corefile executable reports a missing --env-file itself', { skip: process.platform === 'win32' }, () => {
  const missing = join(fixtures, 'env/missing.env');
  const result = spawnSync(cli, ['lint', '--env-file', missing, join(fixtures, 'clean/Corefile')], { encoding: 'utf8' });
  assert.equal(result.status, 2, result.stderr);
  assert.match(result.stderr, /^corefile lint: cannot read the --env-file .*missing\.env: no such file or directory/);
});

describe('corefile command', () => {
  const version = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;
  const cases: Array<{ name: string; args: string[]; status: number; stdout: RegExp | string; stderr: RegExp | string }> = [
    { name: '--version', args: ['--version'], status: 0, stdout: `${version}\n`, stderr: '' },
    { name: '--help', args: ['--help'], status: 0, stdout: /^Usage: corefile <command>[\s\S]*\n  lint /, stderr: '' },
    { name: 'lint --help', args: ['lint', '--help'], status: 0, stdout: /^Usage: corefile lint \[options\] PATH\.\.\.[\s\S]*--external-plugin NAME/, stderr: '' },
    { name: 'lint -h', args: ['lint', '-h'], status: 0, stdout: /^Usage: corefile lint/, stderr: '' },
    { name: 'no command', args: [], status: 2, stdout: '', stderr: /^Usage: corefile <command>/ },
    { name: 'fmt --help', args: ['fmt', '--help'], status: 0, stdout: /^Usage: corefile fmt \[--check \| --write\]/, stderr: '' },
    { name: 'an unknown command', args: ['frobnicate'], status: 2, stdout: '', stderr: /unknown command 'frobnicate'\. Available commands: lint, fmt, resolve, test\./ },
    { name: 'an unknown top-level option', args: ['--frobnicate'], status: 2, stdout: '', stderr: /unknown option '--frobnicate'\. Available commands: lint, fmt, resolve, test\./ },
  ];
  for (const c of cases) {
    test(c.name, () => {
      const result = run(c.args);
      assert.equal(result.status, c.status);
      if (typeof c.stdout === 'string') assert.equal(result.stdout, c.stdout);
      else assert.match(result.stdout, c.stdout);
      if (typeof c.stderr === 'string') assert.equal(result.stderr, c.stderr);
      else assert.match(result.stderr, c.stderr);
    });
  }

  test('the help lists every command that is built', () => {
    const help = run(['--help']).stdout;
    for (const built of ['lint', 'fmt', 'resolve', 'test']) assert.match(help, new RegExp(`^\\s+${built}\\b`, 'm'));
  });
});
