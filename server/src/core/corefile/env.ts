// Environment placeholders. CoreDNS replaces `{%NAME%}` and then `{$NAME}` inside every token, with an
// empty string for unset variables. At lint time a variable is known only if the user gave its value; an
// unknown one is left in place and remembered, so checks can skip values they cannot know.
import type { Token } from './token.js';
import type { ArgToken } from './dispenser.js';

export function substituteEnv(text: string, env: Readonly<Record<string, string>>): { value: string; unknown: string[] } {
  const unknown: string[] = [];
  let value = replaceReferences(text, '{%', '%}', env, unknown);
  value = replaceReferences(value, '{$', '}', env, unknown);
  return { value, unknown };
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

export function toArgToken(token: Token, env: Readonly<Record<string, string>>): ArgToken {
  const { value, unknown } = substituteEnv(token.text, env);
  return { ...token, value, unknownEnv: unknown };
}

/** Whether a token holds a placeholder at all (known or not). */
export function hasEnvPlaceholder(text: string): boolean {
  return /\{\$[^}]+\}|\{%[^%]+%\}/.test(text);
}
