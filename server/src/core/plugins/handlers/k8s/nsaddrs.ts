// The addresses CoreDNS gives for its own name server (ns.go nsAddrs). CoreDNS starts from the addresses it is
// bound to (its pod's addresses), finds the endpoints with those addresses and names itself after the
// services behind them — normally `kube-dns.kube-system.svc.<zone>` with the kube-dns cluster IP.
import { goParseIp } from './ip.js';
import { endpointLabel, type KubeView } from './view.js';
import { joinNames } from './names.js';

export interface NsAddress {
  /** The name the address is published under (absolute). */
  owner: string;
  ip: string;
}

/** The label the standard CoreDNS deployments (kubeadm, most distributions) put on CoreDNS's pods. */
const COREDNS_POD_LABEL = { key: 'k8s-app', value: 'kube-dns' };

/**
 * CoreDNS's own addresses. CoreDNS takes its interface addresses, which are its pod's addresses (the
 * address a client sent the query to is the kube-dns service address, not one CoreDNS is bound to): the
 * first pod labelled k8s-app=kube-dns stands for the replica that answers. Empty when there is none.
 */
export function coreDnsAddresses(view: KubeView): string[] {
  const pod = view.cluster.pods().find((p) => p.labels[COREDNS_POD_LABEL.key] === COREDNS_POD_LABEL.value && p.ip !== '');
  return pod ? [...pod.ips] : [];
}

/**
 * nsAddrs: for each own address, every ready endpoint slice holding it and every service behind that slice
 * give names and addresses; `external` names them for k8s_external (no `svc` label, external IPs).
 * Without any such endpoint, the own addresses are published as ns.dns.<zone>.
 */
export function nsAddresses(view: KubeView, localIps: readonly string[], external: boolean, headless: boolean, zone: string): NsAddress[] {
  const out: NsAddress[] = [];
  let foundEndpoint = false;
  const podNames = view.config.endpointPodNames;
  for (const local of localIps) {
    const seen = new Set<string>();
    for (const ep of view.endpointsWithIp(local)) {
      const sliceKey = `${ep.namespace}/${ep.service}/${ep.source}`;
      if (seen.has(sliceKey)) continue;
      seen.add(sliceKey);
      foundEndpoint = true;
      for (const svc of view.servicesNamed(ep.namespace, ep.service)) {
        const slice = view.endpointGroups(svc).find((g) => g.source === ep.source);
        const sliceAddresses = slice?.addresses ?? [];
        if (external) {
          const svcName = joinNames(svc.name, svc.namespace, zone);
          if (headless && svc.headless) {
            for (const a of sliceAddresses) out.push({ owner: joinNames(endpointLabel(a, podNames), svcName), ip: a.ip });
          } else {
            for (const ip of svc.externalIPs) if (goParseIp(ip)) out.push({ owner: svcName, ip });
          }
          continue;
        }
        const svcName = joinNames(svc.name, svc.namespace, 'svc', zone);
        if (svc.headless) {
          for (const a of sliceAddresses) out.push({ owner: joinNames(endpointLabel(a, podNames), svcName), ip: a.ip });
        } else {
          for (const ip of svc.clusterIPs) out.push({ owner: svcName, ip });
        }
      }
    }
  }
  if (!foundEndpoint) for (const ip of localIps) out.push({ owner: joinNames('ns.dns', zone), ip });
  return out;
}
