// The configuration a stub resolver actually runs with after reading resolv.conf (and, for glibc, the
// environment). The simulator uses it; the editor shows it. Every field says what each libc does.
import type { Range } from '../types.js';
import type { Resolver } from './model.js';

/** glibc reads two environment variables; musl reads none. */
export interface ResolverEnv {
  /** glibc: replaces the search list of the file (domain and search lines are skipped). */
  LOCALDOMAIN?: string;
  /** glibc: parsed like an `options` line after the file, so it overrides the file. */
  RES_OPTIONS?: string;
  /**
   * glibc: the host name, used only when neither the file nor LOCALDOMAIN gives a search list; the
   * part after its first dot becomes the only search domain. Unknown when not given.
   */
  hostname?: string;
}

export interface EffectiveResolvConf {
  resolver: Resolver;
  /**
   * Name servers in the order they are used. Both libcs keep the first three valid addresses
   * (MAXNS = 3) and skip lines whose address does not parse; with none left both use 127.0.0.1.
   * glibc tries them one after the other (from a random one with `rotate`); musl queries all of them
   * at once and takes the first answer.
   */
  nameservers: string[];
  /** True when the file gave no usable address and the libc fell back to 127.0.0.1. */
  defaultNameserver: boolean;
  /**
   * The search list. Both libcs: the LAST `domain` or `search` line replaces whatever came before.
   * glibc: `domain x` gives [x] (only its first word), `search` gives every word; lines without a
   * value are skipped; no limit on count or length since 2.26; LOCALDOMAIN replaces the file's list;
   * with no list at all, the domain part of the host name. musl: `domain` and `search` are the same
   * thing (every word counts), a `search` line without words clears the list, and a line of 255 bytes
   * or more is dropped whole. Entries are kept exactly as the libc holds them (an entry `.` or ``
   * means the root to glibc).
   */
  search: string[];
  /** Where the search list came from. */
  searchSource: 'search' | 'domain' | 'LOCALDOMAIN' | 'hostname' | 'none';
  /**
   * Names with at least this many dots are tried as written first. Default 1, glibc and musl cap it
   * at 15. glibc reads a missing or non-numeric value as 0 and keeps only the low 4 bits of a negative
   * one; musl ignores a value that does not start with a digit.
   */
  ndots: number;
  /**
   * Seconds. Default 5. glibc caps at 30 and waits this long for the first server, and
   * (timeout × 2^i) / number of servers for server i, in every round, never less than 1 second. musl
   * caps at 60 and uses it as the total time of a query, resending every timeout/attempts seconds; 0
   * means no query is sent.
   */
  timeout: number;
  /**
   * Default 2. glibc caps at 5: rounds over all servers; 0 or less sends nothing. musl caps at 10:
   * transmissions within the timeout; 0 makes musl divide by zero (the program crashes on x86).
   */
  attempts: number;
  /** glibc: start with a random server instead of the first. musl: ignored (it asks all at once). */
  rotate: boolean;
  /** glibc: send EDNS0 (larger UDP replies). musl: ignored (never sends EDNS0). */
  edns0: boolean;
  /** glibc: send A and AAAA one after the other. musl: ignored (always in parallel). */
  singleRequest: boolean;
  /** glibc: like singleRequest, with a new socket for the second query. musl: ignored. */
  singleRequestReopen: boolean;
  /** glibc: never query a single-label name as it is. musl: ignored (the bare name is always tried last). */
  noTldQuery: boolean;
  /** glibc: TCP instead of UDP. musl: ignored (TCP only after a truncated reply). */
  useVc: boolean;
  /** glibc 2.26+: do not reload resolv.conf when it changes. musl: ignored (it reads the file for every lookup). */
  noReload: boolean;
  /** glibc 2.31+: set the AD bit and keep it in replies. musl: ignored. */
  trustAd: boolean;
  /** glibc 2.36+: no AAAA queries (they are turned into A queries). musl: ignored. */
  noAaaa: boolean;
  /** glibc 2.41+: a failed half of an A/AAAA pair counts as failure. musl: ignored. */
  strictError: boolean;
  /**
   * glibc: address/mask pairs from `sortlist` lines (all lines add up; 10 are kept), used to order the
   * addresses of gethostbyname-style lookups. musl: ignored, always empty.
   */
  sortlist: Array<{ address: string; mask: string }>;
  /** Where values came from in the file; absent when they are defaults or come from the environment. */
  origin: {
    nameservers: Range[];
    search?: Range;
    ndots?: Range;
    timeout?: Range;
    attempts?: Range;
  };
}

export function defaultConfig(resolver: Resolver): EffectiveResolvConf {
  return {
    resolver,
    nameservers: [],
    defaultNameserver: false,
    search: [],
    searchSource: 'none',
    ndots: 1,
    timeout: 5,
    attempts: 2,
    rotate: false,
    edns0: false,
    singleRequest: false,
    singleRequestReopen: false,
    noTldQuery: false,
    useVc: false,
    noReload: false,
    trustAd: false,
    noAaaa: false,
    strictError: false,
    sortlist: [],
    origin: { nameservers: [] },
  };
}

/** Both libcs keep this many name servers. */
export const MAXNS = 3;

/** glibc keeps this many sortlist entries. */
export const MAXRESOLVSORT = 10;
