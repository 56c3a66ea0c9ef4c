// The `tsig` directive: verifies TSIG signatures on incoming requests and signs the replies, and can
// demand a signature for chosen query types or opcodes.
import type { ArgToken } from '../corefile/dispenser.js';
import { normalizeName } from '../corefile/zone.js';
import type { PluginModule, SetupContext } from './types.js';
import { readPluginFile } from './util/query-a-files.js';
import { isRrType, OPCODES } from './util/query-a-net.js';
import { argError, zonesFromArgs } from './util/query-a-read.js';
import { tsigHandler } from './handlers/tsig.js';

export interface TsigConfig {
  zones: string[];
  /** Key names (normalised) to their base64 secrets. */
  secrets: Map<string, string>;
  /** Query types that must be signed: 'all', or a list (empty means none). */
  requireTypes: 'all' | string[];
  requireOpcodes: 'all' | string[];
}

function setup(ctx: SetupContext): TsigConfig {
  const { d } = ctx;
  const config: TsigConfig = { zones: [...ctx.block.zones], secrets: new Map(), requireTypes: [], requireOpcodes: [] };
  if (!d.next()) return config;
  config.zones = zonesFromArgs(ctx, 'tsig', d.remainingArgTokens());
  while (d.nextBlock()) {
    const option = d.token()!;
    const args = d.remainingArgTokens();
    if (args.some((a) => ctx.isUnknown(a))) continue;
    switch (option.value) {
      case 'secret':
        if (args.length !== 2) argError(ctx, 'tsig', "Write 'secret NAME BASE64-SECRET'.", args[2] ?? option);
        else addSecret(ctx, config, normalizeName(args[0]!.value), args[1]!.value, args[0]!);
        break;
      case 'secrets':
        if (args.length !== 1) argError(ctx, 'tsig', "Write 'secrets FILE' (a BIND-style key file).", args[1] ?? option);
        else readSecretsFile(ctx, config, args[0]!);
        break;
      case 'require':
      case 'require_opcode': {
        const isType = option.value === 'require';
        if (args.length === 0) {
          argError(ctx, 'tsig', `Write '${option.value} all', '${option.value} none' or a list such as '${isType ? 'require AXFR IXFR' : 'require_opcode UPDATE'}'.`, option);
          break;
        }
        let value: 'all' | string[] = [];
        if (args[0]!.value === 'all') value = 'all';
        else if (args[0]!.value !== 'none') {
          for (const a of args) {
            const ok = isType ? isRrType(a.value) : OPCODES.includes(a.value);
            if (ok) value.push(a.value);
            else ctx.report('error', isType ? 'tsig/bad-type' : 'tsig/bad-opcode', `'${a.value}' is not a${isType ? ' query type' : 'n opcode'}; CoreDNS refuses it. ${isType ? 'Types are case-sensitive: write e.g. AXFR, IXFR, A.' : 'Opcodes are upper case: QUERY, IQUERY, STATUS, NOTIFY, UPDATE.'}`, a);
          }
        }
        if (isType) config.requireTypes = value;
        else config.requireOpcodes = value;
        break;
      }
      default:
        ctx.report('error', 'tsig/unknown-option', `Unknown tsig option '${option.value}'; CoreDNS refuses to start. Options are secret, secrets, require and require_opcode (the algorithm comes from the request).`, option);
    }
  }
  return config;
}

function addSecret(ctx: SetupContext, config: TsigConfig, name: string, secret: string, at: ArgToken): void {
  if (config.secrets.has(name)) {
    ctx.report('error', 'tsig/key-redefined', `The key ${name} is defined twice; CoreDNS refuses it. Keep one definition per key name.`, at);
    return;
  }
  config.secrets.set(name, secret);
}

function readSecretsFile(ctx: SetupContext, config: TsigConfig, token: ArgToken): void {
  const found = readPluginFile(ctx, 'tsig', token, 'CoreDNS refuses to start because it cannot read the keys.');
  if (!found) return;
  const parsed = parseKeyFile(found.text);
  if ('error' in parsed) {
    ctx.report('error', 'tsig/bad-secrets-file', `${found.path}: ${parsed.error}; CoreDNS refuses it. The file holds BIND-style entries: key "NAME" { algorithm ALG; secret "BASE64"; };`, token);
    return;
  }
  for (const [name, secret] of parsed.secrets) addSecret(ctx, config, name, secret, token);
}

/** Reads a BIND-style key file the way CoreDNS's tsig plugin does (line by line, first word decides). */
export function parseKeyFile(text: string): { secrets: Map<string, string> } | { error: string } {
  const secrets = new Map<string, string>();
  const lines = text.split('\n');
  let i = 0;
  while (i < lines.length) {
    const fields = lines[i++]!.trim().split(/\s+/).filter((f) => f !== '');
    if (fields.length === 0) continue;
    if (fields[0] !== 'key') return { error: `unexpected '${fields[0]}' where 'key' was expected` };
    const raw = (fields[1] ?? '').replace(/^["{]+|["{]+$/g, '');
    if (raw === '') return { error: 'a key without a name' };
    const key = normalizeName(raw);
    if (secrets.has(key)) return { error: `key ${key} is defined twice` };
    while (i < lines.length) {
      const inner = lines[i++]!.trim().split(/\s+/).filter((f) => f !== '');
      if (inner.length === 0 || inner[0] === 'algorithm') continue;
      if (inner[0] === '}' || inner[0] === '};') break;
      if (inner[0] !== 'secret') return { error: `unexpected '${inner[0]}' inside key ${key}` };
      const secret = (inner[1] ?? '').replace(/^[";]+|[";]+$/g, '');
      if (secret === '') return { error: `key ${key} has an empty secret` };
      secrets.set(key, secret);
    }
    if (!secrets.has(key)) return { error: `key ${key} has no secret` };
  }
  return { secrets };
}

export const tsig: PluginModule<TsigConfig> = {
  name: 'tsig',
  setupOnly: false,
  handler: tsigHandler,
  repeat: 'once',
  docs: {
    summary: 'Checks TSIG signatures on requests and signs the responses with the shared key.',
    behaviour: 'For requests in its zones, a TSIG signature is verified against the configured keys; a bad signature, or a missing one where require/require_opcode demand it, is answered with an error (NOTAUTH or REFUSED). Good requests pass on, and the reply is signed with the same key.',
    syntax: ['tsig [ZONES...] {\n    secret NAME SECRET\n    secrets FILE\n    require [QTYPE...|all|none]\n    require_opcode [OPCODE...|all|none]\n}'],
    arguments: [{ name: 'ZONES', syntax: 'ZONES...', description: 'Zones the plugin acts on.', default: "the server block's zones" }],
    options: [
      { name: 'secret', syntax: 'secret NAME SECRET', description: 'A key name and its base64 secret; each name may be defined once.' },
      { name: 'secrets', syntax: 'secrets FILE', description: 'Read keys from a BIND-style key file, which must be readable at startup.' },
      { name: 'require', syntax: 'require QTYPE...|all|none', description: 'Query types that must be signed (case-sensitive).', default: 'none' },
      { name: 'require_opcode', syntax: 'require_opcode OPCODE...|all|none', description: 'Opcodes that must be signed, e.g. UPDATE, NOTIFY (upper case).', default: 'none' },
    ],
    examples: ['example.org {\n    tsig {\n        secret xfr.example.org. c2VjcmV0LWtleS1vbmU=\n        require AXFR IXFR\n    }\n    whoami\n}'],
  },
  setup,
};
