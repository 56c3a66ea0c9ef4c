// One information finding per word that holds an environment placeholder whose value is not known here:
// such words are not value-checked, and the user should know why a check is silent and how to enable it.
import type { CoreDiagnostic } from '../types.js';
import type { ArgToken } from './dispenser.js';
import type { CorefileModel, UnknownWord } from './model.js';
import { writtenPlaceholders } from './env.js';
import { tokenRange } from './token.js';

function finding(token: ArgToken, what: string, documentUri: string): CoreDiagnostic {
  const d: CoreDiagnostic = {
    severity: 'information',
    code: 'env/unknown-variable',
    message: `${writtenPlaceholders(token)} has no known value here, so this ${what} is not checked. Give the value in the corefileLens.env setting, or with --env / --env-file.`,
    range: tokenRange(token),
  };
  if (token.uri !== documentUri) d.uri = token.uri;
  return d;
}

/** The findings for the words the expansion noted (expandCorefile's unknownWords), in their order. */
export function unknownWordFindings(words: readonly UnknownWord[], documentUri: string): CoreDiagnostic[] {
  const findings: CoreDiagnostic[] = [];
  for (let i = 0; i < words.length; i++) findings.push(finding(words[i]!.token, words[i]!.what, documentUri));
  return findings;
}

/** The same findings for a model built without its noted words: the model is walked for them. */
export function unknownVariableFindings(model: CorefileModel): CoreDiagnostic[] {
  const findings: CoreDiagnostic[] = [];
  const documentUri = model.tree.uri;
  for (const block of model.blocks) {
    for (const key of block.keys) if (key.token.unknownEnv.length > 0) findings.push(finding(key.token, 'address', documentUri));
    for (const directive of block.directives) {
      // The directive name has its own finding (the whole directive goes unchecked then).
      const tokens = directive.tokens;
      for (let i = 1; i < tokens.length; i++) if (tokens[i]!.unknownEnv.length > 0) findings.push(finding(tokens[i]!, 'argument', documentUri));
    }
  }
  return findings;
}
