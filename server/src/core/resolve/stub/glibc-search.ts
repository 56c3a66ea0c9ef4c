// glibc's search walk, __res_context_search in resolv/res_query.c, step for step:
// 1. a name with a trailing dot, or with at least ndots dots, is tried as written first (a trailing dot
//    ends the lookup there, whatever the result);
// 2. without a trailing dot the search list is walked: NXDOMAIN, NODATA and SERVFAIL go on, anything else
//    stops the walk; an entry `.` (or empty) is the root and stands for the name as written;
// 3. the name as written is tried last unless it already was (or the root was in the list), and unless
//    no-tld-query forbids it for a single-label name after a search;
// 4. the error reported is the first try's when the name was tried as written first, else NO_DATA if any
//    search domain answered NODATA, else TRY_AGAIN if any answered SERVFAIL, else the last lookup's.
// HOSTALIASES (a per-user alias file consulted first for names without a dot) is not modelled: a pod's
// environment does not set it.
import { glibcFailureReason, glibcQuery, type GlibcQuery, type HErrno } from './glibc-query.js';
import { countDots, dotsPhrase, fewDotsPhrase, hasTrailingDot } from './names.js';
import type { StubRequest, StubTry } from './types.js';

export interface GlibcSearchEnd {
  /** The lookup that satisfied res_search, if one did. */
  success?: GlibcQuery;
  /** h_errno when none did. */
  herrno: HErrno;
  tries: StubTry[];
  explanation: string[];
}

const SOURCE: Record<string, string> = {
  search: 'the search line',
  domain: 'the domain line',
  LOCALDOMAIN: 'the LOCALDOMAIN environment variable, which replaces the one in the file',
  hostname: "the domain part of the host name (the file has no search or domain line)",
  none: 'nowhere',
};

class Walk {
  readonly tries: StubTry[] = [];
  readonly explanation: string[] = [];
  /** h_errno as the last lookup left it; HOST_NOT_FOUND when nothing was looked up. */
  lastHerrno: HErrno = 'HOST_NOT_FOUND';

  constructor(readonly req: StubRequest, readonly type: string) {}

  query(raw: string): GlibcQuery {
    const q = glibcQuery(this.req, this.type, raw);
    if (q.attempt) this.tries.push(q.attempt);
    if (q.unsent) this.explanation.push(q.unsent);
    if (!q.ok && q.herrno) this.lastHerrno = q.herrno;
    return q;
  }

  /** The walk's outcome: the lookup that satisfied it, if one did, else the h_errno. */
  end(success: GlibcQuery | undefined, herrno: HErrno): GlibcSearchEnd {
    return success ? { success, herrno, tries: this.tries, explanation: this.explanation } : { herrno, tries: this.tries, explanation: this.explanation };
  }

  /** Writes the sentence of a failed lookup: what came back, then `next`. */
  note(q: GlibcQuery, next: string): void {
    if (q.attempt) q.attempt.why = `${glibcFailureReason(this.req, q.attempt)}: ${next}`;
  }
}

function listText(search: string[]): string {
  return search.map((d) => (d === '' ? '(empty: the root)' : d)).join(', ');
}

/** What happens after the search list, as a clause. */
function afterList(willTryAsWritten: boolean, triedAsIs: boolean, rootOnList: boolean): string {
  if (willTryAsWritten) return 'glibc now tries the name as written.';
  if (triedAsIs) return 'the name as written was already tried first, so the lookup ends here.';
  if (rootOnList) return 'the root in the search list already stood for the name as written, so the lookup ends here.';
  return 'no-tld-query keeps glibc from sending a single-label name as written, so the lookup ends here.';
}

