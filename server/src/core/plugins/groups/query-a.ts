// Directive modules of this area, in no particular order (execution order lives in order.ts).
import type { PluginModule } from '../types.js';
import { acl } from '../acl.js';
import { autopath } from '../autopath.js';
import { cache } from '../cache.js';
import { dns64 } from '../dns64.js';
import { dnssec } from '../dnssec.js';
import { dnstap } from '../dnstap.js';
import { errors } from '../errors.js';
import { forward } from '../forward.js';
import { header } from '../header.js';
import { loadbalance } from '../loadbalance.js';
import { log } from '../log.js';
import { rewrite } from '../rewrite.js';
import { tsig } from '../tsig.js';

export const modules: ReadonlyArray<PluginModule> = [
  forward as PluginModule,
  cache as PluginModule,
  rewrite as PluginModule,
  errors as PluginModule,
  log as PluginModule,
  loadbalance as PluginModule,
  header as PluginModule,
  acl as PluginModule,
  autopath as PluginModule,
  dns64 as PluginModule,
  dnstap as PluginModule,
  tsig as PluginModule,
  dnssec as PluginModule,
];
