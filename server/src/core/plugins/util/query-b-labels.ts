// Kubernetes label selectors as metav1.ParseToLabelSelector reads them (apimachinery's labels parser, then
// the conversion to a LabelSelector). The kubernetes plugin passes its `labels` and `namespace_labels`
// values through it, so a selector is refused here exactly when CoreDNS refuses to start with it.

export type SelectorOperator = '=' | '==' | '!=' | 'in' | 'notin' | 'exists' | '!' | '>' | '<';

export interface LabelRequirement {
  key: string;
  operator: SelectorOperator;
  values: string[];
}

export type SelectorResult = { ok: true; requirements: LabelRequirement[] } | { ok: false; error: string };

type Kind = 'end' | ')' | ',' | '!' | '==' | '=' | '>' | 'id' | 'in' | '<' | '!=' | 'notin' | '(';

interface Item {
  kind: Kind;
  text: string;
}

const SPECIAL = new Set(['=', '!', '(', ')', ',', '>', '<']);
const SYMBOLS: Record<string, Kind> = { ')': ')', ',': ',', '!': '!', '==': '==', '=': '=', '>': '>', '<': '<', '!=': '!=', '(': '(' };
const WHITESPACE = new Set([' ', '\t', '\r', '\n']);

/** The lexer: runs of special characters form the longest known operator; other runs are words. */
function scan(s: string): Item[] {
  const items: Item[] = [];
  let i = 0;
  for (;;) {
    while (i < s.length && WHITESPACE.has(s[i]!)) i++;
    if (i >= s.length) {
      items.push({ kind: 'end', text: '' });
      return items;
    }
    if (SPECIAL.has(s[i]!)) {
      let buffer = '';
      let last: Item | undefined;
      while (i < s.length && SPECIAL.has(s[i]!)) {
        buffer += s[i];
        const kind = SYMBOLS[buffer];
        if (kind) last = { kind, text: buffer };
        else if (last) break;
        i++;
      }
      // Every single special character is an operator, so `last` is always set here.
      items.push(last ?? { kind: 'end', text: '' });
      continue;
    }
    let word = '';
    while (i < s.length && !SPECIAL.has(s[i]!) && !WHITESPACE.has(s[i]!)) word += s[i++];
    items.push({ kind: word === 'in' ? 'in' : word === 'notin' ? 'notin' : 'id', text: word });
  }
}

const NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/** validation.IsQualifiedName: `[prefix/]name`, prefix a DNS subdomain, name at most 63 characters. */
function keyProblem(key: string): string | undefined {
  const parts = key.split('/');
  let name = key;
  if (parts.length === 2) {
    const prefix = parts[0]!;
    name = parts[1]!;
    if (prefix === '') return `the key '${key}' has an empty prefix before '/'`;
    if (prefix.length > 253 || !DNS1123_SUBDOMAIN.test(prefix)) return `the key prefix '${prefix}' must be a lowercase DNS subdomain`;
  } else if (parts.length > 2) {
    return `the key '${key}' may contain at most one '/'`;
  }
  if (name === '') return `the key '${key}' has an empty name part`;
  if (name.length > 63) return `the key name '${name}' is longer than 63 characters`;
  if (!NAME.test(name)) return `the key '${key}' must start and end with a letter or digit and contain only letters, digits, '-', '_' and '.'`;
  return undefined;
}

/** validation.IsValidLabelValue: empty, or at most 63 characters of the name alphabet. */
function valueProblem(value: string): string | undefined {
  if (value === '') return undefined;
  if (value.length > 63) return `the value '${value}' is longer than 63 characters`;
  if (!NAME.test(value)) return `the value '${value}' must start and end with a letter or digit and contain only letters, digits, '-', '_' and '.'`;
  return undefined;
}

class SelectorParser {
  private position = 0;
  constructor(private readonly items: Item[]) {}

  /** In value position the words `in` and `notin` are ordinary identifiers. */
  private look(asValue: boolean): Item {
    const item = this.items[this.position]!;
    return asValue && (item.kind === 'in' || item.kind === 'notin') ? { kind: 'id', text: item.text } : item;
  }

  private take(asValue: boolean): Item {
    const item = this.look(asValue);
    this.position++;
    return item;
  }

