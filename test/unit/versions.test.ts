// Version awareness: which CoreDNS release knows which directive, option and argument form, and the
// list of well-known external plugins. Each table row asks the public functions one question.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  compareVersions,
  formatVersion,
  isAtLeast,
  isVersionString,
  parseVersion,
} from '../../server/src/core/plugins/semver.js';
import {
  KNOWN_VERSIONS,
  LATEST_KNOWN_VERSION,
  OLDEST_KNOWN_VERSION,
  UNRELEASED,
  anyOptionNotAvailable,
  directiveStatus,
  featureStatus,
  ignoresUnknownOptions,
  isKnownVersion,
  optionHistory,
  optionStatus,
  optionsOf,
  type DirectiveStatus,
  type OptionStatus,
} from '../../server/src/core/plugins/versions.js';
import { DIRECTIVE_SINCE, FEATURE_HISTORY, OPTION_HISTORY, REMOVED_DIRECTIVES } from '../../server/src/core/plugins/versions-data.js';
import { EXTERNAL_PLUGINS, findExternalPlugin } from '../../server/src/core/plugins/external.js';
import { PLUGIN_ORDER } from '../../server/src/core/plugins/order.js';

test('semver: which strings are versions', () => {
  const cases: Array<[string, boolean]> = [
    ['1.14.7', true],
    ['0.0.0', true],
    ['10.20.30', true],
    ['1.14', false],
    ['v1.14.7', false],
    ['1.14.7-rc1', false],
    ['1.014.7', false],
    ['1.14.7 ', false],
    ['', false],
    ['1.x.0', false],
    ['99999999999999999999.0.0', false],
  ];
  for (const [text, expected] of cases) assert.equal(isVersionString(text), expected, text);
});

test('semver: parse and format round-trip', () => {
  assert.deepEqual(parseVersion('1.12.4'), { major: 1, minor: 12, patch: 4 });
  assert.equal(parseVersion('1.12'), undefined);
  assert.equal(formatVersion({ major: 1, minor: 9, patch: 0 }), '1.9.0');
});

test('semver: ordering compares numbers, not text', () => {
  const cases: Array<[string, string, number]> = [
    ['1.10.0', '1.9.4', 1],
    ['1.9.4', '1.10.0', -1],
    ['1.8.10', '1.8.9', 1],
    ['2.0.0', '1.99.99', 1],
    ['1.14.7', '1.14.7', 0],
    ['garbage', '1.0.0', -1],
    ['1.0.0', 'garbage', 1],
  ];
  for (const [a, b, sign] of cases) assert.equal(Math.sign(compareVersions(a, b)), sign, `${a} vs ${b}`);
  assert.equal(isAtLeast('1.10.1', '1.9.4'), true);
  assert.equal(isAtLeast('1.9.3', '1.9.4'), false);
  assert.equal(isAtLeast('nonsense', '1.0.0'), false);
});

test('known versions: every release from 1.6.0 to 1.14.7, sorted, no duplicates', () => {
  assert.equal(KNOWN_VERSIONS[0], '1.6.0');
  assert.equal(OLDEST_KNOWN_VERSION, '1.6.0');
  assert.equal(LATEST_KNOWN_VERSION, '1.14.7');
  assert.equal(KNOWN_VERSIONS.length, 47);
  assert.equal(new Set(KNOWN_VERSIONS).size, KNOWN_VERSIONS.length);
  for (let i = 1; i < KNOWN_VERSIONS.length; i++) {
    assert.ok(compareVersions(KNOWN_VERSIONS[i - 1]!, KNOWN_VERSIONS[i]!) < 0, `${KNOWN_VERSIONS[i - 1]} before ${KNOWN_VERSIONS[i]}`);
  }
  const cases: Array<[string, boolean]> = [
    ['1.6.0', true], ['1.8.2', true], ['1.11.1', true], ['1.11.3', true], ['1.14.7', true],
    ['1.11.2', false], ['1.5.2', false], ['1.14.8', false], ['1.10.2', false], ['v1.14.7', false],
  ];
  for (const [version, expected] of cases) assert.equal(isKnownVersion(version), expected, version);
});

