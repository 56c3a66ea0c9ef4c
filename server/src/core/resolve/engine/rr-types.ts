// Record-type and class mnemonics. miekg/dns (and so dig and CoreDNS) writes a type it knows by name and any
// other as TYPE<n>; dns-packet knows fewer names and calls the rest UNKNOWN_<n>. The simulator speaks
// miekg's names everywhere a person reads them and converts only at the wire boundary.

/** miekg/dns's type numbers. */
const TYPES: Readonly<Record<string, number>> = {
  A: 1, NS: 2, MD: 3, MF: 4, CNAME: 5, SOA: 6, MB: 7, MG: 8, MR: 9, NULL: 10, PTR: 12, HINFO: 13, MINFO: 14,
  MX: 15, TXT: 16, RP: 17, AFSDB: 18, X25: 19, ISDN: 20, RT: 21, SIG: 24, KEY: 25, PX: 26, GPOS: 27,
  AAAA: 28, LOC: 29, NXT: 30, EID: 31, NIMLOC: 32, SRV: 33, ATMA: 34, NAPTR: 35, KX: 36, CERT: 37, DNAME: 39,
  OPT: 41, APL: 42, DS: 43, SSHFP: 44, IPSECKEY: 45, RRSIG: 46, NSEC: 47, DNSKEY: 48, DHCID: 49, NSEC3: 50,
  NSEC3PARAM: 51, TLSA: 52, SMIMEA: 53, HIP: 55, NINFO: 56, RKEY: 57, TALINK: 58, CDS: 59, CDNSKEY: 60,
  OPENPGPKEY: 61, CSYNC: 62, ZONEMD: 63, SVCB: 64, HTTPS: 65, SPF: 99, UINFO: 100, UID: 101, GID: 102,
  UNSPEC: 103, NID: 104, L32: 105, L64: 106, LP: 107, EUI48: 108, EUI64: 109, NXNAME: 128, TKEY: 249,
  TSIG: 250, IXFR: 251, AXFR: 252, MAILB: 253, MAILA: 254, ANY: 255, URI: 256, CAA: 257, AVC: 258,
  AMTRELAY: 260, RESINFO: 261, TA: 32768, DLV: 32769,
};

const TYPE_BY_CODE = new Map<number, string>(Object.entries(TYPES).map(([name, code]) => [code, name]));

/** The type numbers by mnemonic in a Map: every record printed and every query built looks its type up. */
const CODE_BY_TYPE = new Map<string, number>(Object.entries(TYPES));

/** The type names dns-packet 5.6's encoder accepts; any other type goes to it as UNKNOWN_<n>. */
const PACKET_TYPES = new Set([
  'A', 'NULL', 'AAAA', 'AFSDB', 'APL', 'CAA', 'CDNSKEY', 'CDS', 'CERT', 'CNAME', 'DHCID', 'DLV', 'DNAME',
  'DNSKEY', 'DS', 'HIP', 'HINFO', 'IPSECKEY', 'KEY', 'KX', 'LOC', 'MX', 'NAPTR', 'NS', 'NSEC', 'NSEC3',
  'NSEC3PARAM', 'PTR', 'RRSIG', 'RP', 'SIG', 'SOA', 'SPF', 'SRV', 'SSHFP', 'TA', 'TKEY', 'TLSA', 'TSIG', 'TXT',
  'AXFR', 'IXFR', 'OPT', 'ANY',
]);

/** The numeric type of a mnemonic (`A`, `https`, `TYPE65`, `UNKNOWN_65`), or undefined when unknown. */
export function typeCode(text: string): number | undefined {
  const direct = CODE_BY_TYPE.get(text);
  if (direct !== undefined) return direct;
  const upper = text.toUpperCase();
  const generic = /^(?:TYPE|UNKNOWN_)([0-9]{1,5})$/.exec(upper);
  if (generic) {
    const code = Number(generic[1]);
    return code <= 0xffff ? code : undefined;
  }
  return CODE_BY_TYPE.get(upper);
}

/** The mnemonic miekg/dns prints for a type number: its name, or TYPE<n>. */
export function typeMnemonic(code: number): string {
  return TYPE_BY_CODE.get(code) ?? `TYPE${code}`;
}

/** A type written any way (`a`, `TYPE1`, `UNKNOWN_1`) in miekg's spelling, or undefined when unknown. */
export function normalizeType(text: string): string | undefined {
  // A mnemonic already in miekg's spelling (nearly every call) is its own answer.
  if (CODE_BY_TYPE.has(text)) return text;
  const code = typeCode(text);
  return code === undefined ? undefined : typeMnemonic(code);
}

/** The spelling dns-packet's encoder understands for a type written any way. */
export function packetTypeName(text: string): string {
  const code = typeCode(text);
  if (code === undefined) return text;
  const name = typeMnemonic(code);
  return PACKET_TYPES.has(name) ? name : `UNKNOWN_${code}`;
}

/** True when dns-packet stores this type's rdata as a raw buffer rather than a structure. */
export function isOpaqueToPacket(text: string): boolean {
  const name = packetTypeName(text);
  return name.startsWith('UNKNOWN_') || OPAQUE_PACKET_TYPES.has(name);
}

const OPAQUE_PACKET_TYPES = new Set([
  'AFSDB', 'APL', 'CDNSKEY', 'CDS', 'CERT', 'DHCID', 'DLV', 'HIP', 'IPSECKEY', 'KEY', 'KX', 'LOC', 'NSEC3PARAM',
  'NULL', 'SIG', 'SPF', 'TA', 'TKEY', 'TSIG', 'AXFR', 'IXFR', 'ANY',
]);

const CLASS_CODES: Readonly<Record<string, number>> = { IN: 1, CS: 2, CH: 3, HS: 4, NONE: 254, ANY: 255 };

/** The numeric class of a mnemonic (`IN`, `CH`, `CLASS3`), or undefined. */
export function classCode(text: string): number | undefined {
  const direct = CLASS_CODES[text];
  if (direct !== undefined) return direct;
  const upper = text.toUpperCase();
  const generic = /^(?:CLASS|UNKNOWN_)([0-9]{1,5})$/.exec(upper);
  if (generic) {
    const code = Number(generic[1]);
    return code <= 0xffff ? code : undefined;
  }
  return CLASS_CODES[upper];
}

const CLASS_BY_CODE = new Map<number, string>(Object.entries(CLASS_CODES).map(([name, code]) => [code, name]));

/** The mnemonic miekg/dns prints for a class number. */
export function classMnemonic(code: number): string {
  return CLASS_BY_CODE.get(code) ?? `CLASS${code}`;
}

/** A class written any way in miekg's spelling, or undefined when unknown. */
export function normalizeClass(text: string): string | undefined {
  const code = classCode(text);
  return code === undefined ? undefined : classMnemonic(code);
}

/** The spelling dns-packet's encoder understands for a class (it knows IN, CS, CH, HS and ANY). */
export function packetClassName(text: string): string {
  const code = classCode(text) ?? 1;
  const name = classMnemonic(code);
  return name === 'NONE' || name.startsWith('CLASS') ? `UNKNOWN_${code}` : name;
}
