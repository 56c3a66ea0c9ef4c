// What the kubernetes plugin hands k8s_external (plugin/kubernetes/external.go External): the external
// addresses of `<service>.<namespace>.<zone>` (spec.externalIPs, then load-balancer ingress IPs or
// hostnames), or with `headless` the ready endpoints of headless services. Entries carry the kubernetes
// plugin's TTL; k8s_external overrides it for address records only.
import type { RcodeName } from '../../../resolve/types.js';
import type { BackendService } from './backend.js';
import { addressFromReverse } from './ip.js';
import { joinNames, splitName, trimZone } from './names.js';
import { endpointLabel, servicePortsOf, type KubeView } from './view.js';

export interface ExternalResult {
  services: BackendService[];
  /** NOERROR when the name exists, NXDOMAIN when not, SERVFAIL for a name with nothing left of the zone. */
  rcode: RcodeName;
  why: string;
}

function strip(label: string): string {
  return label.startsWith('_') ? label.slice(1) : label;
}

function matches(wanted: string, actual: string): boolean {
  return wanted === '' || wanted.toLowerCase() === actual.toLowerCase();
}

/** External(state, headless) for a lower-cased name under `zone` (the matched k8s_external zone). */
export function externalServices(view: KubeView, name: string, zone: string, qtype: string, headless: boolean): ExternalResult {
  const ttl = view.config.ttl;
  if (qtype === 'PTR') {
    const ip = addressFromReverse(name);
    if (ip !== undefined) {
      const restricted = view.config.namespaces.length > 0;
      const services = view.servicesWithExternalIp(ip)
        .filter((s) => !restricted || view.namespaceExposed(s.namespace))
        .map((s): BackendService => ({ host: `${s.name}.${s.namespace}`, port: 0, ttl, owner: name }));
      if (services.length === 0) return { services, rcode: 'NXDOMAIN', why: `${ip} is no service's external address` };
      return { services, rcode: 'NOERROR', why: `${ip} is an external address of ${services.map((s) => s.host).join(', ')}` };
    }
  }
  const segs = splitName(trimZone(name, zone) ?? '');
  let last = segs.length - 1;
  if (last < 0) return { services: [], rcode: 'SERVFAIL', why: `${name} has no labels below the zone` };
  const namespace = segs[last]!;
  const hidden = view.namespaceHidden(namespace);
  if (hidden) return { services: [], rcode: 'NXDOMAIN', why: hidden.why };
  last--;
  if (last < 0) return { services: [], rcode: 'NOERROR', why: `${name} is the namespace '${namespace}', which exists but holds no records of its own` };
  const service = segs[last]!;
  last--;
  let endpoint = '';
  let port = '';
  let protocol = '';
  if (last === 0) {
    endpoint = strip(segs[0]!);
    last--;
  } else if (last === 1) {
    protocol = strip(segs[1]!);
    port = strip(segs[0]!);
    last -= 2;
  }
  if (last !== -1) return { services: [], rcode: 'NXDOMAIN', why: `${name} has more labels than any k8s_external name` };

  const services: BackendService[] = [];
  let rcode: RcodeName = 'NXDOMAIN';
  let why = `there is no service '${service}' in namespace '${namespace}'`;
  for (const svc of view.servicesNamed(namespace, service)) {
    const id = `${svc.name}.${svc.namespace}`;
    if (headless && svc.externalIPs.length === 0 && (svc.headless || endpoint !== '')) {
      for (const group of view.endpointGroups(svc)) {
        for (const addr of group.addresses) {
          const label = endpointLabel(addr, view.config.endpointPodNames);
          if (endpoint !== '' && endpoint.toLowerCase() !== label.toLowerCase()) continue;
          for (const p of group.ports) {
            if (!matches(port, p.name) || !matches(protocol, p.protocol)) continue;
            rcode = 'NOERROR';
            services.push({ host: addr.ip, port: p.port, ttl, owner: joinNames(label, svc.name, svc.namespace, zone) });
          }
        }
      }
      why = rcode === 'NOERROR' ? `${id} is a headless service published with its ready endpoints ('headless')` : `${id} is a headless service with no matching ready endpoint`;
      continue;
    }
    for (const ip of svc.externalIPs) {
      for (const p of servicePortsOf(svc)) {
        if (!matches(port, p.name) || !matches(protocol, p.protocol)) continue;
        rcode = 'NOERROR';
        services.push({ host: ip, port: p.port, ttl, owner: joinNames(svc.name, svc.namespace, zone) });
      }
    }
    why = svc.externalIPs.length === 0
      ? `service ${id} has no external IPs and no load-balancer ingress`
      : rcode === 'NOERROR' ? `service ${id} has the external address${svc.externalIPs.length === 1 ? '' : 'es'} ${svc.externalIPs.join(', ')}` : `service ${id} has no port named '${port}' with protocol '${protocol}'`;
  }
  if (qtype === 'PTR') return { services: [], rcode, why: `${why}; ${name} is not a reverse name` };
  return { services, rcode, why };
}
