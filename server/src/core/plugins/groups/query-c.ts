// Directive modules of this area, in no particular order (execution order lives in order.ts).
import type { PluginModule } from '../types.js';
import { template } from '../template.js';
import { view } from '../view.js';

export const modules: ReadonlyArray<PluginModule> = [template as PluginModule, view as PluginModule];
