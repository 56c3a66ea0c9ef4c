// musl as an application meets it. Read from musl (1.2.5 + later commits): src/network/lookup_name.c
// (name_from_dns_search, name_from_dns), res_msend.c, res_query.c, res_mkquery.c, lookup_ipliteral.c.
// - getaddrinfo: a name with a trailing dot or at least ndots dots is sent only as written; otherwise
//   every search domain in turn, then the name as written. Only NXDOMAIN moves on: an answer without an
//   address of the family asked (NODATA, a CNAME alone) ends the lookup with EAI_NODATA.
// - res_msend accepts only NOERROR and NXDOMAIN replies. A SERVFAIL is retried at once and otherwise
//   ignored, REFUSED and every other rcode are ignored, so all of them end as a timeout: EAI_AGAIN.
// - res_search is an alias of res_query: other types get no search list at all.
import { countPhrase, muslAddresses } from './answers.js';
import { literalAnswer } from './literals.js';
import { absolute, byteLength, countDots, dotsPhrase, fewDotsPhrase, hasTrailingDot, muslEncodingProblem } from './names.js';
import { apiFor, failed, resolved, succeeded } from './result.js';
import type { StubApi, StubRequest, StubResult, StubStatus, StubTry, TryOutcome } from './types.js';

/** What one name_from_dns call ends with: go on to the next name, or a final answer. */
type Step =
  | { kind: 'next' }
  | { kind: 'done'; status: StubStatus; errorName?: string; addresses: string[]; explanation?: string };

/** Why musl did not accept a reply, for the try's sentence. */
function ignoredReason(rcode: string): string {
  if (rcode === 'SERVFAIL') return 'SERVFAIL: musl asks again at once but never accepts a SERVFAIL as an answer, so it waits out the timeout';
  return `${rcode}: musl ignores the reply as if none had come and waits out the timeout`;
}

function makeTry(name: string, type: string, reply: StubTry['reply'], outcome: TryOutcome, why: string): StubTry {
  return reply ? { name, type, rcode: reply.rcode, outcome, why, reply } : { name, type, rcode: 'timeout', outcome, why };
}

function outcomeOfIgnored(rcode: string): TryOutcome {
  return rcode === 'SERVFAIL' ? 'servfail' : rcode === 'REFUSED' ? 'refused' : 'error-rcode';
}

/** Checks that stop musl before a single query goes out. */
function configProblem(req: StubRequest, api: StubApi): { status: StubStatus; errorName: string; explanation: string } | undefined {
  if (req.config.attempts === 0) {
    return {
      status: 'fail',
      errorName: 'SIGFPE',
      explanation: 'attempts:0 makes musl divide the timeout by zero when it sends the first query: the program crashes (SIGFPE on x86).',
    };
  }
  if (req.config.timeout === 0) {
    const errorName = api === 'getaddrinfo' ? 'EAI_AGAIN' : 'TRY_AGAIN';
    return { status: 'again', errorName, explanation: `timeout:0 leaves musl no time to send anything: the lookup fails with ${errorName}.` };
  }
  return undefined;
}

