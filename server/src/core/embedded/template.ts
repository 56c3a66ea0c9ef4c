// Templated YAML (Helm and other Go templates, Jinja as kubespray writes it): the file is not what Kubernetes
// will read, but most of it usually is literal. Template actions are masked before the YAML is parsed, so
// template syntax at the YAML level cannot break the parse, and the literal rest can be analysed:
//  - a line holding nothing but actions becomes an empty line (a blank line is legal anywhere in YAML,
//    even inside a block scalar, which an action at column 0 would otherwise end);
//  - an action inside a line becomes a run of `_` of the same length, a word that keeps the columns of
//    everything after it and that no check accepts as a value, so findings about it are easy to recognise.
// Lines only ever lose characters when they are emptied, so lines keep their numbers and a masked offset
// maps back to the original with one line table.
import { editorLineStarts, offsetToPosition } from '../text-lines.js';

/** What an action does to the lines around it: opens a section, switches branch, ends one, or neither. */
export type ActionKind = 'open' | 'else' | 'end' | 'other';

export interface TemplateAction {
  /** Offsets in the original YAML, end exclusive. */
  start: number;
  end: number;
  startLine: number;
  endLine: number;
  kind: ActionKind;
}

export interface MaskedYaml {
  /** The YAML with every action masked. */
  text: string;
  actions: TemplateAction[];
  /** The original offset of a masked offset. */
  toOriginal(offset: number): number;
}

/**
 * Go template actions (`{{ }}`, comments included, possibly over several lines), Jinja statements and
 * comments. CoreDNS's own `{%VAR%}` has no space after `{%`, so it is not a Jinja statement.
 */
const ACTION = /\{\{[\s\S]*?\}\}|\{%[-+]?\s[\s\S]*?%\}|\{#[\s\S]*?#\}/g;

/**
 * The template plugin's own Go templates (`answer "{{ .Name }} 60 IN A ..."`) are CoreDNS syntax, not the
 * manifest's: an action on a line starting with one of its record options is left as written.
 */
const TEMPLATE_PLUGIN_LINE = /^\s*(answer|additional|authority)\s/;

const GO_OPEN = new Set(['if', 'with', 'range', 'define', 'block']);
const JINJA_OPEN = new Set(['if', 'for', 'macro', 'block', 'call', 'filter']);

function kindOf(action: string): ActionKind {
  const jinja = action.startsWith('{%');
  const inner = action.slice(2, -2).replace(/^[-+]?\s*/, '');
  const word = /^[A-Za-z_]+/.exec(inner)?.[0] ?? '';
  if (jinja) {
    if (JINJA_OPEN.has(word) || (word === 'set' && !inner.includes('='))) return 'open';
    if (word === 'else' || word === 'elif') return 'else';
    return word.startsWith('end') ? 'end' : 'other';
  }
  if (action.startsWith('{#')) return 'other';
  if (GO_OPEN.has(word)) return 'open';
  if (word === 'else') return 'else';
  return word === 'end' ? 'end' : 'other';
}

/** Whether the text holds template syntax that maskTemplates would mask. */
export function hasTemplateSyntax(text: string): boolean {
  return text.includes('{{') || text.includes('{%') || text.includes('{#');
}

/** The masked YAML, or undefined when the text holds no template action. */
export function maskTemplates(yaml: string): MaskedYaml | undefined {
  if (!hasTemplateSyntax(yaml)) return undefined;
  const lines = editorLineStarts(yaml);
  const actions: TemplateAction[] = [];
  for (const match of yaml.matchAll(ACTION)) {
    const start = match.index;
    const end = start + match[0].length;
    const startPos = offsetToPosition(lines, start);
    const lineText = yaml.slice(lines[startPos.line]!, start);
    if (match[0].startsWith('{{') && TEMPLATE_PLUGIN_LINE.test(lineText)) continue;
    actions.push({ start, end, startLine: startPos.line, endLine: offsetToPosition(lines, end).line, kind: kindOf(match[0]) });
  }
  if (actions.length === 0) return undefined;
  const chars = yaml.split('');
  for (const a of actions) {
    for (let i = a.start; i < a.end; i++) if (chars[i] !== '\n' && chars[i] !== '\r') chars[i] = '_';
  }
  // Lines left with nothing but placeholders and white space were nothing but actions: empty them.
  const blanked = new Set<number>();
  const touched = new Set<number>();
  for (const a of actions) for (let l = a.startLine; l <= a.endLine; l++) touched.add(l);
  for (const line of touched) {
    const from = lines[line]!;
    const to = line + 1 < lines.length ? lines[line + 1]! - 1 : yaml.length;
    let onlyActions = true;
    for (let i = from; i < to && onlyActions; i++) {
      const inAction = actions.some((a) => i >= a.start && i < a.end);
      if (!inAction && !/\s/.test(yaml[i]!)) onlyActions = false;
    }
    if (onlyActions) blanked.add(line);
  }
  const out: string[] = [];
  for (let line = 0; line < lines.length; line++) {
    const from = lines[line]!;
    const to = line + 1 < lines.length ? lines[line + 1]! : yaml.length;
    if (blanked.has(line)) out.push(yaml[to - 1] === '\n' && to > from ? '\n' : '');
    else out.push(chars.slice(from, to).join(''));
  }
  const text = out.join('');
  const maskedLines = editorLineStarts(text);
  const toOriginal = (offset: number): number => {
    const p = offsetToPosition(maskedLines, offset);
    const start = lines[p.line];
    if (start === undefined) return yaml.length;
    if (!blanked.has(p.line)) return start + p.character;
    // An emptied line holds only its line break, which stands for the original line's break.
    const lineEnd = p.line + 1 < lines.length ? lines[p.line + 1]! - 1 : yaml.length;
    return Math.min(lineEnd + p.character, yaml.length);
  };
  return { text, actions, toOriginal };
}

/**
 * The lines whose rendering the template decides: the lines of the actions between `first` and `last`
 * (YAML lines, inclusive), and every line inside a section (if/range/with ... end) opened there, since
 * such lines may be rendered once, many times or not at all. A section still open at `last` runs to it.
 */
export function uncertainLines(actions: readonly TemplateAction[], first: number, last: number): Set<number> {
  const lines = new Set<number>();
  const open: number[] = [];
  for (const a of actions) {
    if (a.endLine < first || a.startLine > last) continue;
    for (let l = a.startLine; l <= a.endLine; l++) lines.add(l);
    if (a.kind === 'open') open.push(a.endLine);
    else if (a.kind === 'end') {
      const from = open.pop();
      if (from !== undefined) for (let l = from; l <= a.startLine; l++) lines.add(l);
    }
  }
  for (const from of open) for (let l = from; l <= last; l++) lines.add(l);
  return lines;
}
