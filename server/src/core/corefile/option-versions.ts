// Version awareness for options: an option the targeted CoreDNS does not know yet, one it deprecated, and
// one it removed (with what to write instead). The facts live in plugins/versions-data.ts; this module
// only finds the option words in a directive as written.
import type { Range } from '../types.js';
import { anyOptionNotAvailable, ignoresUnknownOptions, LATEST_KNOWN_VERSION, optionStatus, type OptionStatus } from '../plugins/versions.js';
import type { EffectiveDirective } from './model.js';
import type { Token } from './token.js';
import { directiveArgs } from './directive-args.js';

export interface OptionVersionFinding {
  severity: 'error' | 'warning';
  code: string;
  message: string;
  token: Token;
  /**
   * True when this finding says all there is about the word for the targeted release: a removed option's
   * message names its replacement, and an option deprecated in the target but removed since is still
   * accepted there, so a module's "unknown option" (written for 1.14.7) must not stand beside it.
   */
  replacesUnknownOption: boolean;
}

/** The option words of a directive: the first word of each line of its blocks (and rewrite's rule type). */
function optionWords(directive: EffectiveDirective): Token[] {
  const words: Token[] = [];
  for (const block of directive.node.blocks) for (const line of block.lines) if (line.kind === 'option') words.push(line.name);
  if (directive.name === 'rewrite') {
    const args = directiveArgs(directive.node);
    const first = args[0]?.text === 'continue' || args[0]?.text === 'stop' ? args[1] : args[0];
    if (first) words.push(first);
  }
  return words;
}

// optionStatus is a pure function of its three strings, and a large Corefile asks the same few questions
// over and over (every forward block's max_fails...). Answers are kept by version, directive and option,
// up to a bound.
const STATUS_CACHE = new Map<string, Map<string, Map<string, OptionStatus>>>();
const STATUS_CACHE_LIMIT = 4096;
let cachedStatuses = 0;

function cachedOptionStatus(directive: string, option: string, version: string): OptionStatus {
  let byDirective = STATUS_CACHE.get(version);
  if (byDirective === undefined) STATUS_CACHE.set(version, (byDirective = new Map()));
  let byOption = byDirective.get(directive);
  if (byOption === undefined) byDirective.set(directive, (byOption = new Map()));
  let status = byOption.get(option);
  if (status === undefined) {
    status = optionStatus(directive, option, version);
    if (++cachedStatuses > STATUS_CACHE_LIMIT) {
      STATUS_CACHE.clear();
      cachedStatuses = 0;
    }
    byOption.set(option, status);
  }
  return status;
}

const NO_FINDINGS: readonly OptionVersionFinding[] = [];

// Whether a directive can have any option finding at all in a version depends on its name alone, and for
// the usual target no rule can fire for most directives: they are answered once per version and name and
// skipped without looking at their lines.
const POSSIBLE_CACHE = new Map<string, Map<string, boolean>>();

/** Whether any option word of the named directive can draw a finding in `version` (rewrite's rule types included). */
export function optionFindingsPossible(directive: string, version: string): boolean {
  let byName = POSSIBLE_CACHE.get(version);
  if (byName === undefined) {
    if (POSSIBLE_CACHE.size >= 64) POSSIBLE_CACHE.clear();
    POSSIBLE_CACHE.set(version, (byName = new Map()));
  }
  let possible = byName.get(directive);
  if (possible === undefined) {
    possible = directive === 'rewrite' || anyOptionNotAvailable(directive, version);
    byName.set(directive, possible);
  }
  return possible;
}

/** Whether any option of the directive needs a word about the targeted release (the usual answer is no). */
function anyOptionFinding(directive: EffectiveDirective, version: string): boolean {
  if (!optionFindingsPossible(directive.name, version)) return false;
  // Index loops: every directive comes through here, and array iterators are not always optimised away.
  const blocks = directive.node.blocks;
  for (let b = 0; b < blocks.length; b++) {
    const lines = blocks[b]!.lines;
    for (let l = 0; l < lines.length; l++) {
      const line = lines[l]!;
      if (line.kind === 'option' && cachedOptionStatus(directive.name, line.name.text, version).status !== 'available') return true;
    }
  }
  return directive.name === 'rewrite';
}

export function checkOptionVersions(directive: EffectiveDirective, version: string): readonly OptionVersionFinding[] {
  if (!anyOptionFinding(directive, version)) return NO_FINDINGS;
  const findings: OptionVersionFinding[] = [];
  for (const word of optionWords(directive)) {
    const status = cachedOptionStatus(directive.name, word.text, version);
    if (status.status === 'not-yet') {
      const lenient = ignoresUnknownOptions(directive.name, version);
      findings.push({
        severity: lenient ? 'warning' : 'error',
        code: 'version/option-not-available',
        message: lenient
          ? `'${word.text}' of '${directive.name}' first appeared in CoreDNS ${status.since}; CoreDNS ${version} silently ignores it. Upgrade CoreDNS or remove the line.`
          : `'${word.text}' of '${directive.name}' first appeared in CoreDNS ${status.since}; CoreDNS ${version} refuses it. Upgrade CoreDNS, or change the target version (corefileLens.corednsVersion, --coredns-version).`,
        token: word,
        replacesUnknownOption: false,
      });
    } else if (status.status === 'deprecated') {
      const instead = status.replacement ? ` Use '${status.replacement}' instead.` : '';
      findings.push({ severity: 'warning', code: 'version/option-deprecated', message: `'${word.text}' of '${directive.name}' is deprecated since CoreDNS ${status.since}: ${status.note}${instead}`, token: word, replacesUnknownOption: optionStatus(directive.name, word.text, LATEST_KNOWN_VERSION).status === 'removed' });
    } else if (status.status === 'removed') {
      const instead = status.replacement ? ` Use '${status.replacement}' instead.` : '';
      findings.push({ severity: 'error', code: 'version/option-removed', message: `'${word.text}' of '${directive.name}' is not accepted after CoreDNS ${status.lastVersion}: ${status.note}${instead}`, token: word, replacesUnknownOption: true });
    }
  }
  return findings;
}

export function sameRange(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}
