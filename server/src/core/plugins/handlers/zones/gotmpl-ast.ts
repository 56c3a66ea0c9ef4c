// The syntax tree of a Go text/template (text/template/parse), built from the lexer the linter's checker
// uses. The checker already refused what Go's Parse refuses, so this parser only needs to build the tree;
// it still reports a malformed template instead of throwing, because execution must never crash.
import { lexGoTemplate, type GoTemplateItem } from '../../util/go-template.js';

export type Arg =
  | { t: 'field'; idents: string[] }
  | { t: 'variable'; idents: string[] }
  | { t: 'dot' }
  | { t: 'nil' }
  | { t: 'bool'; value: boolean }
  | { t: 'string'; value: string }
  | { t: 'number'; text: string }
  | { t: 'ident'; name: string }
  | { t: 'pipe'; pipe: Pipe }
  | { t: 'chain'; node: Arg; fields: string[] };

export interface Command {
  args: Arg[];
}

export interface Pipe {
  /** Variables declared (`:=`) or assigned (`=`) by the pipeline. */
  decl: string[];
  isAssign: boolean;
  cmds: Command[];
}

export type TemplateNode =
  | { t: 'text'; text: string }
  | { t: 'action'; pipe: Pipe }
  | { t: 'if' | 'with'; pipe: Pipe; list: TemplateNode[]; elseList?: TemplateNode[] }
  | { t: 'range'; pipe: Pipe; list: TemplateNode[]; elseList?: TemplateNode[] }
  | { t: 'template'; name: string; pipe?: Pipe }
  | { t: 'break' | 'continue' };

export interface ParsedTemplate {
  root: TemplateNode[];
  /** Templates named by {{define}} and {{block}}. */
  defines: Map<string, TemplateNode[]>;
}

class ParseFailure {
  constructor(readonly message: string) {}
}

/** Parses template text into its tree; `error` says why when it cannot. */
export function parseGoTemplate(text: string): { template: ParsedTemplate } | { error: string } {
  const lexed = lexGoTemplate(text);
  if ('error' in lexed) return { error: lexed.error.message };
  try {
    return { template: new Parser(lexed.items).parse() };
  } catch (error) {
    if (error instanceof ParseFailure) return { error: error.message };
    throw error;
  }
}

class Parser {
  private index = 0;
  private readonly defines = new Map<string, TemplateNode[]>();

  constructor(private readonly items: GoTemplateItem[]) {}

  parse(): ParsedTemplate {
    const root: TemplateNode[] = [];
    while (this.peek().kind !== 'eof') {
      if (this.peek().kind === 'left' && this.peekAfterLeft().value === 'define') {
        this.next();
        this.nextNonSpace();
        const name = this.stringValue(this.nextNonSpace());
        this.expect('right');
        const { list, end } = this.itemList();
        if (end !== 'end') this.fail(`unexpected {{${end}}} in define`);
        this.defines.set(name, list);
        continue;
      }
      const node = this.textOrAction();
      if (node.kind === 'end') this.fail(`unexpected {{${node.keyword}}}`);
      if (node.kind === 'node' && node.node) root.push(node.node);
    }
    return { root, defines: this.defines };
  }

  private peek(): GoTemplateItem {
    return this.items[this.index]!;
  }

  private next(): GoTemplateItem {
    const item = this.items[this.index]!;
    if (item.kind !== 'eof') this.index++;
    return item;
  }

  private nextNonSpace(): GoTemplateItem {
    let item = this.next();
    while (item.kind === 'space') item = this.next();
    return item;
  }

  private peekNonSpace(): GoTemplateItem {
    const saved = this.index;
    const item = this.nextNonSpace();
    this.index = saved;
    return item;
  }

  private peekAfterLeft(): GoTemplateItem {
    const saved = this.index;
    this.next();
    const item = this.nextNonSpace();
    this.index = saved;
    return item;
  }

  private fail(message: string): never {
    throw new ParseFailure(message);
  }

