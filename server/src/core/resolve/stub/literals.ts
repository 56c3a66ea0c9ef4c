// getaddrinfo never asks DNS about an address literal: both libcs parse it first and answer from the
// text. glibc reports the wrong family as EAI_ADDRFAMILY (without AI_V4MAPPED), musl as EAI_NODATA.
import { formatIPv6, inetAton, inetPton6 } from '../../resolvconf/addresses.js';
import type { StubResolver, StubStatus } from './types.js';

export interface LiteralAnswer {
  status: StubStatus;
  errorName?: string;
  addresses: string[];
  explanation: string;
}

function isV4Mapped(bytes: number[]): boolean {
  return bytes.slice(0, 10).every((b) => b === 0) && bytes[10] === 0xff && bytes[11] === 0xff;
}

/** The answer for `name` when it is an address literal, or undefined when it is a name to look up. */
export function literalAnswer(resolver: StubResolver, name: string, type: 'A' | 'AAAA'): LiteralAnswer | undefined {
  // inet_aton accepts the old short and octal/hex forms (`10.1`, `0x7f.1`), in both libcs.
  const v4 = inetAton(name);
  if (v4) {
    if (type === 'A') {
      return { status: 'success', addresses: [v4.address], explanation: `"${name}" is an IPv4 address literal: getaddrinfo returns ${v4.address} without sending a query.` };
    }
    return wrongFamily(resolver, name, 'IPv4', 'AAAA');
  }
  // A scope (`%eth0`) is cut off before the IPv6 text is parsed.
  const percent = name.indexOf('%');
  const bytes = inetPton6(percent < 0 ? name : name.slice(0, percent));
  if (!bytes) return undefined;
  if (type === 'AAAA') {
    const text = formatIPv6(bytes);
    return { status: 'success', addresses: [text], explanation: `"${name}" is an IPv6 address literal: getaddrinfo returns ${text} without sending a query.` };
  }
  if (resolver === 'glibc' && isV4Mapped(bytes)) {
    const text = bytes.slice(12).join('.');
    return { status: 'success', addresses: [text], explanation: `"${name}" is an IPv4-mapped IPv6 literal: glibc's getaddrinfo returns ${text} for IPv4 without sending a query.` };
  }
  return wrongFamily(resolver, name, 'IPv6', 'A');
}

function wrongFamily(resolver: StubResolver, name: string, family: string, type: string): LiteralAnswer {
  const errorName = resolver === 'glibc' ? 'EAI_ADDRFAMILY' : 'EAI_NODATA';
  return {
    status: resolver === 'glibc' ? 'fail' : 'nodata',
    errorName,
    addresses: [],
    explanation: `"${name}" is an ${family} address literal but ${type} asks for the other family: getaddrinfo fails with ${errorName} without sending a query.`,
  };
}
