// The one table of the Corefile words that name files a plugin reads: which directive, on its own line or
// in which option, and at which word. Whether CoreDNS joins a relative path to the block's `root` first is
// plugins/util/plugin-path.ts's joinsRoot, the one list the checks use too. Directories (auto's, root's,
// sign's output) are not files to open, so they are not here.

export interface FileArgumentRule {
  directive: string;
  /** The option line inside the directive's block; undefined for the words on the directive's own line. */
  option?: string;
  /** The indexes of the words (after the directive or option name) that are file names. */
  files(words: readonly string[]): number[];
  /** The file is this word plus a suffix (dnssec and sign keys are named by their base). */
  suffix?: string;
  /** What the file is, for the link's tooltip. */
  what: string;
}

const first = (): number[] => [0];
const all = (words: readonly string[]): number[] => words.map((_, i) => i);
const afterFirst = (words: readonly string[]): number[] => words.map((_, i) => i).slice(1);
/** `key file KEY...`: the words after `file`. */
const keyFiles = (words: readonly string[]): number[] => (words[0] === 'file' ? afterFirst(words) : []);

export const FILE_ARGUMENTS: readonly FileArgumentRule[] = [
  { directive: 'file', files: first, what: 'zone file' },
  { directive: 'hosts', files: first, what: 'hosts file' },
  { directive: 'sign', files: first, what: 'zone file to sign' },
  { directive: 'sign', option: 'key', files: keyFiles, suffix: '.key', what: 'public key of the key pair' },
  { directive: 'dnssec', option: 'key', files: keyFiles, suffix: '.key', what: 'public key of the key pair' },
  { directive: 'tls', files: all, what: 'TLS certificate, key or CA file' },
  // A forward or grpc target that is not an address is read as a resolv.conf-style file.
  { directive: 'forward', files: afterFirst, what: 'resolv.conf-style file of upstream servers' },
  { directive: 'forward', option: 'tls', files: all, what: 'TLS certificate, key or CA file' },
  { directive: 'grpc', files: afterFirst, what: 'resolv.conf-style file of upstream servers' },
  { directive: 'grpc', option: 'tls', files: all, what: 'TLS certificate, key or CA file' },
  { directive: 'etcd', option: 'tls', files: all, what: 'TLS certificate, key or CA file' },
  { directive: 'kubernetes', option: 'kubeconfig', files: first, what: 'kubeconfig file' },
  { directive: 'kubernetes', option: 'tls', files: all, what: 'TLS certificate, key or CA file' },
  { directive: 'dnstap', option: 'tls', files: all, what: 'TLS certificate, key or CA file' },
  { directive: 'prometheus', option: 'tls', files: first, what: 'TLS configuration file' },
  { directive: 'tsig', option: 'secrets', files: first, what: 'TSIG key file' },
  { directive: 'autopath', files: (w) => (w.length > 0 && !w[w.length - 1]!.startsWith('@') ? [w.length - 1] : []), what: 'resolv.conf whose search list autopath uses' },
  { directive: 'loadbalance', files: (w) => (w[0] === 'weighted' && w.length > 1 ? [1] : []), what: 'weight file' },
  { directive: 'geoip', files: first, what: 'MaxMind database' },
  { directive: 'clouddns', option: 'credentials', files: first, what: 'Google Cloud credentials file' },
  { directive: 'route53', option: 'credentials', files: (w) => (w.length > 1 ? [1] : []), what: 'AWS shared credentials file' },
];

/** The rules for the words on a directive's own line (`option` undefined) or on one of its option lines. */
export function rulesFor(directive: string, option: string | undefined): FileArgumentRule[] {
  return FILE_ARGUMENTS.filter((r) => r.directive === directive && r.option === option);
}
