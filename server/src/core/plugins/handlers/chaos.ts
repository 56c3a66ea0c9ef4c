// chaos: answers CH-class TXT queries for the server's version, authors and host name (plugin/chaos).
import type { DnsRecord, Handler } from '../../resolve/types.js';
import { bareName, newReply } from '../../resolve/message.js';
import { DEFAULT_COREDNS_VERSION } from '../../settings.js';
import type { ChaosConfig } from '../chaos.js';
import type { HandlerSite } from '../types.js';

/** The GitHub handles CoreDNS 1.14 answers for authors.bind when the Corefile names no authors. */
const MAINTAINERS = [
  'Tantalor93', 'bradbeam', 'chrisohaver', 'darshanime', 'dilyevsky', 'ekleiner', 'greenpau', 'houyuwushang', 'ihac', 'inigohu',
  'isolus', 'jameshartig', 'johnbelamaric', 'miekg', 'mqasimsarfraz', 'nchrisdk', 'nitisht', 'pmoroney', 'rajansandeep', 'rdrozhdzh',
  'rtreffer', 'snebel29', 'stp-ip', 'superq', 'thevilledev', 'varyoo', 'ykhr53', 'yongtang', 'zouyee',
];

/** What the scenario cannot tell: the CoreDNS container's host name (usually the pod name). */
const HOSTNAME_PLACEHOLDER = 'coredns-hostname';

export function chaosHandler(config: ChaosConfig, site: HandlerSite): Handler {
  // Without a VERSION argument CoreDNS answers its own name and release; the simulator models 1.14.7.
  const version = config.version ?? `CoreDNS-${DEFAULT_COREDNS_VERSION}`;
  const authors = config.authors ?? MAINTAINERS;
  return {
    name: 'chaos',
    serve(req, next, ctx) {
      const q = req.msg.question[0]!;
      if (q.class !== 'CH' || q.type !== 'TXT') return next(req);
      const owner = bareName(q.name);
      const txt = (text: string): DnsRecord => ({ name: owner, type: 'TXT', class: 'CH', ttl: 0, data: [text] });
      const step = (detail: string, action: 'answered' | 'not-simulated' = 'answered'): void => ctx.step({ plugin: 'chaos', action, detail, range: site.range, uri: site.uri });
      let answer: DnsRecord[];
      switch (q.name.toLowerCase()) {
        case 'authors.bind.':
          answer = authors.map(txt);
          step(`authors.bind lists ${authors.length} author(s), one TXT record each, in a random order.`);
          break;
        case 'version.bind.':
        case 'version.server.':
          answer = [txt(version)];
          step(`${q.name} is answered with the version "${version}".`);
          break;
        case 'hostname.bind.':
        case 'id.server.':
          answer = [txt(HOSTNAME_PLACEHOLDER)];
          step(`not simulated: CoreDNS answers ${q.name} with its container's host name, which the scenario does not give; the answer shows "${HOSTNAME_PLACEHOLDER}" in its place.`, 'not-simulated');
          break;
        default:
          return next(req);
      }
      return { rcode: 'NOERROR', reply: newReply(req.msg, 'NOERROR', { answer }), answeredBy: 'chaos' };
    },
  };
}
