// Formatting one Corefile's text, or refusing to. A Corefile with syntax problems is left as written: where
// the braces do not pair up, indentation by depth would guess, and the user is better served by the error.
// Whatever the layout produces is used only when guard.ts proves that CoreDNS reads the same tokens on the
// same lines.
import { parseCorefile } from '../../corefile/parse.js';
import { OverrideWrapper } from '../../embedded/override.js';
import type { Range } from '../../types.js';
import { sameCorefileReading } from './guard.js';
import { layoutCorefile } from './layout.js';

/** Why a text was left as written. */
export type FormatRefusal = 'syntax' | 'carriage-return' | 'unsafe';

export type CorefileFormatOutcome =
  | { ok: true; text: string }
  | { ok: false; reason: FormatRefusal; message: string; range: Range };

export interface CorefileFormatOptions {
  /**
   * The text is the body of an `.override` key: bare directives that CoreDNS pastes inside the default
   * block. Its syntax is checked inside such a block, where its directives are directives, not addresses.
   */
  override?: boolean;
  /** The layout to apply; tests pass a faulty one to show that the guard refuses its result. */
  layout?: (text: string) => string | undefined;
}

const START: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

export function formatCorefileText(text: string, options: CorefileFormatOptions = {}): CorefileFormatOutcome {
  const loneReturn = /\r(?!\n)/.exec(text);
  if (loneReturn !== null) {
    return {
      ok: false,
      reason: 'carriage-return',
      message:
        'This text holds a carriage return without a line feed after it: the editor breaks the line there, CoreDNS does not. ' +
        'It is left as written; replace that character with a line break (or remove it) to format.',
      range: START,
    };
  }
  const problem = firstSyntaxProblem(text, options.override === true);
  if (problem !== undefined) {
    return {
      ok: false,
      reason: 'syntax',
      message: `Not formatted: the Corefile has syntax problems. The first: ${problem.message} Fix them first; \`corefile lint\` lists them all.`,
      range: problem.range,
    };
  }
  const formatted = (options.layout ?? layoutCorefile)(text);
  if (formatted === undefined || !sameCorefileReading(text, formatted)) {
    return {
      ok: false,
      reason: 'unsafe',
      message: 'Not formatted: the new layout would not have kept every token on its line as CoreDNS reads it, so the text is left as written. Please report this file.',
      range: START,
    };
  }
  return { ok: true, text: formatted };
}

function firstSyntaxProblem(text: string, override: boolean): { message: string; range: Range } | undefined {
  if (!override) return parseCorefile(text, 'format:corefile').errors[0];
  const wrapper = new OverrideWrapper(text, undefined);
  const error = parseCorefile(wrapper.text, 'format:override').errors[0];
  if (error === undefined) return undefined;
  return { message: error.message, range: wrapper.toOverride(error.range) ?? START };
}
