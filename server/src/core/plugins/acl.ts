// The `acl` directive: allows, blocks, filters or drops queries by client network and query type.
import { parseCidr } from '../corefile/zone.js';
import type { PluginModule, SetupContext } from './types.js';
import { isRrType } from './util/query-a-net.js';
import { zonesFromArgs } from './util/query-a-read.js';
import { aclHandler } from './handlers/acl.js';

export type AclAction = 'allow' | 'block' | 'filter' | 'drop';

export interface AclPolicy {
  action: AclAction;
  /** Record types, or ['*'] for all. */
  types: string[];
  /** Networks in CIDR form, or ['*'] for all. */
  nets: string[];
}

export interface AclRule {
  zones: string[];
  policies: AclPolicy[];
}

export interface AclConfig {
  rules: AclRule[];
}

const ACTIONS: readonly string[] = ['allow', 'block', 'filter', 'drop'];
const isSection = (s: string): boolean => s.toLowerCase() === 'type' || s.toLowerCase() === 'net';

function setup(ctx: SetupContext): AclConfig {
  const { d } = ctx;
  const rules: AclRule[] = [];
  while (d.next()) {
    const rule: AclRule = { zones: zonesFromArgs(ctx, 'acl', d.remainingArgTokens()), policies: [] };
    while (d.nextBlock()) {
      const actionToken = d.token()!;
      const action = actionToken.value.toLowerCase();
      const rest = d.remainingArgTokens();
      if (!ACTIONS.includes(action)) {
        ctx.report('error', 'acl/bad-action', `An acl rule starts with allow, block, filter or drop; CoreDNS refuses '${actionToken.value}'.`, actionToken);
        continue;
      }
      const policy: AclPolicy = { action: action as AclAction, types: [], nets: [] };
      let i = 0;
      let ok = true;
      while (ok && i < rest.length) {
        const sectionToken = rest[i]!;
        if (!isSection(sectionToken.value)) {
          ctx.report('error', 'acl/bad-section', `Expected 'type' or 'net' but found '${sectionToken.value}'; CoreDNS refuses it. Write e.g. '${action} type A AAAA net 10.0.0.0/8'.`, sectionToken);
          ok = false;
          break;
        }
        const section = sectionToken.value.toLowerCase();
        i++;
        const values = [];
        while (i < rest.length && !isSection(rest[i]!.value)) values.push(rest[i++]!);
        if (values.length === 0) {
          ctx.report('error', 'acl/empty-section', `The '${section}' section needs at least one value; CoreDNS refuses it empty. Write e.g. '${section} ${section === 'type' ? 'A' : '10.0.0.0/8'}', or '${section} *' for all.`, sectionToken);
          ok = false;
          break;
        }
        for (const v of values) {
          if (ctx.isUnknown(v)) continue;
          if (v.value === '*') {
            (section === 'type' ? policy.types : policy.nets).push('*');
            // CoreDNS stops reading the section at '*'.
            break;
          }
          if (section === 'type') {
            if (!isRrType(v.value)) {
              ctx.report('error', 'acl/bad-type', `'${v.value}' is not a query type; CoreDNS refuses it. Types are case-sensitive: write e.g. A, AAAA, ANY.`, v);
              ok = false;
              break;
            }
            policy.types.push(v.value);
          } else {
            const cidr = v.value.includes('/') ? v.value : `${v.value}/${v.value.includes(':') ? 128 : 32}`;
            if (!parseCidr(cidr)) {
              ctx.report('error', 'acl/bad-net', `'${v.value}' is not an IP address or CIDR; CoreDNS refuses it. Write e.g. 10.0.0.0/8 or 192.168.1.5.`, v);
              ok = false;
              break;
            }
            policy.nets.push(cidr);
          }
        }
      }
      if (policy.types.length === 0) policy.types.push('*');
      if (policy.nets.length === 0) policy.nets.push('*');
      if (ok) rule.policies.push(policy);
    }
    rules.push(rule);
  }
  return { rules };
}

export const acl: PluginModule<AclConfig> = {
  name: 'acl',
  setupOnly: false,
  handler: aclHandler,
  repeat: 'repeatable',
  docs: {
    summary: 'Controls which clients may ask which query types, by source network.',
    behaviour: 'For queries in its zones the first policy whose types and networks match decides: allow passes the query on, block answers REFUSED, filter answers NOERROR with no records, drop sends nothing. Queries that match no policy, or are outside the zones, pass on.',
    syntax: ['acl [ZONES...] {\n    ACTION [type QTYPE...|*] [net SOURCE...|*]\n}'],
    arguments: [{ name: 'ZONES', syntax: 'ZONES...', description: 'Zones the policies apply to.', default: "the server block's zones" }],
    options: [
      { name: 'ACTION', syntax: 'allow|block|filter|drop', description: 'What to do with a matching query.' },
      { name: 'type', syntax: 'type QTYPE...|*', description: 'Query types the policy matches (case-sensitive mnemonics).', default: 'all types' },
      { name: 'net', syntax: 'net SOURCE...|*', description: 'Client networks (CIDR, or a single address) the policy matches.', default: 'all clients' },
    ],
    examples: ['. {\n    acl {\n        allow net 10.0.0.0/8\n        block\n    }\n    forward . 10.0.0.1\n}'],
  },
  setup,
};