test('directives: each of the 60 current directives has a first release within the range', () => {
  const names = DIRECTIVE_SINCE.map((entry) => entry.name);
  assert.equal(new Set(names).size, names.length, 'no duplicates');
  assert.deepEqual([...names].sort(), [...PLUGIN_ORDER].sort());
  for (const entry of DIRECTIVE_SINCE) {
    assert.ok(isKnownVersion(entry.since), `${entry.name} since ${entry.since}`);
    assert.ok(entry.source.length > 0, `${entry.name} has a source`);
    assert.deepEqual(directiveStatus(entry.name, LATEST_KNOWN_VERSION), { status: 'available' }, entry.name);
  }
});

test('directives: the same name against several releases', () => {
  const cases: Array<[string, string, DirectiveStatus]> = [
    ['forward', '1.6.0', { status: 'available' }],
    ['acl', '1.6.3', { status: 'not-yet', since: '1.6.4' }],
    ['acl', '1.6.4', { status: 'available' }],
    ['transfer', '1.6.4', { status: 'not-yet', since: '1.6.5' }],
    ['dns64', '1.6.9', { status: 'not-yet', since: '1.7.0' }],
    ['local', '1.8.0', { status: 'not-yet', since: '1.8.1' }],
    ['minimal', '1.8.3', { status: 'not-yet', since: '1.8.4' }],
    ['header', '1.8.4', { status: 'not-yet', since: '1.8.5' }],
    ['geoip', '1.8.5', { status: 'available' }],
    ['tsig', '1.9.3', { status: 'not-yet', since: '1.9.4' }],
    ['view', '1.9.4', { status: 'not-yet', since: '1.10.0' }],
    ['view', '1.10.0', { status: 'available' }],
    ['timeouts', '1.10.0', { status: 'not-yet', since: '1.10.1' }],
    ['multisocket', '1.11.4', { status: 'not-yet', since: '1.12.0' }],
    ['quic', '1.12.1', { status: 'not-yet', since: '1.12.2' }],
    ['nomad', '1.12.4', { status: 'not-yet', since: '1.13.0' }],
    ['https3', '1.13.2', { status: 'not-yet', since: '1.14.0' }],
    ['grpc_server', '1.14.0', { status: 'available' }],
    ['proxyproto', '1.14.1', { status: 'not-yet', since: '1.14.2' }],
    ['proxyproto', '1.14.2', { status: 'available' }],
    ['shed', '1.14.6', { status: 'not-yet', since: '1.14.7' }],
    ['shed', '1.14.7', { status: 'available' }],
    ['federation', '1.6.9', { status: 'available' }],
    ['federation', '1.7.0', { status: 'removed', lastVersion: '1.6.9', note: REMOVED_DIRECTIVES.find((d) => d.name === 'federation')!.note }],
    ['proxy', '1.6.0', { status: 'removed', lastVersion: '1.4.0', replacement: 'forward', note: REMOVED_DIRECTIVES.find((d) => d.name === 'proxy')!.note }],
    ['fanout', '1.14.7', { status: 'unknown' }],
    ['Forward', '1.14.7', { status: 'unknown' }],
  ];
  for (const [name, version, expected] of cases) assert.deepEqual(directiveStatus(name, version), expected, `${name} @ ${version}`);
});

test('directives: removed names carry a replacement where CoreDNS has one', () => {
  const expected: Record<string, string | undefined> = {
    proxy: 'forward', federation: undefined, reverse: 'template', startup: 'on', shutdown: 'on',
  };
  for (const [name, replacement] of Object.entries(expected)) {
    const status = directiveStatus(name, '1.14.7');
    assert.equal(status.status, 'removed', name);
    if (status.status === 'removed') assert.equal(status.replacement, replacement, name);
  }
});

test('directives: an unreadable target version is treated as the latest release', () => {
  assert.deepEqual(directiveStatus('shed', 'latest'), { status: 'available' });
  assert.equal(directiveStatus('federation', '').status, 'removed');
});

function brief(status: OptionStatus): string {
  switch (status.status) {
    case 'available': return 'available';
    case 'not-yet': return `not-yet ${status.since}`;
    case 'deprecated': return `deprecated ${status.since}${status.replacement ? ` -> ${status.replacement}` : ''}`;
    case 'removed': return `removed after ${status.lastVersion}${status.replacement ? ` -> ${status.replacement}` : ''}`;
  }
}