  private expect(kind: GoTemplateItem['kind']): GoTemplateItem {
    const item = this.nextNonSpace();
    if (item.kind !== kind) this.fail(`unexpected ${JSON.stringify(item.value)}`);
    return item;
  }

  /** Nodes until {{end}} or {{else ...}}; returns the keyword that closed the list. */
  private itemList(): { list: TemplateNode[]; end: string } {
    const list: TemplateNode[] = [];
    for (;;) {
      if (this.peek().kind === 'eof') this.fail('unexpected EOF');
      const node = this.textOrAction();
      if (node.kind === 'end') return { list, end: node.keyword };
      if (node.node) list.push(node.node);
    }
  }

  private textOrAction(): { kind: 'node'; node?: TemplateNode } | { kind: 'end'; keyword: string } {
    const item = this.next();
    if (item.kind === 'text') return { kind: 'node', node: { t: 'text', text: item.value } };
    if (item.kind !== 'left') this.fail(`unexpected ${JSON.stringify(item.value)} in input`);
    return this.action();
  }

  private action(): { kind: 'node'; node?: TemplateNode } | { kind: 'end'; keyword: string } {
    const token = this.peekNonSpace();
    if (token.kind === 'keyword') {
      this.nextNonSpace();
      switch (token.value) {
        case 'end':
          this.expect('right');
          return { kind: 'end', keyword: 'end' };
        case 'else': {
          const after = this.peekNonSpace();
          if (after.kind === 'keyword' && (after.value === 'if' || after.value === 'with')) return { kind: 'end', keyword: `else ${after.value}` };
          this.expect('right');
          return { kind: 'end', keyword: 'else' };
        }
        case 'if':
        case 'with':
        case 'range':
          return { kind: 'node', node: this.branch(token.value) };
        case 'break':
        case 'continue':
          this.expect('right');
          return { kind: 'node', node: { t: token.value } };
        case 'template':
          return { kind: 'node', node: this.templateCall() };
        case 'block': {
          const node = this.templateCall();
          const { list, end } = this.itemList();
          if (end !== 'end') this.fail(`unexpected {{${end}}} in block`);
          if (node.t === 'template') this.defines.set(node.name, list);
          return { kind: 'node', node };
        }
        default:
          this.fail(`unexpected ${token.value}`);
      }
    }
    return { kind: 'node', node: { t: 'action', pipe: this.pipeline('right', false) } };
  }

  /** if / with / range: pipeline, list, optional else (or else if / else with), end. */
  private branch(kind: 'if' | 'with' | 'range'): TemplateNode {
    const pipe = this.pipeline('right', kind === 'range');
    const { list, end } = this.itemList();
    let elseList: TemplateNode[] | undefined;
    if (end === 'else if' || end === 'else with') {
      // `{{else if x}}` is `{{else}}{{if x}}...{{end}}{{end}}`: the nested branch consumes the {{end}}.
      this.nextNonSpace();
      elseList = [this.branch(end.slice(5) as 'if' | 'with')];
    } else if (end === 'else') {
      const rest = this.itemList();
      if (rest.end !== 'end') this.fail(`expected end; found {{${rest.end}}}`);
      elseList = rest.list;
    }
    return kind === 'range' ? { t: 'range', pipe, list, elseList } : { t: kind, pipe, list, elseList };
  }

  private templateCall(): TemplateNode {
    const name = this.stringValue(this.nextNonSpace());
    if (this.peekNonSpace().kind === 'right') {
      this.nextNonSpace();
      return { t: 'template', name };
    }
    return { t: 'template', name, pipe: this.pipeline('right', false) };
  }

