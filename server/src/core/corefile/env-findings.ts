// One information finding per word that holds an environment placeholder whose value is not known here:
// such words are not value-checked, and the user should know why a check is silent and how to enable it.
import type { CoreDiagnostic } from '../types.js';
import type { ArgToken } from './dispenser.js';
import type { UnknownWord } from './model.js';
import { writtenPlaceholders } from './env.js';
import { tokenRange } from './token.js';

function finding(token: ArgToken, what: string, documentUri: string): CoreDiagnostic {
  const d: CoreDiagnostic = {
    severity: 'information',
    code: 'env/unknown-variable',
    message: `${writtenPlaceholders(token)} has no known value here, so this ${what} is not checked. Give the value in the corefileLens.env setting, or with --env / --env-file.`,
    range: tokenRange(token),
  };
  if (token.source.uri !== documentUri) d.uri = token.source.uri;
  return d;
}

/** The findings for the words the expansion noted (expandCorefile's unknownWords), in their order. */
export function unknownWordFindings(words: readonly UnknownWord[], documentUri: string): CoreDiagnostic[] {
  const findings: CoreDiagnostic[] = [];
  for (let i = 0; i < words.length; i++) findings.push(finding(words[i]!.token, words[i]!.what, documentUri));
  return findings;
}
