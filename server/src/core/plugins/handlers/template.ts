// The template plugin's query behaviour (plugin/template/template.go ServeDNS): the templates are tried in
// Corefile order; the first that matches writes a reply built from its record templates (Go text/template
// executed over the query, each result read like dns.NewRR, so a record without a TTL gets 3600). A CNAME
// answer to an A or AAAA query is resolved through the server and the target's records appended.
import { newReply } from '../../resolve/message.js';
import type { DnsMessage, DnsRecord, Handler, HandlerContext, RcodeName } from '../../resolve/types.js';
import type { TemplateConfig } from '../template.js';
import type { HandlerSite } from '../types.js';
import { parseZoneFile } from '../util/zonefile.js';
import { count, listZones, matchZone, questionOf, stepper } from './zones/common.js';
import { executeGoTemplate } from './zones/gotmpl-exec.js';
import { targetOf } from './zones/rr.js';
import { compileRule, matchRule, type RecordTemplate } from './zones/template-rule.js';
import type { GoValue } from './zones/gotmpl-value.js';
import { toDnsRecord } from './zones/zone.js';
import { appendAll } from '../../append.js';

/** The Extended DNS Error option code (RFC 8914). */
const EDE_OPTION = 15;

export function templateHandler(config: TemplateConfig, site: HandlerSite): Handler {
  const rules = config.templates.map(compileRule);
  const allZones = config.templates.flatMap((t) => t.zones);
  return {
    name: 'template',
    serve(req, next, ctx) {
      const step = stepper(ctx, 'template', site);
      const q = questionOf(req);
      if (matchZone(allZones, q.name) === undefined) {
        step('passed', `${q.name} is in none of the template zones (${listZones([...new Set(allZones)])}): passed to the next plugin.`);
        return next(req);
      }
      const skipped: string[] = [];
      for (const [i, compiled] of rules.entries()) {
        const label = rules.length > 1 ? `template ${i + 1} (${compiled.rule.qclass} ${compiled.rule.qtype})` : `the template (${compiled.rule.qclass} ${compiled.rule.qtype})`;
        const match = matchRule(compiled, req, q.name);
        if (match.kind === 'not-simulated') {
          step('not-simulated', `not simulated: ${label}: ${match.why}. The simulator treats it as not matching and passes the query on.`);
          return next(req);
        }
        if (match.kind === 'skip') {
          if (!match.passOn) {
            step('error', `${label} covers ${q.name}, but ${match.why}: the query stops here with SERVFAIL.`);
            return { rcode: 'SERVFAIL', answeredBy: 'template' };
          }
          skipped.push(`${label}: ${match.why}`);
          continue;
        }
        const rcode = rcodeName(compiled.rule.rcode);
        if (rcode === undefined) {
          step('not-simulated', `not simulated: ${label} matches ${q.name}, but its rcode ${compiled.rule.rcode} cannot be carried by the simulator's messages; the query is passed on.`);
          return next(req);
        }
        if (rcode === 'SERVFAIL') {
          step('answered', `${label} matches ${q.name} (pattern ${match.regex}) and its rcode is SERVFAIL: CoreDNS returns SERVFAIL without writing a reply, and the server answers SERVFAIL.`);
          return { rcode: 'SERVFAIL', answeredBy: 'template' };
        }
        const built = buildReply(compiled.answer, compiled.additional, compiled.authority, match.data, q.type, ctx);
        if ('error' in built) {
          step('error', `${label} matches ${q.name}, but ${built.error}: CoreDNS answers SERVFAIL.`);
          return { rcode: 'SERVFAIL', answeredBy: 'template' };
        }
        const reply = newReply(req.msg, rcode, { answer: built.answer, authority: built.authority, additional: built.additional, aa: true });
        if (built.truncated) reply.flags.tc = true;
        const ede = compiled.rule.ederror;
        if (ede) reply.edns = { udpSize: 4096, do: true, options: [{ code: EDE_OPTION, data: edeData(ede.code, ede.reason ?? '') }] };
        const before = skipped.length > 0 ? ` (${skipped.join('; ')})` : '';
        const chased = built.chased.length > 0 ? ` ${built.chased.join(' ')}` : '';
        step('answered', `${label} matches ${q.name} with the pattern ${match.regex}${before}: ${rcode} with ${count(built.answer.length, 'answer record')}${built.authority.length > 0 ? `, ${count(built.authority.length, 'authority record')}` : ''}${built.additional.length > 0 ? `, ${count(built.additional.length, 'additional record')}` : ''}.${chased}${ede ? ` Extended DNS Error ${ede.code} is attached.` : ''}`);
        return { rcode, reply, answeredBy: 'template' };
      }
      step('passed', `No template answers ${q.name}: ${skipped.join('; ')}. Passed to the next plugin.`);
      return next(req);
    },
  };
}