test('options: the same option against several releases', () => {
  const cases: Array<[string, string, string, string]> = [
    ['forward', 'next', '1.8.0', 'not-yet 1.11.4'],
    ['forward', 'next', '1.11.3', 'not-yet 1.11.4'],
    ['forward', 'next', '1.11.4', 'available'],
    ['forward', 'failfast_all_unhealthy_upstreams', '1.12.0', 'not-yet 1.12.1'],
    ['forward', 'failfast_all_unhealthy_upstreams', '1.12.1', 'available'],
    ['forward', 'failover', '1.12.4', 'not-yet 1.13.0'],
    ['forward', 'max_concurrent', '1.6.7', 'not-yet 1.6.8'],
    ['forward', 'max_concurrent', '1.6.8', 'available'],
    ['forward', 'max_idle_conns', '1.14.0', 'not-yet 1.14.1'],
    ['forward', 'source_address', '1.14.5', 'not-yet 1.14.6'],
    ['forward', 'except', '1.6.0', 'available'],
    ['cache', 'serve_stale', '1.6.5', 'not-yet 1.6.6'],
    ['cache', 'serve_stale', '1.6.6', 'available'],
    ['cache', 'keepttl', '1.10.0', 'not-yet 1.10.1'],
    ['cache', 'servfail', '1.9.3', 'not-yet 1.9.4'],
    ['cache', 'serve_stale_policy', '1.14.6', 'not-yet 1.14.7'],
    ['hosts', 'fallthrough_unsupported', '1.14.6', 'not-yet 1.14.7'],
    ['hosts', 'fallthrough_unsupported', '1.14.7', 'available'],
    ['template', 'ederror', '1.10.0', 'not-yet 1.10.1'],
    // Merged after the v1.14.7 tag, but present in the reference build that calls itself 1.14.7.
    ['template', 'var', '1.14.7', 'available'],
    ['template', 'expr', '1.14.7', 'available'],
    ['template', 'var', '1.14.6', `not-yet ${UNRELEASED}`],
    ['template', 'var', '1.15.0', 'available'],
    ['template', 'upstream', '1.14.7', 'deprecated 1.6.0'],
    ['kubernetes', 'upstream', '1.6.9', 'deprecated 1.4.0'],
    ['kubernetes', 'upstream', '1.7.0', 'removed after 1.6.9'],
    ['kubernetes', 'resyncperiod', '1.6.0', 'deprecated 1.5.0'],
    ['kubernetes', 'resyncperiod', '1.14.7', 'removed after 1.6.9'],
    ['kubernetes', 'transfer', '1.7.1', 'available'],
    ['kubernetes', 'transfer', '1.8.0', 'removed after 1.7.1 -> transfer'],
    ['file', 'transfer', '1.8.0', 'removed after 1.7.1 -> transfer'],
    ['auto', 'transfer', '1.14.7', 'removed after 1.7.1 -> transfer'],
    ['secondary', 'upstream', '1.7.1', 'deprecated 1.6.0'],
    ['secondary', 'upstream', '1.8.0', 'removed after 1.7.1'],
    ['kubernetes', 'zonal', '1.14.6', 'not-yet 1.14.7'],
    ['kubernetes', 'multicluster', '1.12.2', 'available'],
    ['header', 'set', '1.9.3', 'available'],
    ['header', 'set', '1.9.4', 'deprecated 1.9.4 -> response set'],
    ['header', 'set', '1.12.4', 'removed after 1.12.3 -> response set'],
    ['header', 'response', '1.9.3', 'not-yet 1.9.4'],
    ['route53', 'aws_access_key', '1.9.1', 'available'],
    ['route53', 'aws_access_key', '1.9.2', 'deprecated 1.9.2'],
    ['rewrite', 'cname', '1.10.1', 'not-yet 1.11.0'],
    ['rewrite', 'rcode', '1.11.1', 'not-yet 1.11.3'],
    ['acl', 'drop', '1.10.0', 'not-yet 1.10.1'],
    ['tls', 'acme', '1.14.6', 'not-yet 1.14.7'],
    ['tls', 'keylog', '1.14.3', 'available'],
    ['timeouts', 'maxtcpqueries', '1.14.6', 'not-yet 1.14.7'],
    ['errors', 'stacktrace', '1.9.2', 'not-yet 1.9.3'],
    ['dnstap', 'extra', '1.11.0', 'not-yet 1.11.1'],
    ['prometheus', 'tls', '1.14.2', 'not-yet 1.14.3'],
    ['proxyproto', 'udp_session_tracking', '1.14.2', 'not-yet 1.14.3'],
    ['secondary', 'catalog', '1.14.4', 'not-yet 1.14.5'],
  ];
  for (const [directive, option, version, expected] of cases) {
    assert.equal(brief(optionStatus(directive, option, version)), expected, `${directive} ${option} @ ${version}`);
  }
});

