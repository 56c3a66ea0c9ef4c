// The `loadbalance` directive: shuffles the order of A, AAAA and MX records in answers, at random or by
// weights read from a file, optionally putting addresses from preferred subnets first.
import type { ArgToken } from '../corefile/dispenser.js';
import { parseCidr } from '../corefile/zone.js';
import { parseGoDuration, SECOND } from './args.js';
import type { PluginModule, SetupContext } from './types.js';
import { readPluginFile } from './util/query-a-files.js';
import { isPlainIp } from './util/query-a-net.js';
import { loadbalanceHandler } from './handlers/loadbalance.js';
import { joinsRoot } from './util/plugin-path.js';

export interface LoadbalanceConfig {
  policy: 'round_robin' | 'weighted';
  /** For the weighted policy: the weight file as written, and its reload interval in nanoseconds. */
  weightFile?: string;
  reload: number;
  prefer: string[];
}

function setup(ctx: SetupContext): LoadbalanceConfig {
  const { d } = ctx;
  const config: LoadbalanceConfig = { policy: 'round_robin', reload: 30 * SECOND, prefer: [] };
  while (d.next()) {
    const args = d.remainingArgTokens();
    const policy = args[0];
    if (policy && !ctx.isUnknown(policy)) {
      if (policy.value === 'round_robin') {
        config.policy = 'round_robin';
        if (args.length > 1) ctx.report('error', 'loadbalance/wrong-arguments', "round_robin takes no further argument; CoreDNS refuses it. Write 'loadbalance round_robin'.", args[1]);
      } else if (policy.value === 'weighted') {
        config.policy = 'weighted';
        if (args.length < 2) {
          ctx.report('error', 'loadbalance/missing-weight-file', "The weighted policy needs a weight file; CoreDNS refuses it without one. Write 'loadbalance weighted /etc/coredns/weights'.", policy);
        } else if (args.length > 2) {
          ctx.report('error', 'loadbalance/wrong-arguments', "weighted takes exactly one file; CoreDNS refuses more arguments.", args[2]);
        } else {
          config.weightFile = args[1]!.value;
          readWeightedBlock(ctx, config);
          checkWeightFile(ctx, args[1]!, config.reload);
        }
      } else {
        ctx.report('error', 'loadbalance/unknown-policy', `Unknown load-balancing policy '${policy.value}'; CoreDNS refuses it. Use round_robin (the default) or 'weighted FILE'.`, policy);
      }
    }
    while (d.nextBlock()) {
      const option = d.token()!;
      if (option.value !== 'prefer') {
        ctx.report('error', 'loadbalance/unknown-option', `Unknown loadbalance option '${option.value}'; CoreDNS refuses to start. The option is 'prefer CIDR...' (and 'reload' inside a weighted block).`, option);
        continue;
      }
      for (const c of d.remainingArgTokens()) {
        if (ctx.isUnknown(c)) continue;
        if (parseCidr(c.value)) config.prefer.push(c.value);
        else ctx.report('error', 'loadbalance/bad-cidr', `'${c.value}' is not a CIDR; CoreDNS refuses it. Write a network such as 10.0.0.0/8${isPlainIp(c.value) ? ` (for one address: ${c.value}/${c.value.includes(':') ? 128 : 32})` : ''}.`, c);
      }
    }
  }
  return config;
}

/** The block after `weighted FILE` belongs to the policy and accepts only `reload`. */
function readWeightedBlock(ctx: SetupContext, config: LoadbalanceConfig): void {
  const { d } = ctx;
  while (d.nextBlock()) {
    const option = d.token()!;
    if (option.value !== 'reload') {
      ctx.report('error', 'loadbalance/unknown-option', `A weighted block accepts only 'reload DURATION'; CoreDNS refuses '${option.value}'. Put 'prefer' in a separate loadbalance line.`, option);
      continue;
    }
    const values = d.remainingArgTokens();
    if (values.length !== 1) {
      ctx.report('error', 'loadbalance/wrong-arguments', "reload takes exactly one duration; CoreDNS refuses this. Write e.g. 'reload 30s' (0 disables reloading).", values[1] ?? option);
      continue;
    }
    if (ctx.isUnknown(values[0])) continue;
    const v = parseGoDuration(values[0]!.value);
    if (v === undefined) ctx.report('error', 'loadbalance/bad-duration', `'${values[0]!.value}' is not a duration; CoreDNS refuses it. Write e.g. 'reload 30s'.`, values[0]);
    else config.reload = v;
  }
}

function checkWeightFile(ctx: SetupContext, token: ArgToken, reload: number): void {
  const consequence = reload === 0 ? 'CoreDNS refuses to start (reload is 0, so it does not retry).' : 'CoreDNS only logs a warning and retries at each reload interval.';
  // loadbalance joins a relative weight file to the block's `root`.
  const found = readPluginFile(ctx, 'loadbalance', token, consequence, joinsRoot('loadbalance'));
  if (!found) return;
  const problem = weightFileProblem(found.text);
  if (problem) ctx.report('error', 'loadbalance/bad-weight-file', `${found.path}: ${problem}; CoreDNS refuses to start. Each domain name goes on its own line, followed by lines 'IP WEIGHT' (weight 1-255).`, token);
}

/** The first problem CoreDNS's weight-file reader would refuse, or undefined. */
export function weightFileProblem(text: string): string | undefined {
  let domain = '';
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const fields = line.split(/\s+/);
    if (fields.length === 1) {
      if (isPlainIp(fields[0]!)) return `'${fields[0]}' is an address where a domain name is expected (a missing weight?)`;
      domain = fields[0]!;
    } else if (fields.length === 2) {
      if (!isPlainIp(fields[0]!)) return `'${fields[0]}' is not an IP address`;
      const w = /^\d+$/.test(fields[1]!) ? Number(fields[1]) : NaN;
      if (!(w >= 1 && w <= 255)) return `'${fields[1]}' is not a weight from 1 to 255`;
      if (domain === '') return 'an address comes before any domain name';
    } else {
      return `the line '${line}' has more than two fields`;
    }
  }
  return undefined;
}

export const loadbalance: PluginModule<LoadbalanceConfig> = {
  name: 'loadbalance',
  setupOnly: false,
  handler: loadbalanceHandler,
  repeat: 'repeatable',
  docs: {
    summary: 'Shuffles the A, AAAA and MX records of answers so that clients spread over the addresses.',
    behaviour: 'Passes the query on and reorders the records of the reply: at random (round_robin), or so that the address a weight file favours comes first (weighted). Addresses inside a preferred subnet are moved to the front.',
    syntax: ['loadbalance [round_robin]', 'loadbalance weighted WEIGHTFILE {\n    reload DURATION\n}', 'loadbalance [round_robin] {\n    prefer CIDR...\n}'],
    arguments: [
      { name: 'policy', syntax: 'round_robin | weighted WEIGHTFILE', description: 'How records are ordered. The weight file lists a domain name on its own line followed by lines of IP address and weight (1-255).', default: 'round_robin' },
    ],
    options: [
      { name: 'reload', syntax: 'reload DURATION', description: 'With weighted: how often the weight file is re-read; 0 reads it once (and a missing file then stops CoreDNS).', default: '30s' },
      { name: 'prefer', syntax: 'prefer CIDR...', description: 'Addresses inside these networks are put first, in the order of the networks.' },
    ],
    examples: ['. {\n    loadbalance\n    forward . 10.0.0.1\n}', '. {\n    loadbalance round_robin {\n        prefer 10.0.0.0/8\n    }\n    forward . 10.0.0.1\n}'],
  },
  setup,
};