interface BuiltReply {
  answer: DnsRecord[];
  additional: DnsRecord[];
  authority: DnsRecord[];
  truncated: boolean;
  /** Sentences about CNAME targets resolved through the server. */
  chased: string[];
}

function buildReply(answers: RecordTemplate[], additional: RecordTemplate[], authority: RecordTemplate[], data: GoValue, qtype: string, ctx: HandlerContext): BuiltReply | { error: string } {
  const out: BuiltReply = { answer: [], additional: [], authority: [], truncated: false, chased: [] };
  for (const t of answers) {
    const rr = executeRecord('answer', t, data);
    if (typeof rr === 'string') return { error: rr };
    out.answer.push(rr);
    if ((qtype === 'A' || qtype === 'AAAA') && rr.type === 'CNAME') {
      const target = `${targetOf(rr)}.`;
      const up: DnsMessage = ctx.lookup(target, qtype);
      out.truncated = up.flags.tc;
      appendAll(out.answer, up.answer);
      out.chased.push(`The CNAME target ${target} was resolved through the server (${up.rcode}, ${count(up.answer.length, 'record')} appended).`);
    }
  }
  for (const [section, list] of [['additional', additional], ['authority', authority]] as const) {
    for (const t of list) {
      const rr = executeRecord(section, t, data);
      if (typeof rr === 'string') return { error: rr };
      out[section].push(rr);
    }
  }
  return out;
}

/** Executes one record template and reads the text like dns.NewRR (origin ".", default TTL 3600). */
function executeRecord(section: string, template: RecordTemplate, data: GoValue): DnsRecord | string {
  if (!template.parsed) return `its ${section} template "${template.text}" does not parse (${template.error ?? 'unknown error'})`;
  const result = executeGoTemplate(section, template.parsed, data);
  if (!result.ok) return `its ${section} template "${template.text}" fails: ${result.error}`;
  const text = result.text;
  const parsed = parseZoneFile(text, '.', section, () => undefined);
  if (parsed.error) return `its ${section} template gives "${text}", which is not a resource record (${parsed.error.message})`;
  const first = parsed.records[0];
  if (!first) return `its ${section} template gives "${text}", which holds no resource record`;
  const read = toDnsRecord(first, false);
  if (!read.ok) return `its ${section} template gives "${text}", which the simulator cannot represent (${read.message})`;
  return read.record;
}

const RCODE_NAMES: ReadonlySet<string> = new Set(['NOERROR', 'FORMERR', 'SERVFAIL', 'NXDOMAIN', 'NOTIMP', 'REFUSED', 'YXDOMAIN', 'YXRRSET', 'NXRRSET', 'NOTAUTH', 'NOTZONE', 'BADVERS']);

/** The template's rcode as a message rcode: NOTIMPL is NOTIMP, and BADSIG shares 16 with BADVERS. */
function rcodeName(text: string): RcodeName | undefined {
  const name = text === 'NOTIMPL' ? 'NOTIMP' : text === 'BADSIG' ? 'BADVERS' : text;
  return RCODE_NAMES.has(name) ? (name as RcodeName) : undefined;
}

/** EDE option data: the 16-bit info code, then the extra text. */
function edeData(code: number, reason: string): Uint8Array {
  const text = Buffer.from(reason, 'utf8');
  const data = new Uint8Array(2 + text.length);
  data[0] = code >> 8;
  data[1] = code & 0xff;
  data.set(text, 2);
  return data;
}
