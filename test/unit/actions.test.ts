// Quick fixes through the core's public entry point, quickFixes. Each case marks the cursor with ‸ and
// lists the titles offered there; `after` is the document once the first fix is applied. Every offered
// fix is also applied and the result analysed again: the fix's finding must be gone (its code occurs
// less often) and no error may appear that was not there before.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { quickFixes } from '../../server/src/core/features/actions.js';
import { applyEdits } from '../../server/src/core/features/format/edits.js';
import { emptyHost } from '../../server/src/core/host.js';
import { analyzeDocument } from '../../server/src/core/service.js';
import { withDefaults, type AnalysisSettings } from '../../server/src/core/settings.js';
import type { LanguageId } from '../../server/src/core/types.js';
import { parseMarkers } from '../support/markers.js';

interface ActionCase {
  name: string;
  language: LanguageId;
  /** The document with ‸ where the editor asks for fixes. */
  text: string;
  titles: string[];
  /** The document after the first offered fix; required when a fix is offered. */
  after?: string;
  /** The code of the finding the first fix repairs. */
  code?: string;
  preferred?: boolean;
  settings?: Partial<AnalysisSettings>;
}

const configMap = (data: string): string => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: coredns\n  namespace: kube-system\ndata:\n${data}`;

const cases: ActionCase[] = [
  // Unknown directives with a close name.
  { name: 'a misspelt directive', language: 'corefile', text: '. {\n    cach‸ 30\n    whoami\n}\n', titles: ["Change 'cach' to 'cache'"], after: '. {\n    cache 30\n    whoami\n}\n', code: 'core/unknown-directive', preferred: true },
  { name: 'the cursor at the start of the word', language: 'corefile', text: '. {\n    ‸forwrd . 8.8.8.8\n}\n', titles: ["Change 'forwrd' to 'forward'"], after: '. {\n    forward . 8.8.8.8\n}\n', code: 'core/unknown-directive' },
  { name: 'a case slip in a directive', language: 'corefile', text: '. {\n    Whoami‸\n}\n', titles: ["Change 'Whoami' to 'whoami'"], after: '. {\n    whoami\n}\n', code: 'core/unknown-directive' },
  { name: 'no close name: no fix', language: 'corefile', text: '. {\n    zzzzzzzz‸\n}\n', titles: [] },
  { name: 'a fix that would make a new error is not offered', language: 'corefile', text: '. {\n    cach‸ 0\n}\n', titles: [] },
  { name: 'the renamed directive would repeat a refused one: not offered', language: 'corefile', text: '. {\n    cache 30\n    cach‸ 10\n}\n', titles: [] },
  { name: 'the cursor away from any finding', language: 'corefile', text: '. {\n    cach 30\n    whoami‸\n}\n', titles: [] },
  { name: 'a quoted directive name is not rewritten', language: 'corefile', text: '. {\n    "cach‸" 30\n}\n', titles: [] },
  { name: 'a typo inside a snippet is left alone (other blocks import it)', language: 'corefile', text: '(common) {\n    cach‸ 30\n}\n. {\n    import common\n}\n', titles: [] },
  // Repeats.
  { name: 'a second cache: its line goes', language: 'corefile', text: '. {\n    cache 30\n    cache‸ 60\n    whoami\n}\n', titles: ["Remove this repeated 'cache'"], after: '. {\n    cache 30\n    whoami\n}\n', code: 'core/once-per-block', preferred: false },
  { name: 'a second cache with its option block and a comment', language: 'corefile', text: '. {\n    cache 30\n    cache‸ {\n        success 100\n    } # again\n    whoami\n}\n', titles: ["Remove this repeated 'cache'"], after: '. {\n    cache 30\n    whoami\n}\n', code: 'core/once-per-block' },
  { name: 'a second cache after a quoted word holding a lone carriage return', language: 'corefile', text: '. {\n    log "a\rb"\n    cache 30\n    cache‸ 60\n    whoami # keep\n}\n', titles: ["Remove this repeated 'cache'"], after: '. {\n    log "a\rb"\n    cache 30\n    whoami # keep\n}\n', code: 'core/once-per-block' },
  { name: 'an ignored repeat is removed, preferred', language: 'corefile', text: '. {\n    reload\n    reload‸ 10s\n    whoami\n}\n', titles: ["Remove this repeated 'reload'"], after: '. {\n    reload\n    whoami\n}\n', code: 'core/ignored-repeat', preferred: true },
  { name: 'a repeat on the last line of a brace-less block', language: 'corefile', text: '.\nwhoami\nreload\nreload‸', titles: ["Remove this repeated 'reload'"], after: '.\nwhoami\nreload', code: 'core/ignored-repeat' },
  { name: 'the first occurrence is not the finding', language: 'corefile', text: '. {\n    cache‸ 30\n    cache 60\n}\n', titles: [] },
  // Removed directives.
  { name: 'proxy becomes forward', language: 'corefile', text: '. {\n    proxy‸ . 8.8.8.8\n}\n', titles: ["Replace 'proxy' with 'forward'"], after: '. {\n    forward . 8.8.8.8\n}\n', code: 'version/directive-removed', preferred: true },
  { name: 'proxy with options forward refuses: not offered', language: 'corefile', text: '. {\n    proxy‸ . 8.8.8.8 {\n        spray\n    }\n}\n', titles: [] },
  { name: 'proxy in a release that still has it: nothing to fix', language: 'corefile', text: '. {\n    proxy‸ . 8.8.8.8\n}\n', titles: [], settings: { corednsVersion: '1.4.0' } },
  // resolv.conf.
  { name: 'a misspelt keyword', language: 'resolvconf', text: 'nameserver 10.0.0.10\nserach‸ svc.cluster.local\n', titles: ["Change 'serach' to 'search'"], after: 'nameserver 10.0.0.10\nsearch svc.cluster.local\n', code: 'resolvconf/unknown-keyword', preferred: true },
  { name: 'a misspelt keyword after a comment holding a lone carriage return', language: 'resolvconf', text: '# old\rnote\nserach‸ svc.cluster.local\n', titles: ["Change 'serach' to 'search'"], after: '# old\rnote\nsearch svc.cluster.local\n', code: 'resolvconf/unknown-keyword' },
  { name: 'a keyword in capitals is explained, not guessed', language: 'resolvconf', text: 'Nameserver‸ 10.0.0.10\n', titles: [] },
  { name: 'a misspelt option keeps its value', language: 'resolvconf', text: 'nameserver 10.0.0.10\noptions ndost‸:2 rotate\n', titles: ["Change 'ndost:2' to 'ndots:2'"], after: 'nameserver 10.0.0.10\noptions ndots:2 rotate\n', code: 'resolvconf/unknown-option' },
  { name: 'an unknown option with no close name', language: 'resolvconf', text: 'nameserver 10.0.0.10\noptions zzzzzzzz‸\n', titles: [] },
  // Kubernetes YAML: literal, folded and quoted scalars, .override keys and templates.
  { name: 'YAML literal block: a typo', language: 'yaml', text: configMap('  Corefile: |\n    .:53 {\n        cach‸ 30\n        whoami\n    }\n'), titles: ["Change 'cach' to 'cache'"], after: configMap('  Corefile: |\n    .:53 {\n        cache 30\n        whoami\n    }\n'), code: 'core/unknown-directive' },
  { name: 'YAML literal block: a repeated line goes with its indentation', language: 'yaml', text: configMap('  Corefile: |\n    .:53 {\n        cache 30\n        cache‸ 60\n        whoami\n    }\n'), titles: ["Remove this repeated 'cache'"], after: configMap('  Corefile: |\n    .:53 {\n        cache 30\n        whoami\n    }\n'), code: 'core/once-per-block' },
  { name: 'YAML folded block: a typo', language: 'yaml', text: configMap('  Corefile: >\n    .:53 {\n\n        cach‸ 30\n\n        whoami\n\n    }\n'), titles: ["Change 'cach' to 'cache'"], after: configMap('  Corefile: >\n    .:53 {\n\n        cache 30\n\n        whoami\n\n    }\n'), code: 'core/unknown-directive' },
  { name: 'YAML double-quoted scalar: a typo', language: 'yaml', text: configMap('  Corefile: ".:53 {\\n    cach‸ 30\\n    whoami\\n}\\n"\n'), titles: ["Change 'cach' to 'cache'"], after: configMap('  Corefile: ".:53 {\\n    cache 30\\n    whoami\\n}\\n"\n'), code: 'core/unknown-directive' },
  { name: 'YAML double-quoted scalar: a repeated line', language: 'yaml', text: configMap('  Corefile: ".:53 {\\n    cache 30\\n    cache‸ 60\\n    whoami\\n}\\n"\n'), titles: ["Remove this repeated 'cache'"], after: configMap('  Corefile: ".:53 {\\n    cache 30\\n    whoami\\n}\\n"\n'), code: 'core/once-per-block' },
  { name: 'YAML .override key: a typo', language: 'yaml', text: configMap('  log.override: |\n    errros‸\n'), titles: ["Change 'errros' to 'errors'"], after: configMap('  log.override: |\n    errors\n'), code: 'core/unknown-directive' },
  { name: 'YAML .override key: a repeat in the override', language: 'yaml', text: configMap('  a.override: |\n    cache 30\n    cache‸ 60\n'), titles: ["Remove this repeated 'cache'"], after: configMap('  a.override: |\n    cache 30\n'), code: 'core/once-per-block' },
  { name: 'YAML .override key: the last line, no line break after it', language: 'yaml', text: configMap('  a.override: |-\n    cache 30\n    cache‸ 60\n'), titles: ["Remove this repeated 'cache'"], after: configMap('  a.override: |-\n    cache 30\n'), code: 'core/once-per-block' },
  { name: 'YAML templated line: no fix', language: 'yaml', text: configMap('  Corefile: |\n    .:53 {\n        {{- if .Values.cache }}\n        cach‸ 30\n        {{- end }}\n        whoami\n    }\n'), titles: [] },
  { name: 'YAML outside the Corefile', language: 'yaml', text: configMap('  Corefile: |\n    .:53 {\n        cach 30\n    }\n').replace('name: coredns', 'name: coredns‸'), titles: [] },
  // Broken input never throws and gets no fix it cannot prove.
  { name: 'an unclosed block: the typo is still fixed, the syntax error stays', language: 'corefile', text: '. {\n    cach‸ 30\n', titles: ["Change 'cach' to 'cache'"], after: '. {\n    cache 30\n', code: 'core/unknown-directive' },
  { name: 'YAML that is not a ConfigMap', language: 'yaml', text: 'a: [\n  cach‸\n', titles: [] },
];

describe('quick fixes', () => {
  for (const c of cases) {
    test(c.name, () => {
      const { text, cursor } = parseMarkers(c.text);
      const settings = withDefaults(c.settings);
      const doc = { uri: 'file:///w/doc', text, language: c.language };
      const fixes = quickFixes(doc, { start: cursor, end: cursor }, settings, emptyHost);
      assert.deepEqual(fixes.map((f) => f.title), c.titles);
      if (fixes.length === 0) return;
      assert.ok(c.after !== undefined, 'a case that offers a fix says the text after it');
      assert.equal(applyEdits(text, fixes[0]!.edits), c.after);
      if (c.code !== undefined) assert.equal(fixes[0]!.diagnostic.code, c.code);
      if (c.preferred !== undefined) assert.equal(fixes[0]!.isPreferred, c.preferred);
      const errorsBefore = analyzeDocument(doc, settings, emptyHost).diagnostics;
      for (const fix of fixes) {
        const fixed = analyzeDocument({ ...doc, text: applyEdits(text, fix.edits) }, settings, emptyHost).diagnostics;
        assert.ok(fixed.filter((d) => d.code === fix.diagnostic.code).length < errorsBefore.filter((d) => d.code === fix.diagnostic.code).length, `${fix.title}: the finding is gone`);
        const newErrors = fixed.filter((d) => d.severity === 'error' && !errorsBefore.some((b) => b.code === d.code));
        assert.deepEqual(newErrors.map((d) => d.code), [], `${fix.title}: no new error`);
      }
    });
  }
});