test('options: a directive the release lacks makes its options "not yet" from the later of the two dates', () => {
  const cases: Array<[string, string, string, string]> = [
    ['timeouts', 'read', '1.9.0', 'not-yet 1.10.1'],
    ['timeouts', 'maxtcpqueries', '1.9.0', 'not-yet 1.14.7'],
    ['dns64', 'allow_ipv4', '1.6.0', 'not-yet 1.8.7'],
    ['view', 'expr', '1.9.4', 'not-yet 1.10.0'],
    ['federation', 'upstream', '1.7.0', 'removed after 1.6.9'],
  ];
  for (const [directive, option, version, expected] of cases) {
    assert.equal(brief(optionStatus(directive, option, version)), expected, `${directive} ${option} @ ${version}`);
  }
});

test('options: removed and deprecated results explain themselves', () => {
  const status = optionStatus('kubernetes', 'transfer', '1.9.0');
  assert.equal(status.status, 'removed');
  if (status.status === 'removed') assert.match(status.note, /transfer plugin/);
  assert.equal(optionHistory('forward', 'next')?.added, '1.11.4');
  assert.equal(optionHistory('forward', 'no-such-option'), undefined);
  assert.deepEqual(optionStatus('forward', 'no-such-option', '1.6.0'), { status: 'available' });
});

test('features: argument forms against several releases', () => {
  const cases: Array<[string, string, string, string]> = [
    ['forward', 'https-upstream', '1.14.4', 'not-yet 1.14.5'],
    ['forward', 'https-upstream', '1.14.5', 'available'],
    ['forward', 'several-in-block', '1.9.3', 'not-yet 1.9.4'],
    ['forward', 'hostname-upstream', '1.14.3', 'not-yet 1.14.4'],
    ['forward', 'health-check-domain', '1.9.1', 'not-yet 1.9.2'],
    ['rewrite', 'answer-auto', '1.8.3', 'not-yet 1.8.4'],
    ['rewrite', 'edns0-unset', '1.12.3', 'available'],
    ['loadbalance', 'weighted-policy', '1.10.0', 'not-yet 1.10.1'],
    ['errors', 'consolidate-show-first', '1.13.2', 'not-yet 1.14.0'],
    ['secondary', 'transfer-to', '1.8.0', 'removed after 1.7.1 -> transfer'],
    ['kubernetes', 'several-endpoints', '1.14.7', 'deprecated 1.6.0'],
    ['dnstap', 'listen', '1.14.3', 'not-yet 1.14.4'],
  ];
  for (const [directive, feature, version, expected] of cases) {
    assert.equal(brief(featureStatus(directive, feature, version)), expected, `${directive} ${feature} @ ${version}`);
  }
});

test('lenient blocks: unknown options were silently ignored before 1.14.4', () => {
  const cases: Array<[string, string, boolean]> = [
    ['dnstap', '1.14.3', true],
    ['dnstap', '1.14.4', false],
    ['chaos', '1.10.0', true],
    ['forward', '1.10.0', false],
  ];
  for (const [directive, version, expected] of cases) assert.equal(ignoresUnknownOptions(directive, version), expected, `${directive} @ ${version}`);
});