/** name_from_dns for one candidate name and one address family. */
function nameFromDns(req: StubRequest, type: 'A' | 'AAAA', raw: string, last: boolean, tries: StubTry[], explanation: string[]): Step {
  const problem = muslEncodingProblem(raw);
  if (problem) {
    explanation.push(`"${raw}" is skipped: ${problem}, so musl cannot build a query for it and moves on.`);
    return { kind: 'next' };
  }
  const name = absolute(raw);
  const reply = req.send(name, type);
  if (!reply) {
    tries.push(makeTry(name, type, undefined, 'no-reply', `No reply before the timeout (${req.config.timeout}s): musl gives up with EAI_AGAIN.`));
    return { kind: 'done', status: 'again', errorName: 'EAI_AGAIN', addresses: [] };
  }
  if (reply.rcode !== 'NOERROR' && reply.rcode !== 'NXDOMAIN') {
    tries.push(makeTry(name, type, reply, outcomeOfIgnored(reply.rcode), `${ignoredReason(reply.rcode)}, then gives up with EAI_AGAIN.`));
    return { kind: 'done', status: 'again', errorName: 'EAI_AGAIN', addresses: [] };
  }
  if (reply.rcode === 'NXDOMAIN') {
    tries.push(makeTry(name, type, reply, 'nxdomain', last ? 'NXDOMAIN: nothing is left to try.' : 'NXDOMAIN: musl goes on with the next name.'));
    return { kind: 'next' };
  }
  const addresses = muslAddresses(type, reply.answer);
  if (addresses.length > 0) {
    tries.push(makeTry(name, type, reply, 'success', `NOERROR with ${countPhrase(addresses.length, type)}: getaddrinfo returns ${addresses.length === 1 ? 'it' : 'them'}.`));
    return { kind: 'done', status: 'success', addresses };
  }
  const what = reply.answer.length > 0 ? `NOERROR with ${countPhrase(reply.answer.length, 'answer')} but no ${type} record` : 'NOERROR without records (NODATA)';
  tries.push(
    makeTry(
      name,
      type,
      reply,
      reply.answer.length > 0 ? 'no-address' : 'nodata',
      `${what}: the name exists, so musl stops here instead of trying further names, and getaddrinfo fails with EAI_NODATA.`,
    ),
  );
  return {
    kind: 'done',
    status: 'nodata',
    errorName: 'EAI_NODATA',
    addresses: [],
    explanation: 'EAI_NODATA since musl 1.2.4; musl 1.2.3 and older report EAI_NONAME.',
  };
}

function muslGetaddrinfo(req: StubRequest, type: 'A' | 'AAAA'): StubResult {
  const base = { resolver: 'musl' as const, api: 'getaddrinfo' as const };
  const name = req.name;
  const length = byteLength(name);
  if (length === 0 || length >= 255) {
    return failed(base, [], 'nxdomain', 'EAI_NONAME', [`"${name}" is empty or 255 bytes long or more: musl's getaddrinfo fails with EAI_NONAME without a query.`]);
  }
  const literal = literalAnswer('musl', name, type);
  if (literal) return resolved(base, [], literal.status, literal.errorName, [literal.explanation], literal.addresses);

  const { ndots, search } = req.config;
  const dots = countDots(name);
  const trailing = hasTrailingDot(name);
  const bare = trailing ? name.slice(0, -1) : name;
  if (bare === '' || bare.endsWith('.')) {
    return failed(base, [], 'nxdomain', 'EAI_NONAME', [`"${name}" ends with more than one dot: musl fails with EAI_NONAME without a query.`]);
  }
  const explanation: string[] = [];
  const useSearch = !(dots >= ndots || trailing);
  if (trailing) explanation.push(`"${name}" ends with a dot: it is absolute, so musl sends it only as written.`);
  else if (!useSearch) explanation.push(`ndots:${ndots} and ${dotsPhrase(dots)} in "${name}": musl sends the name only as written and, unlike glibc, never falls back to the search list.`);
  else if (search.length === 0) explanation.push(`${fewDotsPhrase(ndots, dots, name)}, but the search list is empty: musl sends the name as written.`);
  else {
    explanation.push(`${fewDotsPhrase(ndots, dots, name)}: musl tries each search domain, then the name as written.`);
    explanation.push(`The search list comes from the ${req.config.searchSource} line: ${search.join(', ')}.`);
  }
  const stop = configProblem(req, 'getaddrinfo');
  if (stop) return failed(base, [], stop.status, stop.errorName, [...explanation, stop.explanation]);

  const tries: StubTry[] = [];
  if (useSearch) {
    for (const domain of search) {
      // The candidate is built in a 256-byte buffer: a domain that does not fit is skipped.
      if (byteLength(domain) >= 256 - byteLength(bare) - 1) {
        explanation.push(`The search domain "${domain.slice(0, 30)}…" is skipped: with the name it does not fit in musl's 255-byte buffer.`);
        continue;
      }
      const step = nameFromDns(req, type, `${bare}.${domain}`, false, tries, explanation);
      if (step.kind === 'done') return finish(base, tries, explanation, step);
    }
  }
  const step = nameFromDns(req, type, name, true, tries, explanation);
  if (step.kind === 'done') return finish(base, tries, explanation, step);
  return finish(base, tries, explanation, { kind: 'done', status: 'nxdomain', errorName: 'EAI_NONAME', addresses: [] });
}

