// The registry: every directive of CoreDNS 1.14 in plugin.cfg order, with the module that knows it.
// Execution order comes only from PLUGIN_ORDER; the modules are grouped in files by area to keep each small.
import { PLUGIN_ORDER, type DirectiveName } from './order.js';
import type { PluginModule } from './types.js';
import { moduleGroups } from './groups.js';

const BY_NAME = new Map<string, PluginModule>();
for (const group of moduleGroups) for (const module of group) BY_NAME.set(module.name, module);

export function pluginModule(name: string): PluginModule | undefined {
  return BY_NAME.get(name);
}

/** The modules in execution order (directives without a module yet are skipped). */
export function modulesInOrder(): PluginModule[] {
  return PLUGIN_ORDER.map((name) => BY_NAME.get(name)).filter((m): m is PluginModule => m !== undefined);
}

export function directiveNames(): readonly DirectiveName[] {
  return PLUGIN_ORDER;
}