test('option history: well-formed entries', () => {
  const current = new Set<string>(PLUGIN_ORDER);
  for (const table of [OPTION_HISTORY, FEATURE_HISTORY]) {
    const keys = table.map((entry) => `${entry.directive} ${entry.option}`);
    assert.equal(new Set(keys).size, keys.length, `duplicates: ${keys.filter((k, i) => keys.indexOf(k) !== i).join(', ')}`);
    for (const entry of table) {
      const label = `${entry.directive} ${entry.option}`;
      assert.ok(current.has(entry.directive), `${label}: directive is current`);
      assert.ok(entry.source.length > 0 && entry.note.length > 0, `${label}: source and note`);
      for (const date of [entry.added, entry.deprecated, entry.removed]) {
        if (date !== undefined) assert.ok(date === UNRELEASED || isVersionString(date), `${label}: ${date}`);
      }
      if (entry.removed) assert.ok(isKnownVersion(entry.removed), `${label}: removal in a known release`);
      if (entry.added && entry.removed) assert.ok(compareVersions(entry.added, entry.removed) < 0, `${label}: added before removed`);
      if (entry.deprecated && entry.removed) assert.ok(compareVersions(entry.deprecated, entry.removed) < 0, `${label}: deprecated before removed`);
      if (entry.replacement) assert.ok(entry.removed || entry.deprecated, `${label}: replacement only for retired things`);
    }
  }
  assert.ok(optionsOf('forward').length >= 20, 'forward options are all recorded');
});

test('external plugins: the well-known names are listed, once each, never a stock directive', () => {
  const required = [
    'fanout', 'alternate', 'unbound', 'k8s_gateway', 'records', 'redis', 'ocp_dnsnameresolver', 'filterlist',
    'dnsseed', 'gslb', 'blocker',
    // Every plugin advertised on coredns.io (content/explugins) except the built-in `on`.
    'alias', 'amazondns', 'demo', 'dump', 'ebpf', 'ens', 'example', 'finalize', 'gathersrv', 'git', 'gravwell',
    'idetcd', 'ipecho', 'ipin', 'json', 'k8s_cache', 'k8s_dns_chaos', 'k8s_event', 'kubeforward', 'kubenodes',
    'kubernetai', 'lighthouse', 'mdns', 'meship', 'meshname', 'multicluster', 'mysql', 'netbox', 'pdsql',
    'recursor', 'redisc', 'rrl', 'warnlist', 'wgsd',
  ];
  for (const name of required) {
    const plugin = findExternalPlugin(name);
    assert.ok(plugin, name);
    assert.equal(plugin.name, name);
    assert.match(plugin.repository, /^https:\/\/github\.com\/[^/]+\/[^/]+$/, `${name}: repository`);
    assert.ok(plugin.summary.length > 10 && !plugin.summary.endsWith('.'), `${name}: summary`);
  }
  const names = EXTERNAL_PLUGINS.map((plugin) => plugin.name);
  assert.equal(new Set(names).size, names.length);
  const stock = new Set<string>(PLUGIN_ORDER);
  assert.deepEqual(names.filter((name) => stock.has(name)), []);
  assert.equal(findExternalPlugin('on'), undefined);
  assert.equal(findExternalPlugin('Fanout'), undefined);
  assert.equal(findExternalPlugin('forward'), undefined);
});

// The check skips the option words of a directive when anyOptionNotAvailable says none can draw a finding,
// so that answer must agree with optionStatus for every recorded option and for a word with no record.
test('anyOptionNotAvailable agrees with optionStatus for every directive and release', () => {
  const names = [...PLUGIN_ORDER, ...REMOVED_DIRECTIVES.map((r) => r.name)];
  const versions = [...KNOWN_VERSIONS, '0.9.0', '99.0.0', 'not-a-version'];
  let possible = 0;
  for (const version of versions) {
    for (const name of names) {
      const words = [...optionsOf(name).map((o) => o.option), 'no_such_option_word'];
      const some = words.some((word) => optionStatus(name, word, version).status !== 'available');
      assert.equal(anyOptionNotAvailable(name, version), some, `${name} ${version}`);
      if (some) possible++;
    }
  }
  // The table must exercise both answers.
  assert.ok(possible > 0 && possible < versions.length * names.length);
});
