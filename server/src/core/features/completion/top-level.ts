// The start of a top-level line: the server-block shapes people write most, as snippets that open and
// close the block. Each lints clean once its placeholders are filled (test/unit/completion.test.ts fills
// them with their defaults and checks); the TLS transports come with the `tls` line they cannot start
// without. Snippet definitions `(name)` are left to the user: there is nothing to fill in for them.
import type { CompletionEntry } from './types.js';

interface BlockStart {
  label: string;
  detail: string;
  documentation: string;
  snippet: string;
}

const INDENT = '    ';

const BLOCK_STARTS: readonly BlockStart[] = [
  {
    label: '.:53',
    detail: 'Server block for every name, plain DNS on port 53',
    documentation: 'The root zone `.` matches every name that no more specific block serves; port 53 over UDP and TCP.',
    snippet: `.:53 {\n${INDENT}$0\n}`,
  },
  {
    label: 'example.org',
    detail: 'Server block for one zone, plain DNS on port 53',
    documentation: 'Serves the zone and every name below it, on the default port 53; replace the zone name.',
    snippet: `\${1:example.org} {\n${INDENT}$0\n}`,
  },
  {
    label: 'tls://.:853',
    detail: 'Server block for DNS over TLS on port 853',
    documentation: 'CoreDNS refuses a `tls://` block without a `tls` directive, so the snippet holds one: the certificate and key files.',
    snippet: `tls://.:853 {\n${INDENT}tls \${1:CERT} \${2:KEY}\n${INDENT}$0\n}`,
  },
  {
    label: 'https://.:443',
    detail: 'Server block for DNS over HTTPS on port 443',
    documentation: 'Answers DNS queries sent as HTTPS requests to /dns-query. Like `tls://`, it needs a `tls` directive with a certificate and key.',
    snippet: `https://.:443 {\n${INDENT}tls \${1:CERT} \${2:KEY}\n${INDENT}$0\n}`,
  },
];

export function topLevelItems(): CompletionEntry[] {
  return BLOCK_STARTS.map((start, index) => ({
    label: start.label,
    kind: 'address',
    detail: start.detail,
    documentation: start.documentation,
    text: start.label,
    snippet: start.snippet,
    sortText: `${index}`,
  }));
}