/** getaddrinfo's result once a step of the walk ended it. */
function finish(base: { resolver: 'musl'; api: StubApi }, tries: StubTry[], explanation: string[], step: Step & { kind: 'done' }): StubResult {
  if (step.explanation) explanation.push(step.explanation);
  if (step.status === 'success') {
    explanation.push(`getaddrinfo returns ${step.addresses.join(', ')}.`);
    return succeeded(base, tries, step.addresses, explanation);
  }
  explanation.push(`getaddrinfo fails with ${step.errorName}.`);
  return failed(base, tries, step.status, step.errorName, explanation);
}

/** res_query (and res_search, its alias): one name, as written. */
function muslResQuery(req: StubRequest, type: string): StubResult {
  const base = { resolver: 'musl' as const, api: apiFor(type) };
  const explanation = [
    type === 'PTR'
      ? `PTR lookups are a plain res_query of "${req.name}": no search list, one name.`
      : `musl's res_search is res_query: "${req.name}" is sent only as written, never with the search list.`,
  ];
  const problem = muslEncodingProblem(req.name);
  if (problem) {
    explanation.push(`"${req.name}" cannot be sent: ${problem}, so res_query fails at once (without setting h_errno).`);
    return failed(base, [], 'fail', undefined, explanation);
  }
  const stop = configProblem(req, 'res_query');
  if (stop) return failed(base, [], stop.status, stop.errorName, [...explanation, stop.explanation]);
  const name = absolute(req.name);
  const reply = req.send(name, type);
  let herrno: 'TRY_AGAIN' | 'HOST_NOT_FOUND' | 'NO_DATA';
  let attempt: StubTry;
  if (!reply) {
    herrno = 'TRY_AGAIN';
    attempt = makeTry(name, type, undefined, 'no-reply', `No reply before the timeout (${req.config.timeout}s): res_query fails with TRY_AGAIN.`);
  } else if (reply.rcode !== 'NOERROR' && reply.rcode !== 'NXDOMAIN') {
    herrno = 'TRY_AGAIN';
    attempt = makeTry(name, type, reply, outcomeOfIgnored(reply.rcode), `${ignoredReason(reply.rcode)}, then res_query fails with TRY_AGAIN.`);
  } else if (reply.rcode === 'NXDOMAIN') {
    herrno = 'HOST_NOT_FOUND';
    attempt = makeTry(name, type, reply, 'nxdomain', 'NXDOMAIN: res_query fails with HOST_NOT_FOUND.');
  } else if (reply.answer.length === 0) {
    herrno = 'NO_DATA';
    attempt = makeTry(name, type, reply, 'nodata', 'NOERROR without records (NODATA): res_query fails with NO_DATA.');
  } else {
    attempt = makeTry(name, type, reply, 'success', `NOERROR with ${countPhrase(reply.answer.length, 'answer')}: res_query succeeds.`);
    return succeeded(base, [attempt], [], explanation);
  }
  const status: StubStatus = herrno === 'TRY_AGAIN' ? 'again' : herrno === 'NO_DATA' ? 'nodata' : 'nxdomain';
  return failed(base, [attempt], status, herrno, explanation);
}

export function muslResolve(req: StubRequest): StubResult {
  const type = req.type.toUpperCase();
  if (type === 'A' || type === 'AAAA') return muslGetaddrinfo(req, type);
  return muslResQuery(req, type);
}
