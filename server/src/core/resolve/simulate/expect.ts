// Compares a query's result with what the scenario expects. Only the fields written in `expect` are
// checked; each difference becomes one sentence that shows the expected and the actual value.
import type { Expectation } from '../scenario/queries.js';
import type { QueryResultJson } from './result.js';

export function checkExpect(result: QueryResultJson, expect: Expectation | undefined): string[] {
  if (!expect) return [];
  const out: string[] = [];
  const last = result.tries.at(-1);
  if (expect.tries) {
    const got = result.tries.map((t) => t.name);
    if (!sameList(expect.tries.map(lowerName), got.map(lowerName))) out.push(`tries: expected ${list(expect.tries)}, got ${list(got)}`);
  }
  if (expect.rcode !== undefined) {
    const got = last?.rcode ?? 'no query sent';
    if (got !== expect.rcode) out.push(`rcode: expected ${expect.rcode}, got ${got}`);
  }
  if (expect.answeredBy !== undefined) {
    const got = last?.answeredBy ?? 'nothing';
    if (got !== expect.answeredBy) out.push(`answeredBy: expected ${expect.answeredBy}, got ${got}`);
  }
  const answer = last?.answer ?? [];
  if (expect.answer && !sameList(expect.answer, answer)) out.push(`answer: expected${records(expect.answer)}\ngot${records(answer)}`);
  if (expect.answerSet && !sameList([...expect.answerSet].sort(), [...answer].sort())) {
    out.push(`answerSet: expected (in any order)${records(expect.answerSet)}\ngot${records(answer)}`);
  }
  return out;
}

function lowerName(name: string): string {
  const lower = name.toLowerCase();
  return lower.endsWith('.') ? lower : `${lower}.`;
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

function list(values: readonly string[]): string {
  return values.length === 0 ? '(none)' : `[${values.join(', ')}]`;
}

/** Records one per line, indented under their heading; a sentence for none. */
function records(values: readonly string[]): string {
  return values.length === 0 ? ' no records' : values.map((v) => `\n  ${v}`).join('');
}