export function glibcSearch(req: StubRequest, type: string, name: string): GlibcSearchEnd {
  const w = new Walk(req, type);
  const { ndots, search, noTldQuery } = req.config;
  const dots = countDots(name);
  const trailing = hasTrailingDot(name);

  if (trailing) w.explanation.push(`"${name}" ends with a dot: it is absolute, so glibc sends it only as written.`);
  else if (dots >= ndots) {
    w.explanation.push(
      search.length > 0
        ? `ndots:${ndots} and ${dotsPhrase(dots)} in "${name}": glibc tries the name as written first, then the search list.`
        : `ndots:${ndots} and ${dotsPhrase(dots)} in "${name}": glibc tries the name as written; the search list is empty.`,
    );
  } else if (search.length === 0) {
    w.explanation.push(`${fewDotsPhrase(ndots, dots, name)}, but the search list is empty: glibc sends the name as written.`);
  } else if (dots === 0 && noTldQuery) {
    w.explanation.push(`${fewDotsPhrase(ndots, dots, name)}: glibc walks the search list, and no-tld-query keeps it from sending the single label as written.`);
  } else {
    w.explanation.push(`${fewDotsPhrase(ndots, dots, name)}: the search list is tried first, the name as written last.`);
  }
  if (!trailing && search.length > 0) {
    w.explanation.push(`The search list comes from ${SOURCE[req.config.searchSource] ?? req.config.searchSource}: ${listText(search)}.`);
  }

  let saved: HErrno | undefined;
  let triedAsIs = false;
  let gotNodata = false;
  let gotServfail = false;
  let rootOnList = false;
  let searched = false;

  if (dots >= ndots || trailing) {
    const q = w.query(name);
    if (q.ok) return w.end(q, 'HOST_NOT_FOUND');
    if (trailing) {
      w.note(q, 'the name is absolute, so glibc tries nothing else.');
      return w.end(undefined, w.lastHerrno);
    }
    saved = q.herrno;
    triedAsIs = true;
    w.note(q, search.length > 0 ? 'glibc goes on with the search list.' : 'the search list is empty, so glibc has nothing else to try.');
  }

  if (!trailing) {
    let done = false;
    for (let i = 0; i < search.length && !done; i++) {
      searched = true;
      let domain = search[i]!;
      // glibc skips one leading dot, so `.` and an empty entry both mean the root: "name." is sent.
      if (domain.startsWith('.')) domain = domain.slice(1);
      if (domain === '') {
        rootOnList = true;
        w.explanation.push(`The search list holds the root: glibc sends "${name}." in its place and will not send the name as written again at the end.`);
      }
      const q = w.query(`${name}.${domain}`);
      if (q.ok) return w.end(q, 'HOST_NOT_FOUND');
      let goesOn = true;
      // A remembered NODATA or SERVFAIL decides the error if nothing succeeds later.
      let memo = '';
      if (q.herrno === 'NO_DATA') {
        gotNodata = true;
        memo = 'glibc remembers the NODATA (a record of another type must not hide the name further down the list)';
      } else if (q.herrno === 'TRY_AGAIN' && q.headerRcode === 'SERVFAIL') {
        gotServfail = true;
        memo = 'glibc remembers the SERVFAIL';
      } else if (q.herrno !== 'HOST_NOT_FOUND') {
        goesOn = false;
        done = true;
      }
      const willTryAsWritten = (dots > 0 || !noTldQuery) && !(triedAsIs || rootOnList);
      if (!goesOn && !q.attempt) {
        w.explanation.push(`glibc stops walking the search list; ${afterList(willTryAsWritten, triedAsIs, rootOnList)}`);
      } else if (!goesOn) {
        w.note(q, `glibc stops walking the search list (only NXDOMAIN, NODATA and SERVFAIL let it go on); ${afterList(willTryAsWritten, triedAsIs, rootOnList)}`);
      } else if (i < search.length - 1) {
        w.note(q, memo ? `${memo} and goes on with the next search domain.` : 'glibc goes on with the next search domain.');
      } else {
        w.note(q, `${memo ? `${memo}; ` : ''}that was the last search domain; ${afterList(willTryAsWritten, triedAsIs, rootOnList)}`);
      }
    }
  }

  if ((dots > 0 || !searched || !noTldQuery) && !(triedAsIs || rootOnList)) {
    const q = w.query(name);
    if (q.ok) return w.end(q, 'HOST_NOT_FOUND');
    w.note(q, 'nothing is left to try.');
  }

  if (saved !== undefined) {
    w.explanation.push(`The name as written was tried first, so its error (${saved}) is the one reported.`);
    return w.end(undefined, saved);
  }
  if (gotNodata) {
    w.explanation.push('A search domain answered NODATA, so the error reported is NO_DATA.');
    return w.end(undefined, 'NO_DATA');
  }
  if (gotServfail) {
    w.explanation.push('A search domain answered SERVFAIL, so the error reported is TRY_AGAIN.');
    return w.end(undefined, 'TRY_AGAIN');
  }
  w.explanation.push(`The error reported is the last lookup's (${w.lastHerrno}).`);
  return w.end(undefined, w.lastHerrno);
}
