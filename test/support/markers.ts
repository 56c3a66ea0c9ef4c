// Cases for position-based features mark the cursor with ‸ and the expected range with «…» inside the
// document text; this strips the markers and returns where they were (characters counted in UTF-16 units,
// as LSP counts them).
import assert from 'node:assert/strict';
import type { Position, Range } from '../../server/src/core/types.js';

export function parseMarkers(marked: string): { text: string; cursor: Position; range?: Range } {
  let text = '';
  let line = 0;
  let character = 0;
  let cursor: Position | undefined;
  let start: Position | undefined;
  let end: Position | undefined;
  for (const ch of marked) {
    if (ch === '‸') cursor = { line, character };
    else if (ch === '«') start = { line, character };
    else if (ch === '»') end = { line, character };
    else {
      text += ch;
      if (ch === '\n') {
        line++;
        character = 0;
      } else character += ch.length;
    }
  }
  assert.ok(cursor, 'every case marks the cursor with ‸');
  return { text, cursor, ...(start && end ? { range: { start, end } } : {}) };
}
