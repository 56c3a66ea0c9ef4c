// Cases for position-based features mark the cursor with ‸ and the expected range with «…» inside the
// document text; this strips the markers and returns where they were, as an editor counts them: lines end at
// `\n`, `\r\n` and a lone `\r`, characters are UTF-16 units.
import assert from 'node:assert/strict';
import type { Position, Range } from '../../server/src/core/types.js';

export function parseMarkers(marked: string): { text: string; cursor: Position; range?: Range } {
  let text = '';
  let line = 0;
  let character = 0;
  let cursor: Position | undefined;
  let start: Position | undefined;
  let end: Position | undefined;
  // Whether the last character kept was a `\r` that ended a line (a `\n` right after it ends no other).
  let afterCarriageReturn = false;
  for (const ch of marked) {
    if (ch === '‸') cursor = { line, character };
    else if (ch === '«') start = { line, character };
    else if (ch === '»') end = { line, character };
    else {
      text += ch;
      if (ch === '\r' || (ch === '\n' && !afterCarriageReturn)) {
        line++;
        character = 0;
      } else if (ch !== '\n') character += ch.length;
      afterCarriageReturn = ch === '\r';
    }
  }
  assert.ok(cursor, 'every case marks the cursor with ‸');
  return { text, cursor, ...(start && end ? { range: { start, end } } : {}) };
}
