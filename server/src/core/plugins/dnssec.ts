// The `dnssec` directive: signs answers on the fly with the given DNSSEC keys (online signing).
import type { ArgToken } from '../corefile/dispenser.js';
import { isSubdomain, normalizeName } from '../corefile/zone.js';
import { parseGoInt } from './args.js';
import type { PluginModule, SetupContext } from './types.js';
import { readPluginFile } from './util/query-a-files.js';
import { argError, zonesFromArgs } from './util/query-a-read.js';
import { dnssecHandler } from './handlers/dnssec.js';
import { joinsRoot } from './util/plugin-path.js';

export interface DnssecKey {
  source: 'file' | 'aws_secretsmanager';
  /** The file base name (without .key/.private) or the secret's id. */
  id: string;
  /** The key's owner name, when its public file could be read here. */
  owner?: string;
}

export interface DnssecConfig {
  zones: string[];
  keys: DnssecKey[];
  cacheCapacity: number;
}

function setup(ctx: SetupContext): DnssecConfig {
  const { d } = ctx;
  const config: DnssecConfig = { zones: [...ctx.block.zones], keys: [], cacheCapacity: 10000 };
  if (!d.next()) return config;
  config.zones = zonesFromArgs(ctx, 'dnssec', d.remainingArgTokens());
  while (d.nextBlock()) {
    const option = d.token()!;
    if (option.value === 'key') {
      readKey(ctx, config, option);
    } else if (option.value === 'cache_capacity') {
      if (!d.nextArg()) {
        argError(ctx, 'dnssec', "Write 'cache_capacity NUMBER', e.g. 'cache_capacity 10000'.", option);
        continue;
      }
      const t = d.token()!;
      if (ctx.isUnknown(t)) continue;
      const n = parseGoInt(t.value);
      if (n === undefined) ctx.report('error', 'dnssec/bad-number', `cache_capacity must be a whole number; CoreDNS refuses '${t.value}'.`, t);
      else config.cacheCapacity = n;
    } else {
      ctx.report('error', 'dnssec/unknown-option', `Unknown dnssec option '${option.value}'; CoreDNS refuses to start. Options are 'key file KEY...', 'key aws_secretsmanager ID...' and 'cache_capacity N'.`, option);
    }
  }
  return config;
}

function readKey(ctx: SetupContext, config: DnssecConfig, option: ArgToken): void {
  const { d } = ctx;
  if (!d.nextArg()) {
    argError(ctx, 'dnssec', "Write 'key file Kexample.org.+013+12345' or 'key aws_secretsmanager SECRET-ID'.", option);
    return;
  }
  const source = d.token()!;
  if (source.value !== 'file' && source.value !== 'aws_secretsmanager') {
    // CoreDNS silently reads nothing for another key source; the rest of the line becomes options.
    ctx.report('warning', 'dnssec/unknown-key-source', `CoreDNS does not know the key source '${source.value}' and silently loads no key from it, so nothing is signed with it. Use 'key file' or 'key aws_secretsmanager'.`, source);
    return;
  }
  const ids = d.remainingArgTokens();
  if (ids.length === 0) {
    argError(ctx, 'dnssec', `Write 'key ${source.value} ${source.value === 'file' ? 'Kexample.org.+013+12345' : 'SECRET-ID'}'.`, source);
    return;
  }
  for (const t of ids) {
    if (ctx.isUnknown(t)) continue;
    if (source.value === 'aws_secretsmanager') {
      config.keys.push({ source: 'aws_secretsmanager', id: t.value });
      continue;
    }
    const base = t.value.replace(/\.(key|private)$/, '');
    const key: DnssecKey = { source: 'file', id: base };
    config.keys.push(key);
    const consequence = 'CoreDNS refuses to start because it cannot load the key.';
    // dnssec joins a relative key path to the block's `root`.
    const pub = readPluginFile(ctx, 'dnssec', { ...t, value: `${base}.key` }, consequence, joinsRoot('dnssec', 'key'));
    readPluginFile(ctx, 'dnssec', { ...t, value: `${base}.private` }, consequence, joinsRoot('dnssec', 'key'));
    if (!pub) continue;
    const owner = dnskeyOwner(pub.text);
    if (owner === undefined) {
      ctx.report('error', 'dnssec/bad-key-file', `${pub.path} holds no DNSKEY record; CoreDNS refuses it. Point at the .key file written by dnssec-keygen or coredns-keygen.`, t);
      continue;
    }
    key.owner = owner;
    if (!config.zones.some((zone) => isSubdomain(zone, owner))) {
      ctx.report('error', 'dnssec/key-cannot-sign', `The key ${owner} cannot sign any of the zones ${config.zones.join(', ')}; CoreDNS refuses it. Use a key whose owner name is one of those zones (or a parent).`, t);
    }
  }
}

/** The owner name of the first DNSKEY record in a key file, or undefined when there is none. */
export function dnskeyOwner(text: string): string | undefined {
  for (const raw of text.split('\n')) {
    const line = raw.replace(/;.*$/, '').trim();
    if (line === '') continue;
    const fields = line.split(/\s+/);
    if (fields.includes('DNSKEY')) return normalizeName(fields[0]!);
  }
  return undefined;
}

export const dnssec: PluginModule<DnssecConfig> = {
  name: 'dnssec',
  setupOnly: false,
  handler: dnssecHandler,
  repeat: 'once',
  docs: {
    summary: 'Signs answers with DNSSEC keys as they go out (online signing).',
    behaviour: 'Passes the query on and signs the reply for names in its zones: adds RRSIG records, answers DNSKEY queries at the apex and creates NSEC records for denials. Signatures are cached.',
    syntax: ['dnssec [ZONES...] {\n    key file KEY...\n    key aws_secretsmanager SECRET...\n    cache_capacity CAPACITY\n}'],
    arguments: [{ name: 'ZONES', syntax: 'ZONES...', description: 'Zones to sign; every key must belong to one of them.', default: "the server block's zones" }],
    options: [
      { name: 'key file', syntax: 'key file KEY...', description: 'Key pairs by base name (Kzone.+alg+tag): KEY.key and KEY.private must both be readable at startup.' },
      { name: 'key aws_secretsmanager', syntax: 'key aws_secretsmanager SECRET...', description: 'Load key pairs from AWS Secrets Manager (needs AWS access at startup).' },
      { name: 'cache_capacity', syntax: 'cache_capacity CAPACITY', description: 'How many signatures are kept.', default: '10000' },
    ],
    examples: ['example.org {\n    dnssec {\n        key file /etc/coredns/Kexample.org.+013+45330\n    }\n    file /etc/coredns/db.example.org\n}'],
  },
  setup,
};
