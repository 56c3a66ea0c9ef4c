// What each word of an `options` line means to glibc and to musl. glibc (res_init.c, res_setoptions)
// knows three numeric options and a table of flags that it matches BY PREFIX, in table order; musl
// (resolvconf.c) only looks for `ndots:`, `attempts:` and `timeout:` and ignores everything else.

export type NumericOption = 'ndots' | 'timeout' | 'attempts';

export interface NumericOptionInfo {
  name: NumericOption;
  default: number;
  /** Largest value each libc keeps; bigger values are lowered to it. */
  cap: { glibc: number; musl: number };
  description: string;
}

export const NUMERIC_OPTIONS: readonly NumericOptionInfo[] = [
  {
    name: 'ndots',
    default: 1,
    cap: { glibc: 15, musl: 15 },
    description: 'A name with at least this many dots is tried as written before the search list.',
  },
  {
    name: 'timeout',
    default: 5,
    cap: { glibc: 30, musl: 60 },
    description:
      'Seconds to wait for a reply. glibc waits this long for the first server (later servers get a share of a doubled time); musl uses it as the whole budget of a query.',
  },
  {
    name: 'attempts',
    default: 2,
    cap: { glibc: 5, musl: 10 },
    description: 'How many rounds of queries are sent before giving up (musl: retransmissions within the timeout).',
  },
];

/** The flag names of the effective configuration. */
export type GlibcFlag =
  | 'rotate'
  | 'edns0'
  | 'singleRequest'
  | 'singleRequestReopen'
  | 'noTldQuery'
  | 'noReload'
  | 'useVc'
  | 'trustAd'
  | 'noAaaa'
  | 'strictError';

export interface FlagOptionInfo {
  /** The spelling in resolv.conf. */
  word: string;
  flag: GlibcFlag;
  /** First glibc release that reads it, when that is recent enough to matter. */
  since?: string;
  description: string;
}

/**
 * glibc's flag table in glibc's own order. The order matters: glibc compares each word's beginning
 * with every entry and takes the first match, so `single-request-reopen` must precede `single-request`.
 */
export const GLIBC_FLAGS: readonly FlagOptionInfo[] = [
  { word: 'rotate', flag: 'rotate', description: 'Spread queries over the name servers (since 2.26 the first server is chosen at random).' },
  { word: 'edns0', flag: 'edns0', description: 'Send EDNS0 in queries, announcing a larger UDP reply size.' },
  {
    word: 'single-request-reopen',
    flag: 'singleRequestReopen',
    description: 'Send the A and AAAA queries one after the other, from a new socket for the second one.',
  },
  { word: 'single-request', flag: 'singleRequest', description: 'Send the A and AAAA queries one after the other instead of together.' },
  { word: 'no_tld_query', flag: 'noTldQuery', description: 'Never send a single-label name as it is; only with a search domain appended.' },
  { word: 'no-tld-query', flag: 'noTldQuery', description: 'Never send a single-label name as it is; only with a search domain appended.' },
  { word: 'no-reload', flag: 'noReload', since: '2.26', description: 'Do not re-read resolv.conf when it changes.' },
  { word: 'use-vc', flag: 'useVc', description: 'Send queries over TCP.' },
  { word: 'trust-ad', flag: 'trustAd', since: '2.31', description: 'Set the AD bit in queries and keep it in replies (trust the servers’ DNSSEC validation).' },
  { word: 'no-aaaa', flag: 'noAaaa', since: '2.36', description: 'Do not send AAAA queries.' },
  {
    word: 'strict-error',
    flag: 'strictError',
    since: '2.41',
    description: 'Treat a failed AAAA (or A) half of a dual query as an error and try another server.',
  },
];

/** glibc release from which a leading `-` clears a flag; older releases ignore such words. */
export const GLIBC_NEGATION_SINCE = '2.41';

/** Options glibc used to read and no longer does; they are silently ignored today. */
export const REMOVED_GLIBC_OPTIONS: ReadonlyMap<string, string> = new Map([
  ['inet6', 'glibc deprecated `inet6` in 2.25 and removed it in 2.30; it is ignored. Use getaddrinfo with AF_INET6 in the program instead.'],
  ['ip6-dotint', 'glibc removed `ip6-dotint` in 2.25 (the ip6.int zone was retired in 2006); it is ignored.'],
  ['no-ip6-dotint', 'glibc removed `no-ip6-dotint` in 2.25 (it had long been the default); it is ignored.'],
  ['ip6-bytestring', 'glibc removed `ip6-bytestring` in 2.25 (the DNS extension was never deployed); it is ignored.'],
  ['no-check-names', 'glibc removed `no-check-names` in 2.25 (it had no effect); it is ignored.'],
  ['debug', 'glibc honoured `debug` only in debug builds of the library and stopped reading it in 2.26; it is ignored.'],
]);

/** Every word a person might mean on an options line, for "did you mean" suggestions. */
export const KNOWN_OPTION_WORDS: readonly string[] = [
  ...NUMERIC_OPTIONS.map((o) => `${o.name}:`),
  ...GLIBC_FLAGS.map((f) => f.word),
];

/** The first flag-table entry that `word` starts with, as glibc's strncmp loop finds it. */
export function glibcFlagByPrefix(word: string): FlagOptionInfo | undefined {
  return GLIBC_FLAGS.find((f) => word.startsWith(f.word));
}

export function numericOption(name: string): NumericOptionInfo | undefined {
  return NUMERIC_OPTIONS.find((o) => o.name === name);
}
