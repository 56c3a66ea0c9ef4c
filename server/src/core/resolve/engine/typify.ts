// What kind of reply a message is, by CoreDNS's plugin/pkg/response rules (Typify and Classify). Plugins
// that treat answers, denials and errors differently (minimal, dns64, cache, log) decide with this.
import type { DnsMessage } from '../types.js';

export type ResponseType = 'NoError' | 'NameError' | 'NoData' | 'Delegation' | 'Meta' | 'Update' | 'ServerError' | 'OtherError';
export type ResponseClass = 'Success' | 'Denial' | 'Error';

/** The response type of a reply (DNSSEC signature expiry is not modelled: the simulator never signs). */
export function typify(msg: DnsMessage | undefined): ResponseType {
  if (!msg) return 'OtherError';
  const opcode = msg.opcode.toUpperCase();
  if (opcode === 'UPDATE') return 'Update';
  if (opcode === 'NOTIFY') return 'Meta';
  const qtype = msg.question[0]?.type.toUpperCase();
  if (qtype === 'AXFR' || qtype === 'IXFR') return 'Meta';
  if (msg.answer.length > 0 && msg.rcode === 'NOERROR') return 'NoError';
  if (msg.answer.length > 0 && msg.rcode === 'NXDOMAIN') return 'OtherError';
  const soa = msg.authority.some((r) => r.type === 'SOA');
  const ns = msg.authority.filter((r) => r.type === 'NS').length;
  if (soa && msg.rcode === 'NOERROR') return 'NoData';
  if (msg.rcode === 'NXDOMAIN') return 'NameError';
  if (msg.rcode === 'SERVFAIL' || msg.rcode === 'NOTIMP') return 'ServerError';
  if (ns > 0 && msg.rcode === 'NOERROR') return 'Delegation';
  if (msg.rcode === 'NOERROR') return 'NoError';
  return 'OtherError';
}

/** The class of a response type (response.Classify). */
export function classify(type: ResponseType): ResponseClass {
  if (type === 'NoError' || type === 'Delegation') return 'Success';
  if (type === 'NameError' || type === 'NoData') return 'Denial';
  return 'Error';
}
