// The registry: every directive of CoreDNS 1.14 has a module, in plugin.cfg order, with complete docs whose
// examples lint clean. This is also the check that the docs and the registry never drift apart.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeCorefile } from '../../server/src/core/corefile/analyze.js';
import { emptyHost } from '../../server/src/core/host.js';
import { PLUGIN_ORDER } from '../../server/src/core/plugins/order.js';
import { modulesInOrder, pluginModule } from '../../server/src/core/plugins/registry.js';
import { defaultSettings } from '../../server/src/core/settings.js';

test('registry: all 60 directives have a module, in plugin.cfg order', () => {
  assert.equal(PLUGIN_ORDER.length, 60);
  assert.deepEqual(modulesInOrder().map((m) => m.name), [...PLUGIN_ORDER]);
});

for (const name of PLUGIN_ORDER) {
  test(`registry: ${name} is documented and its examples lint clean`, () => {
    const module = pluginModule(name);
    assert.ok(module, `no module for ${name}`);
    const { docs } = module;
    assert.ok(docs.summary.trim().length > 10, 'summary');
    assert.ok(docs.behaviour.trim().length > 10, 'behaviour');
    assert.ok(docs.syntax.length > 0 && docs.syntax[0]!.startsWith(name), 'the syntax starts with the directive');
    for (const p of [...docs.arguments, ...docs.options]) assert.ok(p.name && p.syntax && p.description, `parameter ${p.name} is documented`);
    assert.ok(docs.examples.length > 0, 'at least one example');
    for (const example of docs.examples) {
      // A bare directive line is wrapped in a server block, as a reader would paste it.
      const firstWord = example.trimStart().split(/\s/)[0];
      const text = firstWord === name ? `. {\n${example}\n}\n` : example;
      const { diagnostics } = analyzeCorefile({ uri: 'file:///docs/Corefile', text }, defaultSettings, emptyHost);
      assert.deepEqual(diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.code}: ${d.message}`), [], text);
    }
  });
}
