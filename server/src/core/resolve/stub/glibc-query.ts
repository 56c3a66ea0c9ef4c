// One glibc lookup of one name: __res_context_querydomain building the name, res_send giving up on
// SERVFAIL/REFUSED/NOTIMP and on lame replies, and __res_context_query turning the reply into success or
// an h_errno. The search walk (glibc.ts) decides what to do next from `herrno` and `headerRcode`.
import type { DnsMessage, RcodeName } from '../types.js';
import { absolute, glibcEncodingProblem } from './names.js';
import type { StubRequest, StubTry, TryOutcome } from './types.js';

export type HErrno = 'HOST_NOT_FOUND' | 'TRY_AGAIN' | 'NO_RECOVERY' | 'NO_DATA';

export interface GlibcQuery {
  /** __res_context_query succeeded: NOERROR with at least one answer record. */
  ok: boolean;
  /** h_errno after a failure. */
  herrno?: HErrno;
  /**
   * The rcode in the answer buffer's header, which the search loop reads after TRY_AGAIN to tell a
   * SERVFAIL (go on) from anything else (stop). It stays NOERROR when nothing came back.
   */
  headerRcode: RcodeName;
  /** The try, when a query was sent at all. */
  attempt?: StubTry;
  /** Why nothing was sent, when the name could not be encoded. */
  unsent?: string;
}

/**
 * res_send's lame-server check (send_dg): NOERROR with no answer, no additional record, and neither the
 * AA nor the RA bit is taken for a server that cannot help, and the next one is asked instead. Over TCP
 * (use-vc) the check is not made. An EDNS0 OPT record counts as an additional record.
 */
function isLame(reply: DnsMessage, useVc: boolean): boolean {
  if (useVc || reply.rcode !== 'NOERROR' || reply.answer.length > 0) return false;
  const additional = reply.additional.length + (reply.edns ? 1 : 0);
  return !reply.flags.aa && !reply.flags.ra && additional === 0;
}

function failure(attempt: StubTry, herrno: HErrno, headerRcode: RcodeName): GlibcQuery {
  return { ok: false, herrno, headerRcode, attempt };
}

/** Sends `raw` (a name as glibc built it) and reads the reply the way __res_context_query does. */
export function glibcQuery(req: StubRequest, type: string, raw: string): GlibcQuery {
  const problem = glibcEncodingProblem(raw);
  if (problem) return { ok: false, herrno: 'NO_RECOVERY', headerRcode: 'NOERROR', unsent: `"${raw}" is never sent: ${problem}, so res_mkquery fails with NO_RECOVERY.` };
  const name = absolute(raw);
  // no-aaaa (glibc 2.36+): an AAAA question goes out as an A question and the reply is made empty.
  const noAaaa = req.config.noAaaa && type === 'AAAA';
  const sentType = noAaaa ? 'A' : type;
  const reply = req.send(name, sentType);
  // res_send gives up on the name (returns -1) after every server and attempt failed: h_errno TRY_AGAIN.
  if (!reply) return failure({ name, type: sentType, rcode: 'timeout', outcome: 'no-reply', why: '' }, 'TRY_AGAIN', 'NOERROR');
  const rcode = reply.rcode;
  if (rcode === 'SERVFAIL') return failure(answered(name, sentType, reply, 'servfail'), 'TRY_AGAIN', rcode);
  if (rcode === 'REFUSED') return failure(answered(name, sentType, reply, 'refused'), 'TRY_AGAIN', rcode);
  if (rcode === 'NOTIMP') return failure(answered(name, sentType, reply, 'error-rcode'), 'TRY_AGAIN', rcode);
  if (isLame(reply, req.config.useVc)) return failure(answered(name, sentType, reply, 'lame'), 'TRY_AGAIN', rcode);
  const answers = noAaaa ? 0 : reply.answer.length;
  if (rcode === 'NOERROR' && answers > 0) return { ok: true, headerRcode: rcode, attempt: answered(name, sentType, reply, 'success') };
  if (rcode === 'NOERROR') return failure(answered(name, sentType, reply, 'nodata'), 'NO_DATA', rcode);
  // An NXDOMAIN that carries a CNAME is still NXDOMAIN to glibc.
  if (rcode === 'NXDOMAIN') return failure(answered(name, sentType, reply, 'nxdomain'), 'HOST_NOT_FOUND', rcode);
  return failure(answered(name, sentType, reply, 'error-rcode'), 'NO_RECOVERY', rcode);
}

/** A try that got a reply; its `why` is written once the walk knows what comes next. */
function answered(name: string, type: string, reply: DnsMessage, outcome: TryOutcome): StubTry {
  return { name, type, rcode: reply.rcode, outcome, why: '', reply };
}

/** The first half of a try's `why`: what the reply was, in glibc's terms. */
export function glibcFailureReason(req: StubRequest, attempt: StubTry): string {
  switch (attempt.outcome) {
    case 'nxdomain':
      return attempt.reply && attempt.reply.answer.length > 0 ? 'NXDOMAIN (the records that came with it do not count)' : 'NXDOMAIN';
    case 'nodata':
      return req.config.noAaaa && req.type === 'AAAA' ? 'NODATA (no-aaaa asked for A and emptied the reply)' : 'NOERROR without records (NODATA)';
    case 'servfail':
      return 'SERVFAIL from every name server';
    case 'refused':
      return 'REFUSED from every name server';
    case 'error-rcode':
      return attempt.rcode === 'NOTIMP' ? 'NOTIMP from every name server' : `${attempt.rcode} (glibc cannot use it: NO_RECOVERY)`;
    case 'lame':
      return 'An empty NOERROR with neither the AA nor the RA flag, which glibc takes for a lame server on every name server';
    case 'no-reply':
      return `No reply from any name server (timeout:${req.config.timeout}, attempts:${req.config.attempts})`;
    case 'success':
    case 'no-address':
      return 'An answer';
  }
}
