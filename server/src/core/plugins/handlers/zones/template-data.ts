// The data a CoreDNS template executes over (plugin/template/template.go templateData), as Go values:
// .Zone .Name .Regex .Match .Group .Class .Type .Message .Question .Remote .Var and the method .Meta.
// .Message and .Question are the request's *dns.Msg and *dns.Question, with miekg's field names and the
// String methods fmt uses when a template prints them.
import { classCode } from '../../../resolve/engine/rr-types.js';
import { formatRecord, typeCode } from '../../../resolve/message.js';
import type { DnsMessage, Question } from '../../../resolve/types.js';
import { bool, int, NIL, str, stringMap, stringSlice, uint, type GoValue } from './gotmpl-value.js';

export interface TemplateDataInput {
  zone: string;
  /** The lower-cased query name (request.Name). */
  name: string;
  regex: string;
  match: string[];
  group: Map<string, string>;
  class: string;
  type: string;
  message: DnsMessage;
  remote: string;
  metadata: ReadonlyMap<string, string>;
  /** Values of the template's `var` lines, when it has any. */
  vars?: Map<string, GoValue>;
}

const OPCODES: Readonly<Record<string, number>> = { QUERY: 0, IQUERY: 1, STATUS: 2, NOTIFY: 4, UPDATE: 5 };
const RCODES: Readonly<Record<string, number>> = { NOERROR: 0, FORMERR: 1, SERVFAIL: 2, NXDOMAIN: 3, NOTIMP: 4, REFUSED: 5, YXDOMAIN: 6, YXRRSET: 7, NXRRSET: 8, NOTAUTH: 9, NOTZONE: 10, BADVERS: 16 };

export function templateData(input: TemplateDataInput): GoValue {
  const question = input.message.question[0];
  const fields: Record<string, () => GoValue> = {
    Zone: () => str(input.zone),
    Name: () => str(input.name),
    Regex: () => str(input.regex),
    Match: () => stringSlice(input.match),
    Group: () => stringMap(input.group),
    Class: () => str(input.class),
    Type: () => str(input.type),
    Message: () => messageValue(input.message),
    Question: () => (question ? questionValue(question) : NIL),
    Remote: () => str(input.remote),
    Var: () => (input.vars ? { k: 'map', entries: new Map(input.vars), type: 'map[string]interface {}', elemZero: NIL } : { k: 'map', entries: new Map(), type: 'map[string]interface {}', elemZero: NIL }),
  };
  return {
    k: 'object',
    type: '*template.templateData',
    fields,
    methods: {
      Meta: { params: ['string'], call: ([label]) => str(input.metadata.get((label as { v: string }).v) ?? '') },
    },
  };
}

/** miekg's Question.String: `;name.\tIN\t A`. */
function questionString(q: Question): string {
  return `;${q.name}\t${q.class}\t ${q.type}`;
}

function questionValue(q: Question): GoValue {
  return {
    k: 'object',
    type: '*dns.Question',
    fields: {
      Name: () => str(q.name),
      Qtype: () => uint(typeCode(q.type) ?? 0, 'uint16'),
      Qclass: () => uint(classCode(q.class) ?? 1, 'uint16'),
    },
    methods: {},
    str: () => questionString(q),
  };
}

function recordList(records: DnsMessage['answer']): GoValue {
  const items: GoValue[] = records.map((r) => ({ k: 'object', type: 'dns.RR', fields: {}, methods: {}, str: () => formatRecord(r) }));
  return { k: 'slice', items, type: '[]dns.RR', elemZero: NIL };
}

function messageValue(msg: DnsMessage): GoValue {
  return {
    k: 'object',
    type: '*dns.Msg',
    fields: {
      Id: () => uint(msg.id, 'uint16'),
      Response: () => bool(msg.response),
      Opcode: () => int(OPCODES[msg.opcode] ?? 0),
      Authoritative: () => bool(msg.flags.aa),
      Truncated: () => bool(msg.flags.tc),
      RecursionDesired: () => bool(msg.flags.rd),
      RecursionAvailable: () => bool(msg.flags.ra),
      Zero: () => bool(false),
      AuthenticatedData: () => bool(msg.flags.ad),
      CheckingDisabled: () => bool(msg.flags.cd),
      Rcode: () => int(RCODES[msg.rcode] ?? 0),
      Compress: () => bool(false),
      Question: () => ({ k: 'slice', items: msg.question.map((q) => ({ ...questionValue(q), type: 'dns.Question', plainInSlices: true })), type: '[]dns.Question', elemZero: NIL }),
      Answer: () => recordList(msg.answer),
      Ns: () => recordList(msg.authority),
      Extra: () => recordList(msg.additional),
    },
    methods: {},
    str: () => messageString(msg),
  };
}

/** miekg's Msg.String, the dig-like dump a template prints for {{ .Message }}. */
function messageString(msg: DnsMessage): string {
  const flags = [msg.response && 'qr', msg.flags.aa && 'aa', msg.flags.tc && 'tc', msg.flags.rd && 'rd', msg.flags.ra && 'ra', msg.flags.ad && 'ad', msg.flags.cd && 'cd'].filter(Boolean).map((f) => ` ${f}`).join('');
  const additional = msg.additional.length + (msg.edns ? 1 : 0);
  let s = `;; opcode: ${msg.opcode}, status: ${msg.rcode}, id: ${msg.id}\n;; flags:${flags}; QUERY: ${msg.question.length}, ANSWER: ${msg.answer.length}, AUTHORITY: ${msg.authority.length}, ADDITIONAL: ${additional}\n`;
  if (msg.edns) s += `\n;; OPT PSEUDOSECTION:\n; EDNS: version 0; flags:${msg.edns.do ? ' do' : ''}; udp: ${msg.edns.udpSize}\n`;
  if (msg.question.length > 0) s += `\n;; QUESTION SECTION:\n${msg.question.map((q) => `${questionString(q)}\n`).join('')}`;
  const section = (title: string, records: DnsMessage['answer']): string => (records.length > 0 ? `\n;; ${title} SECTION:\n${records.map((r) => `${formatRecord(r)}\n`).join('')}` : '');
  return s + section('ANSWER', msg.answer) + section('AUTHORITY', msg.authority) + section('ADDITIONAL', msg.additional);
}
