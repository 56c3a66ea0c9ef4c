// The help texts. They list only what is built: a command or option appears here once it works.
import { DEFAULT_COREDNS_VERSION } from '../core/settings.js';

/** The subcommands that exist, in the order the help lists them. */
export const COMMANDS = ['lint', 'fmt', 'resolve', 'test'] as const;

export const MAIN_HELP = `Usage: corefile <command> [options]

Checks CoreDNS Corefiles and resolv.conf files the way CoreDNS and the C library read them.

Commands:
  lint    Report problems in Corefiles and resolv.conf files
  fmt     Format Corefiles, and the Corefiles in Kubernetes ConfigMaps
  resolve Show how names resolve in a pod: stub resolver tries, server blocks, plugins, answers
  test    Check the expectations of *.dnstest.yaml scenarios

Options:
  -h, --help     Show this help
  --version      Print the version

Run 'corefile <command> --help' for the options of a command.
`;

export const LINT_HELP = `Usage: corefile lint [options] PATH...

Reports what CoreDNS would refuse in a Corefile, and what is very likely a mistake in a Corefile or a
resolv.conf. PATH is a file, a directory (searched recursively; node_modules and .git are skipped) or -
for standard input. Files in directories are picked by name:
  Corefile, Corefile.*, *.corefile, *.Corefile     Corefile
  resolv.conf, resolv.conf.*, *.resolv.conf        resolv.conf
  *.yaml, *.yml                                    Kubernetes YAML: the Corefile, *.server and
                                                   *.override keys of ConfigMaps; the YAML files of
                                                   one run pair coredns with coredns-custom

Options:
  --format text|json|sarif    Output format (default: text); sarif is SARIF 2.1.0 for code scanning
  --coredns-version X.Y.Z     The CoreDNS release the Corefiles run on (default: ${DEFAULT_COREDNS_VERSION})
  --external-plugin NAME      A directive compiled into your own CoreDNS build; repeat for each one
  --env KEY=VALUE             A value for {$KEY} in Corefiles; repeat for each variable
  --env-file FILE             KEY=VALUE lines for {$KEY}; --env overrides the same name. The shell's own
                              environment is not read, so results do not depend on where lint runs.
  --resolver glibc|musl       The stub resolver that reads resolv.conf files (default: glibc)
  --lang corefile|resolvconf|yaml
                              The kind of the files named and of standard input (default for -:
                              corefile); in directories, only files of this kind are linted
  --quiet                     Report errors only (text output: no warnings and no summary line)
  -h, --help                  Show this help

Output: one line per finding, 'path:line:column: severity code: message', then a summary line.
JSON: {"version":1,"files":[{"path","language","diagnostics":[...]}],"summary":{...}} with 0-based ranges.

Exit status: 0 no errors (warnings allowed), 1 at least one error, 2 bad usage or an unreadable file.
`;

export const FMT_HELP = `Usage: corefile fmt [--check | --write] [--lang corefile|yaml] PATH...

Formats Corefiles: four spaces per nesting level, one space between words, no trailing whitespace, at most
one blank line in a row (none right after '{' or before '}'), one line break at the end. It only ever
changes whitespace between words: no word, quote or comment moves to another line, and the result is
checked to give CoreDNS the very same tokens on the same lines, or the file is left as written. A Corefile
with syntax errors is not formatted.

In Kubernetes YAML, the Corefiles of ConfigMaps (keys Corefile, *.server, *.override) are formatted inside
literal block scalars (|, |-, |+), keeping the block's indentation. Folded (>), quoted and plain scalars
and keys that hold template actions are left as written, with a note. resolv.conf files are never
formatted: in a directory they are passed over, named on the command line they are refused.

PATH is a file, a directory (searched recursively; node_modules and .git are skipped) or - for standard
input. Files in directories are picked by name: Corefile, Corefile.*, *.corefile, *.Corefile, *.yaml, *.yml.

Options:
  (no flag)                   Print the formatted text of one file (a single PATH) to standard output
  --check                     List the files that are not formatted, one per line
  --write                     Rewrite the files that are not formatted, and list them
  --lang corefile|yaml        The kind of the files named and of standard input (default for -: corefile)
  -h, --help                  Show this help

Notes (what was left as written, and why) go to standard error as 'path:line:column: message'.

Exit status: 0 done (--check: every file formatted), 1 --check found a file that is not formatted,
2 bad usage, an unreadable or unwritable file, or a file that could not be formatted (syntax errors).
`;
