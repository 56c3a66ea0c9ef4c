// A syntax line of the plugin docs (CoreDNS's man-page notation: `[optional]`, `alternative|other`,
// `MANY...`) read as a signature: its parameters, and which of them an argument at a given place is. The
// notation does not always say: in `cache [TTL] [ZONES...]` a first argument may be either, and CoreDNS
// tells them apart by the value. Only a parameter whose place is certain is ever named.

export interface SyntaxParameter {
  /** Offsets of the parameter's word in the syntax line (brackets included, as written). */
  start: number;
  end: number;
  /** The word without brackets and without `...` (`TTL`, `continue|stop`), to find its documentation. */
  name: string;
  /** How many brackets enclose it. */
  depth: number;
  /** Whether it takes every argument from its place on (`TO...`). */
  variadic: boolean;
}

export interface SyntaxSignature {
  /** The syntax line without a block opened at its end. */
  label: string;
  parameters: SyntaxParameter[];
}

/**
 * The forms among a directive's or option's syntax lines: those that start with its name. The docs write a
 * block either inside one form (`cache [TTL] {\n    success ...\n}`) or as lines of their own (`geoip
 * DBFILE {`, `    edns-subnet`, `}`); the lines of a block are not forms.
 */
export function formsOf(name: string, lines: readonly string[]): string[] {
  return lines.filter((line) => line === name || line.startsWith(`${name} `) || line.startsWith(`${name}\n`));
}

/** The signature of one syntax form: its first line, the name's word left out of the parameters. */
export function signatureOf(form: string): SyntaxSignature {
  const label = form.split('\n')[0]!.replace(/\s*\{\s*$/, '').trimEnd();
  const parameters: SyntaxParameter[] = [];
  let depth = 0;
  const words = /\S+/g;
  let first = true;
  for (let match = words.exec(label); match !== null; match = words.exec(label)) {
    const word = match[0];
    const opening = /^\[*/.exec(word)![0].length;
    const closing = /\]*$/.exec(word)![0].length;
    const name = word.slice(opening, word.length - closing).replace(/\.\.\.$/, '');
    // A bare `[...]` says that more of the same may follow; it is no parameter of its own.
    if (!first && name !== '') {
      parameters.push({ start: match.index, end: match.index + word.length, name, depth: depth + opening, variadic: word.includes('...') });
    }
    depth += opening - closing;
    first = false;
  }
  return { label, parameters };
}

/**
 * The parameter an argument at `index` (0-based, after the name) stands for, when the notation makes it
 * certain; undefined otherwise. A place is certain when every parameter up to it is either required or
 * optional with everything after it nested inside it (`[TTL [MINTTL]]`): then no earlier argument can be
 * left out without leaving out the later ones too. A variadic parameter takes every later place.
 */
export function certainParameter(signature: SyntaxSignature, index: number): number | undefined {
  const { parameters } = signature;
  const last = parameters.length - 1;
  const at = index <= last ? index : parameters[last]?.variadic ? last : undefined;
  if (at === undefined) return undefined;
  for (let j = 0; j <= at; j++) {
    const p = parameters[j]!;
    if (p.depth === 0) continue;
    for (let k = j + 1; k < parameters.length; k++) if (parameters[k]!.depth <= p.depth) return undefined;
  }
  return at;
}
