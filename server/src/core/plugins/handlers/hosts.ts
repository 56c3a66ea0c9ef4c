// The hosts plugin's query behaviour (plugin/hosts/hosts.go ServeDNS): A and AAAA for known names, PTR for
// their addresses, NODATA for a known name asked for another type, and for an unknown name either the
// next plugin (fallthrough) or SERVFAIL, because hosts has no SOA with which to say NXDOMAIN.
import type { FileHost } from '../../host.js';
import { newReply } from '../../resolve/message.js';
import type { DnsRecord, Handler } from '../../resolve/types.js';
import { parseHostsLine, type HostsConfig } from '../hosts.js';
import type { HandlerSite } from '../types.js';
import { count, fallsThrough, listZones, matchZone, questionOf, stepper } from './zones/common.js';
import { addressFromReverse, buildHostsTable, lookupHost, type HostsTable } from './zones/hosts-map.js';
import { candidatePaths } from './zones/load.js';
import { makeRecord } from './zones/rr.js';

interface HostsFileRead {
  table: HostsTable;
  /** The path read, or undefined when no candidate exists in the world. */
  path: string | undefined;
}

export function hostsHandler(config: HostsConfig, site: HandlerSite): Handler {
  const origins = config.zones.map((z) => z.toLowerCase());
  const inline = buildHostsTable(config.inline, origins, config.autoReverse);
  const files = new WeakMap<FileHost, HostsFileRead>();
  const readFile = (host: FileHost): HostsFileRead => {
    let read = files.get(host);
    if (!read) {
      const path = candidatePaths(config.path, config.resolvedPath).find((p) => host.stat(p) === 'file');
      const text = path === undefined ? '' : (host.readFile(path) ?? '');
      const entries = text.split('\n').map(parseHostsLine).filter((e) => e !== undefined);
      read = { table: buildHostsTable(entries, origins, config.autoReverse), path };
      files.set(host, read);
    }
    return read;
  };
  const ttl = config.ttl;
  return {
    name: 'hosts',
    serve(req, next, ctx) {
      const step = stepper(ctx, 'hosts', site);
      const q = questionOf(req);
      const inZones = matchZone(origins, q.name) !== undefined;
      if (!inZones && q.type !== 'PTR') {
        step('passed', `${q.name} is not in the zones of hosts (${listZones(origins)}): passed to the next plugin, whatever fallthrough says.`);
        return next(req);
      }
      const file = readFile(ctx.world.files);
      const parts = [file.path !== undefined ? `the hosts file ${file.path}` : '', config.inline.length > 0 ? 'the inline entries' : ''].filter((p) => p !== '');
      const source = parts.length > 0 ? parts.join(' and ') : 'the hosts entries';
      const missing = file.path === undefined ? ` (the hosts file ${config.path} is not in the simulation, so it counts as empty)` : '';
      const tables = [file.table, inline];
      const has = (name: string): boolean => tables.some((t) => lookupHost(t, name, true).ips.length > 0 || lookupHost(t, name, false).ips.length > 0);
      let answers: DnsRecord[] = [];
      let how = '';
      switch (q.type) {
        case 'PTR': {
          const address = addressFromReverse(q.name);
          const names = address === '' ? [] : tables.flatMap((t) => t.addr.get(address) ?? []);
          if (names.length === 0) {
            const why = !config.autoReverse ? 'With no_reverse, hosts answers no PTR queries' : address === '' ? `The name ${q.name} is not the reverse name of an address` : `No entry of ${source} has the address ${address}${missing}`;
            step('passed', `${why}. A PTR miss always goes to the next plugin, with or without fallthrough.`);
            return next(req);
          }
          answers = names.map((n) => makeRecord(bare(q.name), 'PTR', 'IN', ttl, bare(n)));
          how = `${address} is listed for ${names.join(', ')}`;
          break;
        }
        case 'A':
        case 'AAAA': {
          const v4 = q.type === 'A';
          const found = tables.map((t) => lookupHost(t, q.name, v4));
          const ips = found.flatMap((f) => f.ips);
          answers = ips.map((ip) => makeRecord(bare(q.name), q.type, 'IN', ttl, ip));
          const wild = found.find((f) => f.wildcard !== undefined && f.ips.length > 0)?.wildcard;
          how = ips.length > 0 ? `${q.name} has ${ips.join(', ')}${wild ? ` through the wildcard ${wild}` : ''}` : '';
          break;
        }
        default:
          if (config.fallthroughUnsupported && fallsThrough(config.fallthrough, q.name)) {
            step('fell-through', `hosts only knows A, AAAA and PTR; with fallthrough_unsupported a ${q.type} query goes to the next plugin.`);
            return next(req);
          }
      }
      if (answers.length === 0 && !has(q.name)) {
        if (fallsThrough(config.fallthrough, q.name)) {
          step('fell-through', `${q.name} is not in ${source}${missing}; fallthrough hands it to the next plugin.`);
          return next(req);
        }
        step('error', `${q.name} is not in ${source}${missing}, and hosts has no fallthrough: the query stops here with SERVFAIL (hosts has no SOA, so it cannot say NXDOMAIN).`);
        return { rcode: 'SERVFAIL', answeredBy: 'hosts' };
      }
      const reply = newReply(req.msg, 'NOERROR', { answer: answers, aa: true });
      if (answers.length === 0) {
        const other = q.type === 'A' || q.type === 'AAAA' || q.type === 'PTR' ? `no ${q.type} entry` : `no ${q.type} records (hosts only knows A, AAAA and PTR)`;
        step('answered', `${q.name} is in ${source}${missing} but has ${other}: NOERROR with no records (NODATA); fallthrough does not apply to a name it knows.`);
      } else {
        step('answered', `From ${source}${missing}: ${how}. NOERROR with ${count(answers.length, 'record')}, TTL ${ttl}.`);
      }
      return { rcode: 'NOERROR', reply, answeredBy: 'hosts' };
    },
  };
}

function bare(name: string): string {
  return name === '.' ? '.' : name.replace(/\.$/, '');
}
