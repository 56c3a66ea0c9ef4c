// The one table runner of the resolution tests: a row is a bench, a query and what the reply and the trace
// must show. Every field of Expect is optional and is checked only when written, so a row states exactly
// the facts it is about; a table can give defaults for the fields all its rows share.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { askOnce, type AskOptions, type Asked, type Bench } from './harness.js';

type Flag = 'aa' | 'tc' | 'rd' | 'ra' | 'ad' | 'cd';

/** The Extended DNS Error option (RFC 8914, option 15) of a reply. */
export interface EdeCheck {
  /** The info code. */
  code: number;
  /** The extra text; when given, the option must hold exactly the code and this text. */
  text?: string;
}

export interface Expect {
  /** The reply's rcode, or 'no reply'. */
  rcode?: string;
  /** Whether the client gets a reply at all, whatever its rcode. */
  replied?: boolean;
  answer?: string[];
  authority?: string[];
  additional?: string[];
  /** How many answer records, for answers too long to write out. */
  answerCount?: number;
  answeredBy?: string;
  /** The label of the server block that took the query; null: none did. */
  block?: string | null;
  /** Header flags of the reply. */
  flags?: Partial<Record<Flag, boolean>>;
  /** The question the client gets back, "name TYPE CLASS". */
  question?: string;
  /** The EDNS0 size and DO bit of the reply; null: the reply has no EDNS0. */
  edns?: { udpSize: number; do: boolean } | null;
  /** The Extended DNS Error of the reply; null: it carries none. */
  ede?: EdeCheck | null;
  /** Phrases each of which some step of the plugin must contain. */
  says?: RegExp[];
  /** Phrases the plugin's steps must contain in this order (other steps may come between). */
  saysInOrder?: RegExp[];
  /** One phrase per step of the plugin: as many steps as phrases, each containing its own. */
  saysEach?: RegExp[];
  /** The actions of the plugin's steps, all of them, in order. */
  actions?: string[];
  firstAction?: string;
  lastAction?: string;
  /** The zero-based Corefile line of each step of the plugin, in order. */
  lines?: number[];
}

export interface Row extends Expect {
  name: string;
  /** The table's bench when not given. */
  bench?: Bench | string;
  query: string;
  /** The plugin whose steps says, actions and lines look at; the table's when not given. */
  plugin?: string;
  /** Merged over the table's options (the client field by field). */
  ask?: AskOptions;
}

export interface Table {
  /** The plugin whose steps says, actions and lines look at, unless a row names its own. */
  plugin?: string;
  bench?: Bench | string;
  ask?: AskOptions;
  /** Checks every row makes unless it writes its own value. */
  expect?: Expect;
}

/** Registers one test per row in the current describe. */
export function runRows(rows: readonly Row[], table: Table): void {
  for (const row of rows) {
    it(row.name, () => {
      const bench = row.bench ?? table.bench;
      if (bench === undefined) throw new Error(`row '${row.name}' has no bench and its table gives none`);
      const options: AskOptions = { ...table.ask, ...row.ask, client: { ...table.ask?.client, ...row.ask?.client } };
      const plugin = row.plugin ?? table.plugin;
      if (plugin === undefined) throw new Error(`row '${row.name}' names no plugin and its table gives none`);
      checkReply(askOnce(bench, row.query, options), { ...table.expect, ...row }, plugin);
    });
  }
}

/** Checks what a reply and its trace must show; usable on its own for queries a table cannot express. */
export function checkReply(got: Asked, want: Expect, plugin: string): void {
  // A message replaces node's own "expected/actual" text, so these say both, and the whole trace.
  const trace = (what: string, actual: unknown, expected: unknown): string =>
    `${what} is ${String(actual)}, expected ${String(expected)}; the steps:\n${got.steps.map((s) => `${s.plugin}/${s.action}: ${s.detail}`).join('\n')}`;
  const reply = got.reply;
  if (want.rcode !== undefined) assert.equal(got.rcode, want.rcode, trace('the rcode', got.rcode, want.rcode));
  if (want.replied !== undefined) assert.equal(reply !== undefined, want.replied, trace('a reply sent', reply !== undefined, want.replied));
  if (want.answer) assert.deepEqual(got.answer, want.answer);
  if (want.authority) assert.deepEqual(got.authority, want.authority);
  if (want.additional) assert.deepEqual(got.additional, want.additional);
  if (want.answerCount !== undefined) assert.equal(got.answer.length, want.answerCount);
  if (want.answeredBy !== undefined) assert.equal(got.answeredBy, want.answeredBy, trace('the answering plugin', got.answeredBy, want.answeredBy));
  if (want.block !== undefined) assert.equal(got.block, want.block ?? undefined);
  for (const [flag, value] of Object.entries(want.flags ?? {})) assert.equal(reply?.flags[flag as Flag], value, `flag ${flag}`);
  if (want.question !== undefined) {
    const q = reply?.question[0];
    assert.equal(q ? `${q.name} ${q.type} ${q.class}` : 'none', want.question);
  }
  if (want.edns !== undefined) {
    assert.deepEqual(reply?.edns ? { udpSize: reply.edns.udpSize, do: reply.edns.do } : null, want.edns);
  }
  if (want.ede !== undefined) checkEde(got, want.ede);
  checkSteps(got, want, plugin);
}

function checkEde(got: Asked, want: EdeCheck | null): void {
  const option = got.reply?.edns?.options.find((o) => o.code === 15);
  assert.equal(option === undefined, want === null, want === null ? 'the reply carries an EDE option' : 'the reply carries no EDE option');
  if (!option || !want) return;
  assert.equal((option.data[0]! << 8) | option.data[1]!, want.code, 'EDE info code');
  if (want.text !== undefined) assert.deepEqual([...option.data], [want.code >> 8, want.code & 0xff, ...Buffer.from(want.text)]);
}

function checkSteps(got: Asked, want: Expect, plugin: string): void {
  const details = got.details(plugin);
  const listed = (): string => `the ${plugin} steps:\n${details.join('\n')}`;
  for (const phrase of want.says ?? []) assert.ok(details.some((d) => phrase.test(d)), `${phrase} is in no step; ${listed()}`);
  let from = 0;
  for (const phrase of want.saysInOrder ?? []) {
    const at = details.findIndex((d, i) => i >= from && phrase.test(d));
    assert.ok(at >= 0, `no step from #${from} on contains ${phrase}; ${listed()}`);
    from = at + 1;
  }
  if (want.saysEach) {
    assert.equal(details.length, want.saysEach.length, listed());
    want.saysEach.forEach((phrase, i) => assert.match(details[i]!, phrase));
  }
  const actions = got.actions(plugin);
  if (want.actions) assert.deepEqual(actions, want.actions);
  if (want.firstAction !== undefined) assert.equal(actions[0], want.firstAction);
  if (want.lastAction !== undefined) assert.equal(actions.at(-1), want.lastAction);
  if (want.lines) assert.deepEqual(got.steps.filter((s) => s.plugin === plugin).map((s) => s.range?.start.line), want.lines);
}
