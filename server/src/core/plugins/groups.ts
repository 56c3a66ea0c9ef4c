// The directive modules, gathered from their group files. Each group file lists the modules of one area.
import type { PluginModule } from './types.js';
import { modules as serverModules } from './groups/server.js';
import { modules as queryModulesA } from './groups/query-a.js';
import { modules as queryModulesB } from './groups/query-b.js';
import { modules as queryModulesC } from './groups/query-c.js';

export const moduleGroups: ReadonlyArray<ReadonlyArray<PluginModule>> = [serverModules, queryModulesA, queryModulesB, queryModulesC];
