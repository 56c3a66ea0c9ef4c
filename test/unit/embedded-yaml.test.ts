// Corefiles found in Kubernetes YAML through the core's facade: which keys are analysed, how, and where
// their findings land in the YAML file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { emptyHost } from '../../server/src/core/host.js';
import { analyzeDocument } from '../../server/src/core/service.js';
import { defaultSettings } from '../../server/src/core/settings.js';
import { sharedAvailable, sharedDir, repoRoot } from '../support/shared.js';

const lint = (text: string): string[] =>
  analyzeDocument({ uri: 'file:///cm.yaml', text, language: 'yaml' }, defaultSettings, emptyHost).diagnostics
    .map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1}-${d.range.end.line + 1}:${d.range.end.character + 1} ${d.severity} ${d.code}`);
const fixture = (name: string): string => readFileSync(join(repoRoot, 'test', 'fixtures', 'embedded', name), 'utf8');

const CASES: Array<{ name: string; yaml: string; expected: string[] }> = [
  {
    name: 'a ConfigMap in a List, second document of a multi-document file',
    yaml: fixture('multi-doc-list.yaml'),
    expected: ['17:13-17:18 error core/unknown-directive'],
  },
  {
    name: 'AKS coredns-custom: the custom keys are imported where the Corefile imports them',
    yaml: fixture('aks-custom.yaml'),
    expected: [
      '11:19-11:35 warning forward/loop-risk',
      // The second cache is refused once the override is pasted into the `.:53` block holding `cache 30`.
      '25:5-25:10 error core/once-per-block',
      '28:9-28:15 error core/unknown-directive',
    ],
  },
  {
    name: 'after a comment holding a lone carriage return, findings land on the editor\'s lines',
    yaml: '# old\rnote\nkind: ConfigMap\ndata:\n  Corefile: |\n    .:53 {\n        bogus\n    }\n',
    expected: ['7:9-7:14 error core/unknown-directive'],
  },
  {
    name: 'an override alone is checked as the body of a .:53 block',
    yaml: 'kind: ConfigMap\ndata:\n  a.override: |\n    cache 10\n    cache 20\n    bogus\n',
    expected: ['5:5-5:10 error core/once-per-block', '6:5-6:10 error core/unknown-directive'],
  },
  {
    name: 'a Helm template is named once, and its templated lines are not reported',
    yaml: 'kind: ConfigMap\ndata:\n  Corefile: |-\n    .:53 {\n        {{- range .Values.plugins }}\n        {{ .name }}\n        {{- end }}\n    }\n',
    expected: ['3:3-3:11 information embedded/template-partly-checked'],
  },
  {
    name: "CoreDNS's own {%VAR%} is not template syntax",
    yaml: 'kind: ConfigMap\ndata:\n  Corefile: |\n    .:53 {\n        bogus {%PORT%}\n    }\n',
    expected: ['5:9-5:14 error core/unknown-directive', '5:15-5:23 information env/unknown-variable'],
  },
  {
    name: 'other keys of a ConfigMap are not Corefiles',
    yaml: 'kind: ConfigMap\ndata:\n  NodeHosts: |\n    bogus\n  Corefile.bak: "bogus"\n',
    expected: [],
  },
  {
    name: 'YAML that is not a ConfigMap',
    yaml: 'kind: Deployment\nspec:\n  data:\n    Corefile: |\n      bogus\n',
    expected: [],
  },
];

for (const c of CASES) {
  test(c.name, () => assert.deepEqual(lint(c.yaml), c.expected));
}

/**
 * ConfigMaps of the corpus whose Corefile CoreDNS refuses, with the finding that says why; they must get
 * that finding rather than silence.
 */
const REFUSED_BY_COREDNS: Record<string, { code: string; why: string }> = {
  'kubernetes-sigs-kubespray__coredns-config.full-options.rendered.yaml': {
    code: 'cache/bad-ttl',
    why: "rendered with the sample 'cache 0'; plugin/cache/setup.go refuses a TTL of zero",
  },
  'kubernetes-sigs-kubespray__nodelocaldns-config.full-options.rendered.yaml': {
    code: 'cache/bad-ttl',
    why: "rendered with the sample 'cache 0'; plugin/cache/setup.go refuses a TTL of zero",
  },
  'MicrosoftDocs-azure-docs__aks-coredns-custom-rewrite.yaml': {
    code: 'rewrite/extra-arguments',
    why: "the placeholder '<domain to be rewritten>' splits into several words; the rendered variant is the real case",
  },
};

const skip = sharedAvailable() ? false : '../shared is not present';

test('corpus: ConfigMaps whose Corefile CoreDNS accepts get no error', { skip }, async (t) => {
  const dir = join(sharedDir, 'corpus', 'configmaps');
  const names = readdirSync(dir).sort();
  // A raw sed template (placeholders such as '}STUBDOMAINS') with a rendered variant beside it is not what
  // CoreDNS reads; the rendered one is checked. Go and Jinja templates are checked raw too: their literal
  // parts must not get an error either (see embedded/template.ts).
  const isRawSedTemplate = (name: string): boolean =>
    !name.includes('.rendered') &&
    !/\{\{|\{%/.test(readFileSync(join(dir, name), 'utf8')) &&
    names.some((other) => other !== name && other.includes('.rendered') && other.startsWith(name.replace(/\.ya?ml$/, '')));
  for (const name of names) {
    const refused = REFUSED_BY_COREDNS[name];
    await t.test(name, { skip: !refused && isRawSedTemplate(name) ? 'raw sed template; its rendered variant is checked' : false }, () => {
      const errors = lint(readFileSync(join(dir, name), 'utf8')).filter((d) => d.includes(' error '));
      if (refused) assert.ok(errors.some((e) => e.endsWith(refused.code)), `expected ${refused.code}: ${refused.why}`);
      else assert.deepEqual(errors, []);
    });
  }
});