  private pipeline(close: 'right' | 'rightParen', isRange: boolean): Pipe {
    const pipe: Pipe = { decl: [], isAssign: false, cmds: [] };
    const saved = this.index;
    const first = this.nextNonSpace();
    if (first.kind === 'variable') {
      const op = this.nextNonSpace();
      if (op.kind === 'declare' || op.kind === 'assign') {
        pipe.decl.push(first.value);
        pipe.isAssign = op.kind === 'assign';
      } else if (op.kind === 'charItem' && op.value === ',' && isRange) {
        const second = this.nextNonSpace();
        const op2 = this.nextNonSpace();
        pipe.decl.push(first.value, second.value);
        pipe.isAssign = op2.kind === 'assign';
      } else this.index = saved;
    } else this.index = saved;
    for (;;) {
      const item = this.peekNonSpace();
      if (item.kind === close) {
        this.nextNonSpace();
        if (pipe.cmds.length === 0) this.fail('missing value');
        return pipe;
      }
      if (item.kind === 'eof') this.fail('unclosed action');
      pipe.cmds.push(this.command(close));
      if (this.peekNonSpace().kind === 'pipe') this.nextNonSpace();
    }
  }

  private command(close: 'right' | 'rightParen'): Command {
    const args: Arg[] = [];
    for (;;) {
      const item = this.peekNonSpace();
      if (item.kind === close || item.kind === 'pipe') {
        if (args.length === 0) this.fail('empty command');
        return { args };
      }
      if (item.kind === 'eof') this.fail('unclosed action');
      this.nextNonSpace();
      args.push(this.operand(item));
    }
  }

  private operand(item: GoTemplateItem): Arg {
    const term = this.term(item);
    const fields: string[] = [];
    while (this.peek().kind === 'field') fields.push(this.next().value.slice(1));
    if (fields.length === 0) return term;
    if (term.t === 'field' || term.t === 'variable') return { ...term, idents: [...term.idents, ...fields] };
    return { t: 'chain', node: term, fields };
  }

  private term(item: GoTemplateItem): Arg {
    switch (item.kind) {
      case 'ident':
        return { t: 'ident', name: item.value };
      case 'dot':
        return { t: 'dot' };
      case 'nil':
        return { t: 'nil' };
      case 'variable':
        return { t: 'variable', idents: [item.value] };
      case 'field':
        return { t: 'field', idents: [item.value.slice(1)] };
      case 'bool':
        return { t: 'bool', value: item.value === 'true' };
      case 'number':
        return { t: 'number', text: item.value };
      case 'char':
        return { t: 'number', text: String(unquoteChar(item.value)) };
      case 'string':
      case 'rawString':
        return { t: 'string', value: this.stringValue(item) };
      case 'leftParen':
        return { t: 'pipe', pipe: this.pipeline('rightParen', false) };
      default:
        this.fail(`unexpected ${JSON.stringify(item.value)} in operand`);
    }
  }

  private stringValue(item: GoTemplateItem): string {
    if (item.kind === 'rawString') return item.value.slice(1, -1);
    if (item.kind === 'string') return unquoteGo(item.value);
    this.fail(`unexpected ${JSON.stringify(item.value)}: a string constant is needed`);
  }
}

/** strconv.Unquote of a double-quoted Go literal (the checker already refused invalid escapes). */
export function unquoteGo(literal: string): string {
  const body = literal.slice(1, -1);
  return body.replace(/\\(?:([abfnrtv\\'"])|([0-7]{3})|x([0-9a-fA-F]{2})|u([0-9a-fA-F]{4})|U([0-9a-fA-F]{8}))/g, (_m, simple: string | undefined, octal: string | undefined, hex: string | undefined, u4: string | undefined, u8: string | undefined) => {
    if (simple !== undefined) return ({ a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v' } as Record<string, string>)[simple] ?? simple;
    if (octal !== undefined) return String.fromCharCode(parseInt(octal, 8));
    if (hex !== undefined) return String.fromCharCode(parseInt(hex, 16));
    return String.fromCodePoint(parseInt((u4 ?? u8)!, 16));
  });
}

/** The code point of a character constant such as 'a' or '\n'. */
function unquoteChar(literal: string): number {
  const body = literal.slice(1, -1);
  if (body.startsWith('\\')) return unquoteGo(`"${body === "\\'" ? "'" : body}"`).codePointAt(0) ?? 0;
  return body.codePointAt(0) ?? 0;
}
