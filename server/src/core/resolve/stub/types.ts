// The vocabulary of the stub resolvers: what an application asks, how each name the libc sends fared,
// and what the application finally gets back. The walk itself lives in glibc.ts and musl.ts.
import type { EffectiveResolvConf } from '../../resolvconf/index.js';
import type { DnsMessage, RcodeName } from '../types.js';

export type StubResolver = 'glibc' | 'musl';

/**
 * Sends one question to the name servers and returns the reply, or undefined when no reply came before
 * the timeout. `name` is absolute (it ends with a dot); `type` is a mnemonic such as A, AAAA or SRV.
 * Retransmissions and other name servers are the sender's business: one call is one try.
 */
export type SendFn = (name: string, type: string) => DnsMessage | undefined;

export interface StubRequest {
  /** The name exactly as the application passes it; a trailing dot makes it absolute. */
  name: string;
  /** A and AAAA model getaddrinfo for one address family, PTR a plain res_query, anything else res_search. */
  type: string;
  resolver: StubResolver;
  /** The configuration the libc runs with (resolvconf's effectiveConfig). */
  config: EffectiveResolvConf;
  send: SendFn;
}

/** The library call the lookup models, chosen by the query type. */
export type StubApi = 'getaddrinfo' | 'res_search' | 'res_query';

/**
 * How the libc read the reply to one try.
 * - success: an answer the lookup accepts (with addresses of the asked family for getaddrinfo).
 * - no-address: NOERROR with records, but none that getaddrinfo can use (a CNAME alone, or addresses
 *   owned by another name).
 * - nxdomain, nodata (NOERROR without records), servfail, refused: the server's verdict.
 * - error-rcode: any other rcode (FORMERR, NOTIMP, YXDOMAIN ...).
 * - lame: glibc only, NOERROR with nothing in it and neither AA nor RA set.
 * - no-reply: nothing came back before the timeout.
 */
export type TryOutcome = 'success' | 'no-address' | 'nxdomain' | 'nodata' | 'servfail' | 'refused' | 'error-rcode' | 'lame' | 'no-reply';

export interface StubTry {
  /** The absolute name sent. */
  name: string;
  /** The type sent (glibc's no-aaaa option sends A for an AAAA lookup). */
  type: string;
  rcode: RcodeName | 'timeout';
  outcome: TryOutcome;
  /** A sentence: what the reply meant to the libc and why the walk went on or stopped here. */
  why: string;
  /** The reply as the sender returned it, when there was one. */
  reply?: DnsMessage;
}

/** What the application sees, independent of the spelling of the error code. */
export type StubStatus = 'success' | 'nxdomain' | 'nodata' | 'again' | 'fail';

export interface StubResult {
  resolver: StubResolver;
  api: StubApi;
  /** Every distinct lookup the libc made, in order, up to and including the one that ended the walk. */
  tries: StubTry[];
  status: StubStatus;
  /**
   * The error the application gets: getaddrinfo's EAI_* code for A/AAAA, h_errno for res_search and
   * res_query. Absent on success.
   */
  errorName?: string;
  /** Sentences, in order: why the libc tried the names it tried and what the lookup ended with. */
  explanation: string[];
  /** For A/AAAA: the addresses the libc hands to the application, in reply order. Empty otherwise. */
  addresses: string[];
}
