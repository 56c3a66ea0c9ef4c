// glibc as an application meets it: getaddrinfo for one address family (nss_dns over res_search),
// res_search for other types, res_query for PTR. Read from glibc 2.43-dev: nss/getaddrinfo.c,
// resolv/nss_dns/dns-host.c, resolv/res_query.c, resolv/res_send.c.
import { countPhrase, glibcAddresses } from './answers.js';
import { glibcFailureReason, glibcQuery, type HErrno } from './glibc-query.js';
import { glibcSearch } from './glibc-search.js';
import { literalAnswer } from './literals.js';
import { glibcHostnameProblem } from './names.js';
import { apiFor, failed, resolved, succeeded } from './result.js';
import type { StubRequest, StubResult, StubStatus } from './types.js';

const HERRNO_STATUS: Record<HErrno, StubStatus> = {
  HOST_NOT_FOUND: 'nxdomain',
  NO_DATA: 'nodata',
  TRY_AGAIN: 'again',
  NO_RECOVERY: 'fail',
};

/**
 * How getaddrinfo reports nss_dns's h_errno for one family: NO_DATA is EAI_NODATA, TRY_AGAIN is
 * EAI_AGAIN, and HOST_NOT_FOUND as well as NO_RECOVERY (a name glibc cannot encode) are EAI_NONAME.
 */
const HERRNO_EAI: Record<HErrno, { errorName: string; status: StubStatus }> = {
  HOST_NOT_FOUND: { errorName: 'EAI_NONAME', status: 'nxdomain' },
  NO_DATA: { errorName: 'EAI_NODATA', status: 'nodata' },
  TRY_AGAIN: { errorName: 'EAI_AGAIN', status: 'again' },
  NO_RECOVERY: { errorName: 'EAI_NONAME', status: 'nxdomain' },
};

export function glibcResolve(req: StubRequest): StubResult {
  const type = req.type.toUpperCase();
  const api = apiFor(type);
  const base = { resolver: 'glibc' as const, api };

  // attempts:0 leaves res_send without a single round: it fails at once as if no server were reachable.
  if (req.config.attempts <= 0) {
    const errorName = api === 'getaddrinfo' ? 'EAI_AGAIN' : 'TRY_AGAIN';
    return failed(base, [], 'again', errorName, [`attempts:${req.config.attempts}: glibc sends no query at all and the lookup fails with ${errorName}.`]);
  }

  if (api === 'res_query') {
    const q = glibcQuery(req, type, req.name);
    const explanation = [`${type} lookups are a plain res_query of "${req.name}": no search list, one name.`];
    if (q.unsent) explanation.push(q.unsent);
    const tries = q.attempt ? [q.attempt] : [];
    if (q.ok && q.attempt) {
      q.attempt.why = `NOERROR with ${countPhrase(q.attempt.reply?.answer.length ?? 0, 'answer')}: res_query succeeds.`;
      return succeeded(base, tries, [], explanation);
    }
    const herrno = q.herrno ?? 'NO_RECOVERY';
    if (q.attempt) q.attempt.why = `${glibcFailureReason(req, q.attempt)}: res_query fails with ${herrno}.`;
    return failed(base, tries, HERRNO_STATUS[herrno], herrno, explanation);
  }

  if (api === 'getaddrinfo') {
    const family = type as 'A' | 'AAAA';
    const literal = literalAnswer('glibc', req.name, family);
    if (literal) return resolved(base, [], literal.status, literal.errorName, [literal.explanation], literal.addresses);
    const problem = glibcHostnameProblem(req.name);
    if (problem) {
      return failed(base, [], 'nxdomain', 'EAI_NONAME', [`"${req.name}" is not a valid host name (${problem}): nss_dns answers "not found" without sending a query, and getaddrinfo fails with EAI_NONAME.`]);
    }
  }

  const walk = glibcSearch(req, type, req.name);
  const explanation = [...walk.explanation];
  if (api === 'res_search') explanation.unshift(`${type} lookups go through res_search: the same search walk as for addresses.`);

  const win = walk.success?.attempt;
  if (!win) {
    if (api === 'res_search') {
      explanation.push(`res_search fails with ${walk.herrno}.`);
      return failed(base, walk.tries, HERRNO_STATUS[walk.herrno], walk.herrno, explanation);
    }
    const eai = HERRNO_EAI[walk.herrno];
    explanation.push(`getaddrinfo fails with ${eai.errorName} (h_errno ${walk.herrno}).`);
    return failed(base, walk.tries, eai.status, eai.errorName, explanation);
  }

  const answers = win.reply?.answer ?? [];
  if (api === 'res_search') {
    win.why = `NOERROR with ${countPhrase(answers.length, 'answer')}: res_search is satisfied and the walk stops.`;
    explanation.push(`res_search returns the answer for "${win.name}".`);
    return succeeded(base, walk.tries, [], explanation);
  }

  const family = type as 'A' | 'AAAA';
  // getanswer_r treats the name asked as an alias and gives up on it when it is not a valid host name.
  const qnameProblem = glibcHostnameProblem(win.name);
  const addresses = qnameProblem ? [] : glibcAddresses(win.name, family, answers);
  if (addresses.length > 0) {
    win.why = `NOERROR with ${countPhrase(addresses.length, family)} for the name: the walk stops and getaddrinfo returns ${addresses.length === 1 ? 'it' : 'them'}.`;
    explanation.push(`getaddrinfo returns ${addresses.join(', ')}.`);
    return succeeded(base, walk.tries, addresses, explanation);
  }
  win.outcome = 'no-address';
  if (qnameProblem) {
    win.why = `NOERROR with ${countPhrase(answers.length, 'answer')}, but "${win.name}" is not a valid host name (${qnameProblem}): nss_dns reports "not found".`;
    explanation.push('getaddrinfo fails with EAI_NONAME.');
    return failed(base, walk.tries, 'nxdomain', 'EAI_NONAME', explanation);
  }
  win.why = `NOERROR with ${countPhrase(answers.length, 'answer')} but no ${family} record owned by the name or its CNAME target: res_search counts any answer as success, so the walk stops here, and getaddrinfo finds no address.`;
  // nss_dns (2.37+) returns TRYAGAIN with NO_RECOVERY here. For IPv4 without AI_CANONNAME getaddrinfo goes
  // through gethostbyname2_r, which reports that as EAI_NODATA; for IPv6 it comes out as EAI_NONAME.
  if (family === 'A') {
    explanation.push('getaddrinfo fails with EAI_NODATA: nss_dns finds no usable address in the answer (glibc 2.36 and older report EAI_NONAME).');
    return failed(base, walk.tries, 'nodata', 'EAI_NODATA', explanation);
  }
  explanation.push('getaddrinfo fails with EAI_NONAME: nss_dns finds no usable address in the answer.');
  return failed(base, walk.tries, 'nxdomain', 'EAI_NONAME', explanation);
}
