// Checks on `nameserver` lines as the chosen libc reads them: an address that does not parse is
// skipped silently by both libcs (an error here, because the server the file names is not used, and
// with no server left every query goes to 127.0.0.1); only the first three addresses count.
import type { Range } from '../types.js';
import { glibcNameserverAddress, type IpAddress } from './addresses.js';
import { lineNo, quote, startsComment, type CheckContext } from './check-context.js';
import { MAXNS } from './config.js';
import type { ResolvConfLine } from './model.js';
import { spanRange, type Span } from './span.js';

interface Reading {
  word?: Span;
  address?: IpAddress;
}

function readingOf(ctx: CheckContext, index: number): Reading | undefined {
  const reading = ctx.resolver === 'glibc' ? ctx.glibc[index] : ctx.musl[index];
  return reading?.kind === 'nameserver' ? reading : undefined;
}

const WITH_PORT = /^(\d{1,3}(\.\d{1,3}){3}[:#]\d+|\[[0-9a-fA-F:.%\w]+\](:\d+)?)$/;
const HOST_NAME = /^(?=.*[a-z])[a-z0-9_-]+(\.[a-z0-9_-]+)*\.?$/i;

function reportInvalid(ctx: CheckContext, word: Span, range: Range): void {
  const text = word.text;
  if (ctx.resolver === 'glibc' && text.endsWith('\r') && glibcNameserverAddress(text.slice(0, -1))) {
    ctx.report(
      'error',
      'resolvconf/carriage-return',
      range,
      `glibc reads the carriage return of this CRLF line as part of the address ${quote(text)}, so it ignores this name server. Save the file with LF line endings.`,
    );
    return;
  }
  let message: string;
  if (WITH_PORT.test(text)) {
    message = `${quote(text)} carries a port or brackets: resolv.conf takes a bare address and the libc always uses port 53, so glibc and musl ignore this line. Write the address alone.`;
  } else if (HOST_NAME.test(text)) {
    message = `${quote(text)} is a host name, but resolv.conf needs the IP address of the server: glibc and musl ignore this line. Write the server's address.`;
  } else if (ctx.resolver === 'musl' && glibcNameserverAddress(text)) {
    message = `musl accepts an interface name after \`%\` only on link-local addresses (fe80::/10), and a number otherwise, so it ignores ${quote(text)}. Use a numeric scope or remove it.`;
  } else {
    message = `${quote(text)} is not an IPv4 or IPv6 address: glibc and musl ignore this line. Write the server's address, e.g. \`nameserver 10.96.0.10\`.`;
  }
  ctx.report('error', 'resolvconf/invalid-nameserver', range, message);
}

function reportExtraValues(ctx: CheckContext, line: ResolvConfLine): void {
  const extra = line.directive?.values.slice(1) ?? [];
  if (extra.length === 0 || startsComment(extra[0]!.text)) return;
  const range = { start: extra[0]!.range.start, end: extra[extra.length - 1]!.range.end };
  ctx.report(
    'warning',
    'resolvconf/ignored-values',
    range,
    `glibc and musl read one address per nameserver line and ignore ${quote(extra.map((t) => t.text).join(' '))}. Put each server on its own nameserver line.`,
  );
}

export function checkNameservers(ctx: CheckContext): void {
  const used: Array<{ address: string; line: ResolvConfLine }> = [];
  ctx.file.lines.forEach((line, index) => {
    const reading = readingOf(ctx, index);
    if (!reading?.word) return;
    const range = spanRange(line, reading.word);
    reportExtraValues(ctx, line);
    const address = reading.address;
    if (!address) {
      reportInvalid(ctx, reading.word, range);
      return;
    }
    if (address.family === 4 && !address.plainDottedQuad) {
      ctx.report(
        'warning',
        'resolvconf/ambiguous-ipv4',
        range,
        `glibc and musl read ${quote(reading.word.text)} as ${address.address} (a leading 0 means octal, 0x hex, and missing parts are filled with zeros). Write \`${address.address}\` if that is the server you mean.`,
      );
    }
    const percent = reading.word.text.indexOf('%');
    if (ctx.resolver === 'glibc' && percent >= 0 && !address.address.includes('%')) {
      ctx.report(
        'warning',
        'resolvconf/ignored-scope',
        range,
        `glibc drops the scope ${quote(reading.word.text.slice(percent))} (it takes an interface name only on link-local addresses, otherwise a number) and uses ${address.address} without one. Fix or remove the scope.`,
      );
    }
    if (used.length >= MAXNS) {
      ctx.report(
        'warning',
        'resolvconf/too-many-nameservers',
        range,
        `glibc and musl use only the first ${MAXNS} name servers, so ${address.address} (number ${used.length + 1}) is never asked. Remove it or drop another server.`,
      );
    }
    const earlier = used.find((u) => u.address === address.address);
    if (earlier) {
      ctx.report(
        'warning',
        'resolvconf/duplicate-nameserver',
        range,
        `${address.address} is already listed on line ${lineNo(earlier.line)}; the repeat takes one of the ${MAXNS} name server places. Remove it.`,
      );
    }
    used.push({ address: address.address, line });
  });
  if (used.length === 0) {
    ctx.report(
      'warning',
      'resolvconf/no-nameserver',
      { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      `No usable nameserver line: ${ctx.resolver} sends every query to 127.0.0.1. Add \`nameserver <address>\` unless a local DNS server is meant.`,
    );
  }
}
