// What a hover over a server-block key says: how CoreDNS reads the address (corefile/address.ts computes
// it exactly as CoreDNS does): its transport, the zones it serves (a network becomes its reverse zones)
// and the port, written or defaulted.
import { DEFAULT_PORTS, parseServerKey, type Transport } from '../../corefile/address.js';
import { code, limitedList, paragraphs } from './markdown.js';

const TRANSPORT_TEXT: Record<Transport, string> = {
  dns: 'plain DNS over UDP and TCP',
  tls: 'DNS over TLS',
  quic: 'DNS over QUIC',
  grpc: 'DNS over gRPC',
  https: 'DNS over HTTPS',
  https3: 'DNS over HTTPS/3 (HTTP over QUIC)',
  // CoreDNS strips the scheme but starts no server for it, so such a block never answers.
  unix: 'a scheme CoreDNS recognises but starts no server for, so this block answers no queries',
};

/** Reverse zones shown before the list is cut short. */
const MAX_ZONES = 8;

/**
 * `text` is the key as CoreDNS reads it (environment substituted, trailing comma removed); `unknown` lists
 * the variables whose values are not known here, in which case nothing about the key can be certain.
 */
export function addressMarkdown(text: string, unknown: readonly string[]): string {
  const title = `**Server block address** ${code(text)}`;
  if (unknown.length > 0) {
    return paragraphs(title, `It depends on ${unknown.map((v) => code(`{$${v}}`)).join(', ')}, whose value is not known here, so its zone and port are not worked out. Give the value in the ${code('corefileLens.env')} setting.`);
  }
  const key = parseServerKey(text);
  const errors = key.problems.filter((p) => p.severity === 'error');
  const scheme = key.transport === 'dns' && !text.startsWith('dns://') ? 'no scheme, so ' : '';
  const lines = [`- Transport: ${scheme}${TRANSPORT_TEXT[key.transport]} (${code(`${key.transport}://`)})`];
  if (key.zones.length > 0) {
    const zones = limitedList(key.zones.map((z) => code(z)), MAX_ZONES);
    lines.push(key.isReverseCidr
      ? `- Zones: the reverse zones of the network ${code(key.zoneText)}: ${zones}`
      : `- Zone${key.zones.length > 1 ? 's' : ''}: ${zones}${key.zones.includes('.') ? ' (the root: every name)' : ''}`);
  }
  const defaultPort = DEFAULT_PORTS[key.transport];
  if (key.portText !== undefined) lines.push(`- Port: ${key.port}`);
  else if (defaultPort !== undefined) lines.push(`- Port: ${defaultPort}, the default for ${code(`${key.transport}://`)}`);
  else lines.push(`- Port: none (CoreDNS leaves it empty for ${code('unix://')})`);
  const refused = errors.length > 0 ? `CoreDNS refuses this address: ${errors.map((e) => e.message).join(' ')}` : undefined;
  return paragraphs(title, lines.join('\n'), refused);
}
