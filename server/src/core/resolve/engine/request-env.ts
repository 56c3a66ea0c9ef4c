// The request functions CoreDNS's expressions see (plugin/pkg/expression DefaultEnv over request.Request),
// computed from a simulated request. view uses them to choose blocks; other plugins may reuse them.
import { parseCidr } from '../../corefile/zone.js';
import type { Request } from '../types.js';
import { cidrContains } from './ip-text.js';
import { clientBufferSize } from './scrub.js';
import { messageSize } from './wire.js';

export type EnvFunction = (...args: unknown[]) => string | number | boolean;

const OPCODES: Readonly<Record<string, number>> = { QUERY: 0, IQUERY: 1, STATUS: 2, NOTIFY: 4, UPDATE: 5 };

/** The functions of DefaultEnv for one request; an invalid incidr argument throws, as expr would. */
export function requestEnv(req: Request): Map<string, EnvFunction> {
  const q = req.msg.question[0];
  return new Map<string, EnvFunction>([
    ['incidr', (ip, cidr) => {
      if (typeof ip !== 'string' || typeof cidr !== 'string') throw new Error('incidr needs two strings');
      const network = parseCidr(cidr);
      if (!network) throw new Error(`invalid CIDR address: ${cidr}`);
      if (!/^[0-9a-fA-F:.]+$/.test(ip)) throw new Error('first argument is not an IP address');
      return cidrContains(network, ip);
    }],
    ['metadata', (label) => req.metadata.get(String(label)) ?? ''],
    // request.Name lower-cases the question name; Type and Class are the mnemonics.
    ['name', () => (q?.name ?? '.').toLowerCase()],
    ['type', () => q?.type ?? ''],
    ['class', () => q?.class ?? ''],
    ['proto', () => req.client.transport],
    ['size', () => messageSize(req.msg, false)],
    ['client_ip', () => req.client.ip],
    ['port', () => String(req.client.port)],
    ['id', () => req.msg.id],
    ['opcode', () => OPCODES[req.msg.opcode.toUpperCase()] ?? 0],
    ['do', () => req.msg.edns?.do ?? false],
    ['bufsize', () => clientBufferSize(req.msg, req.client.transport)],
    ['server_ip', () => req.server.ip],
    ['server_port', () => String(req.server.port)],
  ]);
}
