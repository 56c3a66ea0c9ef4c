// Directive modules of this area, in no particular order (execution order lives in order.ts).
import type { PluginModule } from '../types.js';
import { any } from '../any.js';
import { bufsize } from '../bufsize.js';
import { cancel } from '../cancel.js';
import { chaos } from '../chaos.js';
import { debug } from '../debug.js';
import { erratic } from '../erratic.js';
import { local } from '../local.js';
import { loop } from '../loop.js';
import { metadata } from '../metadata.js';
import { minimal } from '../minimal.js';
import { nsid } from '../nsid.js';
import { root } from '../root.js';
import { whoami } from '../whoami.js';
import { reload } from '../reload.js';
import { multisocket } from '../multisocket.js';
import { ready } from '../ready.js';
import { health } from '../health.js';
import { pprof } from '../pprof.js';
import { shed } from '../shed.js';
import { prometheus } from '../prometheus.js';
import { timeouts } from '../timeouts.js';
import { quic } from '../quic.js';
import { grpc_server } from '../grpc_server.js';
import { https } from '../https.js';
import { https3 } from '../https3.js';
import { proxyproto } from '../proxyproto.js';
import { bind } from '../bind.js';
import { trace } from '../trace.js';
import { on } from '../on.js';
import { tls } from '../tls.js';
import { sign } from '../sign.js';
import { geoip } from '../geoip.js';

export const modules: ReadonlyArray<PluginModule> = [
  whoami as PluginModule,
  any as PluginModule,
  minimal as PluginModule,
  loop as PluginModule,
  chaos as PluginModule,
  local as PluginModule,
  erratic as PluginModule,
  root as PluginModule,
  metadata as PluginModule,
  cancel as PluginModule,
  nsid as PluginModule,
  bufsize as PluginModule,
  debug as PluginModule,
  reload as PluginModule,
  multisocket as PluginModule,
  ready as PluginModule,
  health as PluginModule,
  pprof as PluginModule,
  shed as PluginModule,
  prometheus as PluginModule,
  timeouts as PluginModule,
  quic as PluginModule,
  grpc_server as PluginModule,
  https as PluginModule,
  https3 as PluginModule,
  proxyproto as PluginModule,
  bind as PluginModule,
  trace as PluginModule,
  on as PluginModule,
  tls as PluginModule,
  sign as PluginModule,
  geoip as PluginModule,
];
