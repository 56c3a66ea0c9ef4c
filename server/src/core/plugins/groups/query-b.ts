// Directive modules of this area, in no particular order (execution order lives in order.ts).
import type { PluginModule } from '../types.js';
import { auto } from '../auto.js';
import { azure } from '../azure.js';
import { clouddns } from '../clouddns.js';
import { etcd } from '../etcd.js';
import { file } from '../file.js';
import { grpc } from '../grpc.js';
import { hosts } from '../hosts.js';
import { k8s_external } from '../k8s_external.js';
import { kubernetes } from '../kubernetes.js';
import { nomad } from '../nomad.js';
import { route53 } from '../route53.js';
import { secondary } from '../secondary.js';
import { transfer } from '../transfer.js';

export const modules: ReadonlyArray<PluginModule> = [
  kubernetes as PluginModule,
  k8s_external as PluginModule,
  hosts as PluginModule,
  file as PluginModule,
  auto as PluginModule,
  secondary as PluginModule,
  transfer as PluginModule,
  grpc as PluginModule,
  etcd as PluginModule,
  route53 as PluginModule,
  azure as PluginModule,
  clouddns as PluginModule,
  nomad as PluginModule,
];