  parse(): SelectorResult {
    const requirements: LabelRequirement[] = [];
    for (;;) {
      const head = this.look(true);
      if (head.kind === 'end') return { ok: true, requirements };
      if (head.kind !== 'id' && head.kind !== '!') return { ok: false, error: `found '${head.text}', expected: !, identifier, or 'end of string'` };
      const requirement = this.requirement();
      if (typeof requirement === 'string') return { ok: false, error: requirement };
      requirements.push(requirement);
      const after = this.take(true);
      if (after.kind === 'end') return { ok: true, requirements };
      if (after.kind !== ',') return { ok: false, error: `found '${after.text}', expected: ',' or 'end of string'` };
      const next = this.look(true);
      if (next.kind !== 'id' && next.kind !== '!') return { ok: false, error: `found '${next.text}', expected: identifier after ','` };
    }
  }

  private requirement(): LabelRequirement | string {
    let negated = false;
    let key = this.take(true);
    if (key.kind === '!') {
      negated = true;
      key = this.take(true);
    }
    if (key.kind !== 'id') return `found '${key.text}', expected: identifier`;
    const badKey = keyProblem(key.text);
    if (badKey) return badKey;
    // `!key` is complete by itself; whatever follows it is then refused by the caller as unexpected.
    if (negated) return { key: key.text, operator: '!', values: [] };
    const following = this.look(true).kind;
    if (following === 'end' || following === ',') return { key: key.text, operator: 'exists', values: [] };
    const op = this.take(false);
    let operator: SelectorOperator;
    switch (op.kind) {
      case 'in': operator = 'in'; break;
      case 'notin': operator = 'notin'; break;
      case '=': operator = '='; break;
      case '==': operator = '=='; break;
      case '!=': operator = '!='; break;
      case '>': operator = '>'; break;
      case '<': operator = '<'; break;
      default: return `found '${op.text}', expected: in, notin, =, ==, !=, gt, lt`;
    }
    const values = operator === 'in' || operator === 'notin' ? this.setValues() : this.exactValue();
    if (typeof values === 'string') return values;
    if ((operator === 'in' || operator === 'notin') && values.length === 0) return `for 'in', 'notin' operators, values set can't be empty`;
    if ((operator === '>' || operator === '<') && !values.every((v) => /^[+-]?\d+$/.test(v))) return `for 'Gt', 'Lt' operators, the value must be an integer`;
    for (const v of values) {
      const bad = valueProblem(v);
      if (bad) return bad;
    }
    return { key: key.text, operator, values };
  }

  private setValues(): string[] | string {
    const open = this.take(true);
    if (open.kind !== '(') return `found '${open.text}' expected: '('`;
    const first = this.look(true);
    if (first.kind === ')') {
      this.take(true);
      return [''];
    }
    if (first.kind !== 'id' && first.kind !== ',') return `found '${first.text}', expected: ',', ')' or identifier`;
    const values = new Set<string>();
    for (;;) {
      const item = this.take(true);
      if (item.kind === 'id') {
        values.add(item.text);
        const next = this.look(true);
        if (next.kind === ',') continue;
        if (next.kind === ')') break;
        return `found '${next.text}', expected: ',' or ')'`;
      }
      if (item.kind === ',') {
        if (values.size === 0) values.add('');
        const next = this.look(true);
        if (next.kind === ')') {
          values.add('');
          break;
        }
        if (next.kind === ',') {
          this.take(true);
          values.add('');
        }
        continue;
      }
      return `found '${item.text}', expected: ',', or identifier`;
    }
    const close = this.take(true);
    if (close.kind !== ')') return `found '${close.text}', expected: ')'`;
    return [...values].sort();
  }

  private exactValue(): string[] | string {
    const next = this.look(true);
    if (next.kind === 'end' || next.kind === ',') return [''];
    const item = this.take(true);
    if (item.kind === 'id') return [item.text];
    return `found '${item.text}', expected: identifier`;
  }
}

/**
 * metav1.ParseToLabelSelector: parse, then convert. The conversion refuses `!=` ("not a valid label
 * selector operator") and `>`/`<` ("isn't supported"), although the parser itself reads them.
 */
export function parseLabelSelector(text: string): SelectorResult {
  const parsed = new SelectorParser(scan(text)).parse();
  if (!parsed.ok) return { ok: false, error: `couldn't parse the selector string "${text}": ${parsed.error}` };
  for (const r of parsed.requirements) {
    if (r.operator === '!=') return { ok: false, error: `"!=" is not a valid label selector operator` };
    if (r.operator === '>' || r.operator === '<') return { ok: false, error: `"${r.operator === '>' ? 'gt' : 'lt'}" isn't supported in label selectors` };
  }
  return parsed;
}
