// Environment placeholders. CoreDNS replaces `{%NAME%}` and then `{$NAME}` inside every token, with an
// empty string for unset variables. At lint time a variable is known only if the user gave its value; an
// unknown one is left in place and remembered, so checks can skip values they cannot know.
import * as grammarTokens from './grammar-tokens.js';
import type { LexedToken } from './grammar-tokens.js';
import type { Token } from './token.js';
import type { ArgToken } from './dispenser.js';

// Local references to what is used on every token: run as CommonJS (as tsx runs the tests and the benchmark),
// each use of an imported binding is a call through the exporting module's getters.
const { isLexedToken } = grammarTokens;

export function substituteEnv(text: string, env: Readonly<Record<string, string>>): { value: string; unknown: string[] } {
  const unknown: string[] = [];
  let value = replaceReferences(text, '{%', '%}', env, unknown);
  value = replaceReferences(value, '{$', '}', env, unknown);
  if (value.includes(PILLAR)) value = replaceAddonPlaceholders(value, env, unknown);
  return { value, unknown };
}

/**
 * Kubernetes' add-on manifests (NodeLocal DNSCache's nodelocaldns.yaml above all) write values that are
 * substituted at deployment as `__PILLAR__NAME__`. CoreDNS never sees them, so they are treated like an
 * environment placeholder: replaced when the user gives a value under the same name, otherwise the word is
 * not value-checked.
 */
const PILLAR = '__PILLAR__';
const ADDON_PLACEHOLDER = /__PILLAR__[A-Z0-9_]*__/g;

/** The unknown placeholders of a word as the user wrote them: `{$X}`, `{%X%}` or `__PILLAR__X__`. */
export function writtenPlaceholders(token: Pick<ArgToken, 'text' | 'unknownEnv'>): string {
  return token.unknownEnv
    .map((name) => (name.startsWith(PILLAR) ? name : token.text.includes(`{%${name}%}`) ? `{%${name}%}` : `{$${name}}`))
    .join(', ');
}

function replaceAddonPlaceholders(s: string, env: Readonly<Record<string, string>>, unknown: string[]): string {
  return s.replace(ADDON_PLACEHOLDER, (name) => {
    if (Object.prototype.hasOwnProperty.call(env, name)) return env[name]!;
    if (!unknown.includes(name)) unknown.push(name);
    return name;
  });
}

function replaceReferences(s: string, start: string, end: string, env: Readonly<Record<string, string>>, unknown: string[]): string {
  // Mirrors CoreDNS: each reference is replaced everywhere it occurs, then the scan restarts; an unknown
  // variable is left as written, so the scan continues after it instead of looping on it.
  let from = 0;
  let index = s.indexOf(start, from);
  while (index !== -1) {
    const endIndex = s.indexOf(end, index);
    if (endIndex === -1) break;
    if (endIndex <= index + start.length) return s;
    const ref = s.slice(index, endIndex + end.length);
    const name = ref.slice(start.length, ref.length - end.length);
    if (Object.prototype.hasOwnProperty.call(env, name)) {
      s = s.split(ref).join(env[name]!);
      from = 0;
    } else {
      if (!unknown.includes(name)) unknown.push(name);
      from = endIndex + end.length;
    }
    index = s.indexOf(start, from);
  }
  return s;
}

const NO_VARIABLES: string[] = [];

/**
 * Whether a word may hold a placeholder: `{$`, `{%` or the add-on marker. The lexer asks it of each distinct
 * word of a document (see TokenSource.mayHoldPlaceholders), and tokens of other documents are asked one by one.
 */
export function mayHoldPlaceholder(word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c === 0x7b /* { */) {
      const next = word.charCodeAt(i + 1);
      if (next === 0x24 /* $ */ || next === 0x25 /* % */) return true;
    } else if (c === 0x5f /* _ */ && word.startsWith(PILLAR, i)) {
      return true;
    }
  }
  return false;
}

/**
 * Whether a token is its own ArgToken wherever it is used only once: a lexed token (it carries `value` and
 * `unknownEnv` already) whose text holds no placeholder. Most documents hold none at all, and their lexer
 * says so once for every token (TokenSource.mayHoldPlaceholders), so no token's text is scanned again.
 */
function standsForItself(token: Token): token is LexedToken {
  return isLexedToken(token) && (!token.source.mayHoldPlaceholders || !mayHoldPlaceholder(token.text));
}

/**
 * The token as a plugin sees it. `onlyUse` says the token appears nowhere else in the model (it comes from
 * the analysed document itself, not through an import that may bring it in more than once): a token that
 * stands for itself is then returned as it is, and no copy is made. Elsewhere each use gets its own object,
 * so that a finding can tell which use it is about.
 */
export function toArgToken(token: Token, env: Readonly<Record<string, string>>, onlyUse = false): ArgToken {
  // Every token of a document passes through here: the common case is kept small enough for the engine to
  // inline into its callers, and the copy is made elsewhere.
  return onlyUse && standsForItself(token) ? token : argTokenCopy(token, env);
}

function argTokenCopy(token: Token, env: Readonly<Record<string, string>>): ArgToken {
  // A copy is built with one fixed shape that V8 can optimise property access for.
  let value = token.text;
  let unknownEnv = NO_VARIABLES;
  if (mayHoldPlaceholder(value)) {
    const substituted = substituteEnv(value, env);
    value = substituted.value;
    if (substituted.unknown.length > 0) unknownEnv = substituted.unknown;
  }
  return {
    text: token.text,
    quoted: token.quoted,
    source: token.source,
    line: token.line,
    lineBreaks: token.lineBreaks,
    start: token.start,
    end: token.end,
    value,
    unknownEnv,
  };
}

/** Whether a token holds a placeholder at all (known or not). */
export function hasEnvPlaceholder(text: string): boolean {
  return /\{\$[^}]+\}|\{%[^%]+%\}/.test(text);
}
