// grpc: forwards queries under FROM (and not under an `except` zone) to gRPC backends (plugin/grpc). What
// those backends answer is outside any scenario.
import type { Handler } from '../../resolve/types.js';
import { isSubdomainOf } from '../../resolve/message.js';
import type { GrpcConfig } from '../grpc.js';
import type { HandlerSite } from '../types.js';
import { externalBackendHandler } from './pass-on.js';

export function grpcHandler(config: GrpcConfig, site: HandlerSite): Handler {
  return externalBackendHandler('grpc', site, [config.from], () =>
    `grpc sends the query to ${config.to.join(', ')} over gRPC (policy ${config.policy}); what those backends answer is not in the scenario.`,
  (qname) => (isSubdomainOf(qname, config.from) && !config.except.some((e) => isSubdomainOf(qname, e)) ? config.from : undefined));
}
