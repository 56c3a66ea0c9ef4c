// How the kubernetes plugin reads a query name (plugin/kubernetes/parse.go). Counting from the zone leftwards:
// `svc` or `pod`, the namespace, the service (or dashed pod address), then one label for an endpoint or two
// for `_port._proto`. Anything longer is "too long" and NXDOMAIN, except the zone-scoped names of `zonal`.
import { splitName, trimZone } from './names.js';

export interface RecordRequest {
  /** 'svc', 'pod', or '' for the apex, `svc.<zone>` and `pod.<zone>` (which exist but hold nothing). */
  podOrSvc: '' | 'svc' | 'pod';
  namespace: string;
  service: string;
  endpoint: string;
  /** The port name of an SRV-style name, without its leading underscore. */
  port: string;
  protocol: string;
  /** Multicluster names only: the cluster id. */
  cluster: string;
  /** A zone-scoped name's topology zone (`zonal` option). */
  topologyZone: string;
  /** `prefer` rather than `pin`: an empty zone falls back to every endpoint. */
  zonePrefer: boolean;
}

export type ParsedRequest = { ok: true; request: RecordRequest } | { ok: false; why: string };

/** A request with nothing filled in yet (a literal rather than a spread of a constant: this runs per lookup). */
function emptyRequest(podOrSvc: RecordRequest['podOrSvc']): RecordRequest {
  return { podOrSvc, namespace: '', service: '', endpoint: '', port: '', protocol: '', cluster: '', topologyZone: '', zonePrefer: false };
}

function stripUnderscore(label: string): string {
  return label.startsWith('_') ? label.slice(1) : label;
}

/**
 * Splits a lower-cased query name below `zone` into its parts. `multicluster` and `zonal` change how
 * the extra labels left of the service are read, as in CoreDNS.
 */
export function parseRequest(name: string, zone: string, multicluster: boolean, zonal: boolean): ParsedRequest {
  const base = trimZone(name, zone) ?? '';
  if (base === '' || base === 'svc' || base === 'pod') return { ok: true, request: emptyRequest('') };
  const segs = splitName(base);
  let last = segs.length - 1;
  const kind = segs[last]!;
  if (kind !== 'svc' && kind !== 'pod') {
    return { ok: false, why: `the label left of the zone is '${kind}', and kubernetes only serves names under svc.${zone} and pod.${zone}` };
  }
  const r = emptyRequest(kind);
  last--;
  if (last < 0) return { ok: true, request: r };
  r.namespace = segs[last]!;
  last--;
  if (last < 0) return { ok: true, request: r };
  r.service = segs[last]!;
  last--;
  if (last < 0) return { ok: true, request: r };
  if (last === 0) {
    r.endpoint = segs[0]!;
    return { ok: true, request: r };
  }
  if (last === 1) {
    if (!multicluster || segs[1]!.startsWith('_') || segs[0]!.startsWith('_')) {
      r.protocol = stripUnderscore(segs[1]!);
      r.port = stripUnderscore(segs[0]!);
    } else {
      r.cluster = segs[1]!;
      r.endpoint = segs[0]!;
    }
    return { ok: true, request: r };
  }
  // Three or more labels left of the service: only a zone-scoped name (ZONE.pin|prefer._zone) is valid.
  const tooLong = `the name has ${segs.length} labels below the zone, more than any kubernetes record has`;
  if (!zonal || multicluster || segs[last] !== '_zone' || kind !== 'svc') return { ok: false, why: tooLong };
  const directive = segs[last - 1];
  if (directive !== 'pin' && directive !== 'prefer') return { ok: false, why: tooLong };
  r.zonePrefer = directive === 'prefer';
  r.topologyZone = segs.slice(0, last - 1).join('.');
  return { ok: true, request: r };
}
