// The resolution result, DESIGN.md "Resolution result": the public JSON of `corefile resolve --format
// json`, also what the panel and `corefile test` read. Fields beyond the contract's (why, outcome,
// explanation, ...) are additions that explain; none of the contract's fields changes meaning.
import type { Range } from '../../types.js';
import type { StubApi, StubStatus, TryOutcome } from '../stub/index.js';
import type { StepAction } from '../types.js';

export interface StepJson {
  plugin: string;
  action: StepAction;
  detail: string;
  range?: Range;
  /** The document of the range when it is not the scenario's Corefile (an imported file). */
  uri?: string;
}

export interface TryJson {
  /** The absolute name the stub sent. */
  name: string;
  type: string;
  /** The server block that handled it (`zone:port`), or null when none did. */
  serverBlock: string | null;
  /** The plugin that produced the reply, `server` for the server itself, null when nothing answered. */
  answeredBy: string | null;
  /** The reply's rcode, or `TIMEOUT` when no reply came. */
  rcode: string;
  answer: string[];
  authority: string[];
  additional: string[];
  steps: StepJson[];
  /** How the libc read this reply, and why its walk went on or stopped. */
  outcome: TryOutcome;
  why: string;
  /** The reply's header bits that matter to a reader (authoritative, truncated). */
  flags?: { aa: boolean; tc: boolean };
  /** True when the UDP reply was truncated and the stub asked again over TCP (this try shows the TCP reply). */
  retriedOverTcp?: boolean;
}

export interface QueryResultJson {
  query: { name: string; type: string; resolver: string };
  stub: { nameservers: string[]; search: string[]; ndots: number; api: StubApi };
  tries: TryJson[];
  result: {
    /** The rcode of the last try; `TIMEOUT` when it got no reply; null when nothing was sent. */
    rcode: string | null;
    answeredBy: string | null;
    /** The answer section of the last try. */
    answer: string[];
    /** What the application sees: success, nxdomain, nodata, again or fail. */
    stub: StubStatus;
    /** getaddrinfo's EAI_* code or h_errno, when the lookup failed. */
    error?: string;
    /** For A/AAAA: the addresses getaddrinfo hands to the application. */
    addresses: string[];
    /** Sentences: why the stub tried the names it tried, and how the lookup ended. */
    explanation: string[];
  };
}

export interface ResolutionResult {
  version: 1;
  corefile: {
    path?: string;
    /** For a Corefile inside a ConfigMap: the YAML line of its first line and the indentation removed. */
    embedded?: { line: number; indent: number };
    /** Errors CoreDNS would refuse to start with; the simulation runs anyway and says so. */
    errors: Array<{ code: string; message: string; range: Range }>;
  };
  resolvConf: { path?: string; generated: boolean; text: string };
  client: { ip: string; pod?: string };
  /** Where the stub's queries arrive: CoreDNS's port and the transport used. */
  listener: { port: number; transport: 'udp' | 'tcp' };
  /** Things the user should know about the inputs (cluster objects left out, port choice...). */
  warnings: string[];
  results: QueryResultJson[];
}
