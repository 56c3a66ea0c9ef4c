// A syntax checker for Go's text/template as CoreDNS's template plugin uses it: it refuses what
// template.New(...).Funcs({parseInt}).Parse refuses at start-up. Fields such as .Name are only resolved
// when Go executes a template, so they are not checked here; functions are, because Parse looks them up.

export interface GoTemplateError {
  /** Offset in the template text (UTF-16 code units) where the problem was found. */
  offset: number;
  message: string;
}

/** text/template's built-in functions. */
const BUILTIN_FUNCTIONS = [
  'and', 'call', 'html', 'index', 'slice', 'js', 'len', 'not', 'or', 'print', 'printf', 'println', 'urlquery',
  'eq', 'ge', 'gt', 'le', 'lt', 'ne',
];

/** The functions CoreDNS's template plugin adds with Funcs before parsing (plugin/template/template.go). */
export const COREDNS_TEMPLATE_FUNCTIONS: readonly string[] = ['parseInt'];

export type GoTemplateKind =
  | 'text' | 'left' | 'right' | 'comment' | 'space' | 'ident' | 'keyword' | 'field' | 'variable' | 'dot'
  | 'string' | 'rawString' | 'char' | 'number' | 'bool' | 'nil' | 'pipe' | 'declare' | 'assign'
  | 'leftParen' | 'rightParen' | 'charItem' | 'eof';

type Kind = GoTemplateKind;

/** One lexical item; text items already have the white space that trim markers remove taken off. */
export interface GoTemplateItem {
  kind: Kind;
  /** The item's text; a right delimiter with a trim marker is '-}}'. */
  value: string;
  offset: number;
}

type Item = GoTemplateItem;

class TemplateSyntaxError {
  constructor(readonly offset: number, readonly message: string) {}
}

const KEYWORDS = new Set(['block', 'break', 'continue', 'define', 'else', 'end', 'if', 'range', 'nil', 'template', 'with']);
const isSpace = (c: string): boolean => c === ' ' || c === '\t' || c === '\r' || c === '\n';
const isAlphaNumeric = (c: string): boolean => c === '_' || /[\p{L}\p{Nd}]/u.test(c);

/**
 * Splits the text into items the way text/template/parse's lexer does, stopping at the first error (it
 * throws a TemplateSyntaxError; use lexGoTemplate from outside). Like Go's lexer it applies trim markers:
 * '{{- ' drops the white space before it, ' -}}' the white space after it.
 */
function lex(input: string): Item[] {
  const items: Item[] = [];
  let pos = 0;
  let trimNext = false;
  const fail = (offset: number, message: string): never => {
    throw new TemplateSyntaxError(offset, message);
  };
  const pushText = (from: number, to: number, trimEnd: boolean): void => {
    let start = from;
    let end = to;
    if (trimNext) while (start < end && isSpace(input[start]!)) start++;
    if (trimEnd) while (end > start && isSpace(input[end - 1]!)) end--;
    trimNext = false;
    if (end > start) items.push({ kind: 'text', value: input.slice(start, end), offset: start });
  };
  while (pos < input.length) {
    const open = input.indexOf('{{', pos);
    if (open < 0) {
      pushText(pos, input.length, false);
      break;
    }
    // A left trim marker is a '-' followed by white space; '{{-3}}' is the number -3.
    const leftTrim = input[open + 2] === '-' && isSpace(input[open + 3] ?? '');
    pushText(pos, open, leftTrim);
    pos = open + 2;
    if (leftTrim) pos += 2;
    items.push({ kind: 'left', value: '{{', offset: open });
    if (input.startsWith('/*', pos)) {
      const close = input.indexOf('*/', pos + 2);
      if (close < 0) fail(open, 'unclosed comment');
      pos = close + 2;
      const rest = input.slice(pos);
      if (rest.startsWith('}}')) pos += 2;
      else if (isSpace(rest[0] ?? '') && rest.startsWith('-}}', 1)) {
        pos += 4;
        trimNext = true;
      } else fail(pos, 'comment ends before closing delimiter');
      items.pop();
      continue;
    }
    pos = lexInsideAction(input, pos, items, fail);
    if (items[items.length - 1]?.value === '-}}') trimNext = true;
  }
  items.push({ kind: 'eof', value: '', offset: input.length });
  return items;
}

/** The items of a template, or the first lexical error; never throws. */
export function lexGoTemplate(input: string): { items: GoTemplateItem[] } | { error: GoTemplateError } {
  try {
    return { items: lex(input) };
  } catch (error) {
    if (error instanceof TemplateSyntaxError) return { error: { offset: error.offset, message: error.message } };
    return { error: { offset: 0, message: error instanceof Error ? error.message : String(error) } };
  }
}

/** Lexes one action up to and including its closing delimiter; returns the position after it. */
function lexInsideAction(input: string, start: number, items: Item[], fail: (offset: number, message: string) => never): number {
  let pos = start;
  let parenDepth = 0;
  const atTerminator = (at: number): boolean => {
    const c = input[at];
    if (c === undefined || isSpace(c) || '.,|:)('.includes(c)) return true;
    return input.startsWith('}}', at);
  };
  for (;;) {
    if (input.startsWith('}}', pos)) {
      if (parenDepth > 0) fail(pos, 'unclosed left paren');
      items.push({ kind: 'right', value: '}}', offset: pos });
      return pos + 2;
    }
    const c = input[pos];
    if (c === undefined) fail(pos, 'unclosed action');
    const from = pos;
    if (isSpace(c!)) {
      // A space followed by '-}}' is a right trim marker that closes the action.
      while (isSpace(input[pos] ?? '')) pos++;
      if (input[pos - 1] !== undefined && input.startsWith('-}}', pos)) {
        if (parenDepth > 0) fail(pos, 'unclosed left paren');
        items.push({ kind: 'right', value: '-}}', offset: pos });
        return pos + 3;
      }
      items.push({ kind: 'space', value: ' ', offset: from });
      continue;
    }
    if (c === '=') {
      items.push({ kind: 'assign', value: '=', offset: pos++ });
    } else if (c === ':') {
      if (input[pos + 1] !== '=') fail(pos, 'expected :=');
      items.push({ kind: 'declare', value: ':=', offset: pos });
      pos += 2;
    } else if (c === '|') {
      items.push({ kind: 'pipe', value: '|', offset: pos++ });
    } else if (c === '"') {
      pos++;
      for (;;) {
        const q = input[pos];
        if (q === '\\') {
          const escaped = input[pos + 1];
          if (escaped === undefined || escaped === '\n') fail(from, 'unterminated quoted string');
          pos += 2;
          continue;
        }
        if (q === undefined || q === '\n') fail(from, 'unterminated quoted string');
        pos++;
        if (q === '"') break;
      }
      items.push({ kind: 'string', value: input.slice(from, pos), offset: from });
    } else if (c === '`') {
      const close = input.indexOf('`', pos + 1);
      if (close < 0) fail(from, 'unterminated raw quoted string');
      pos = close + 1;
      items.push({ kind: 'rawString', value: input.slice(from, pos), offset: from });
    } else if (c === "'") {
      pos++;
      for (;;) {
        const q = input[pos];
        if (q === '\\') {
          const escaped = input[pos + 1];
          if (escaped === undefined || escaped === '\n') fail(from, 'unterminated character constant');
          pos += 2;
          continue;
        }
        if (q === undefined || q === '\n') fail(from, 'unterminated character constant');
        pos++;
        if (q === "'") break;
      }
      items.push({ kind: 'char', value: input.slice(from, pos), offset: from });
    } else if (c === '$' || (c === '.' && !/[0-9]/.test(input[pos + 1] ?? ''))) {
      pos++;
      if (c === '.' && atTerminator(pos)) {
        items.push({ kind: 'dot', value: '.', offset: from });
        continue;
      }
      while (isAlphaNumeric(input[pos] ?? '')) pos++;
      if (!atTerminator(pos)) fail(pos, `bad character ${JSON.stringify(input[pos])}`);
      items.push({ kind: c === '$' ? 'variable' : 'field', value: input.slice(from, pos), offset: from });
    } else if (c === '+' || c === '-' || c === '.' || /[0-9]/.test(c!)) {
      const match = /^[+-]?(0[xX][0-9a-fA-F_]*(\.[0-9a-fA-F_]*)?([pP][+-]?[0-9_]+)?|0[oO][0-7_]*|0[bB][01_]*|[0-9_]*(\.[0-9_]*)?([eE][+-]?[0-9_]+)?)i?/.exec(input.slice(pos))!;
      pos += match[0].length;
      if (isAlphaNumeric(input[pos] ?? '')) fail(from, `bad number syntax: ${JSON.stringify(input.slice(from, pos + 1))}`);
      items.push({ kind: 'number', value: input.slice(from, pos), offset: from });
    } else if (isAlphaNumeric(c!)) {
      while (isAlphaNumeric(input[pos] ?? '')) pos++;
      if (!atTerminator(pos)) fail(pos, `bad character ${JSON.stringify(input[pos])}`);
      const word = input.slice(from, pos);
      const kind: Kind = word === 'true' || word === 'false' ? 'bool' : word === 'nil' ? 'nil' : KEYWORDS.has(word) ? 'keyword' : 'ident';
      items.push({ kind, value: word, offset: from });
    } else if (c === '(') {
      parenDepth++;
      items.push({ kind: 'leftParen', value: '(', offset: pos++ });
    } else if (c === ')') {
      parenDepth--;
      if (parenDepth < 0) fail(pos, 'unexpected right paren');
      items.push({ kind: 'rightParen', value: ')', offset: pos++ });
    } else if (c!.charCodeAt(0) < 0x7f && c! >= ' ') {
      items.push({ kind: 'charItem', value: c!, offset: pos++ });
    } else {
      fail(pos, `unrecognized character in action: ${JSON.stringify(c)}`);
    }
  }
}

/** Go's strconv.Unquote for a double-quoted literal: only the escapes Go knows are valid. */
function validGoQuoted(literal: string): boolean {
  const body = literal.slice(1, -1);
  const escape = /\\(?:[abfnrtv\\'"]|[0-7]{3}|x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8})/y;
  for (let i = 0; i < body.length; i++) {
    if (body[i] !== '\\') continue;
    escape.lastIndex = i;
    const m = escape.exec(body);
    if (!m) return false;
    if (m[0].startsWith('\\U') && parseInt(m[0].slice(2), 16) > 0x10ffff) return false;
    i += m[0].length - 1;
  }
  return true;
}

/** A character constant holds exactly one (possibly escaped) character. */
function validCharConstant(literal: string): boolean {
  const body = literal.slice(1, -1);
  if (body.startsWith('\\')) return /^\\(?:[abfnrtv\\'"]|[0-7]{3}|x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8})$/.test(body);
  return [...body].length === 1;
}

/** A number literal Go's text/template accepts (integers, floats, hex/octal/binary, imaginary). */
function validNumber(text: string): boolean {
  const t = text.replace(/^[+-]/, '');
  if (t === '' || t.startsWith('_') || t.endsWith('_') || t.includes('__')) return false;
  return /^(0[xX](_?[0-9a-fA-F])+|0[oO](_?[0-7])+|0[bB](_?[01])+|[0-9][0-9_]*(\.[0-9_]*)?([eE][+-]?[0-9_]+)?|\.[0-9][0-9_]*([eE][+-]?[0-9_]+)?)i?$/.test(t);
}

/** The recursive-descent half of text/template/parse, reduced to the checks Parse makes. */
class TemplateParser {
  private index = 0;
  private readonly vars: string[][] = [['$']];
  private rangeDepth = 0;

  constructor(private readonly items: Item[], private readonly functions: ReadonlySet<string>) {}

  private peek(): Item {
    return this.items[this.index]!;
  }

  private next(): Item {
    const item = this.items[this.index]!;
    if (item.kind !== 'eof') this.index++;
    return item;
  }

  /** The next item that is not a space inside an action. */
  private nextNonSpace(): Item {
    let item = this.next();
    while (item.kind === 'space') item = this.next();
    return item;
  }

  private peekNonSpace(): Item {
    const saved = this.index;
    const item = this.nextNonSpace();
    this.index = saved;
    return item;
  }

  private fail(item: Item, message: string): never {
    throw new TemplateSyntaxError(item.offset, message);
  }

  private describe(item: Item): string {
    if (item.kind === 'eof') return 'EOF';
    if (item.kind === 'right') return '"}}"';
    return JSON.stringify(item.value);
  }

  parseTemplate(): void {
    for (;;) {
      const item = this.peek();
      if (item.kind === 'eof') return;
      if (item.kind === 'left' && this.peekAfterLeft().kind === 'keyword' && this.peekAfterLeft().value === 'define') {
        this.next();
        this.nextNonSpace();
        this.parseDefinition('define');
        continue;
      }
      const end = this.textOrAction();
      if (end) this.fail(end, `unexpected {{${end.value}}}`);
    }
  }

  private peekAfterLeft(): Item {
    const saved = this.index;
    this.next();
    const item = this.nextNonSpace();
    this.index = saved;
    return item;
  }

  /** `{{define "name"}} ... {{end}}`: the name must be a string constant. */
  private parseDefinition(context: string): void {
    const name = this.nextNonSpace();
    if (!['string', 'rawString'].includes(name.kind)) this.fail(name, `unexpected ${this.describe(name)} in ${context} clause`);
    this.checkString(name);
    const close = this.nextNonSpace();
    if (close.kind !== 'right') this.fail(close, `unexpected ${this.describe(close)} in ${context} clause`);
    const end = this.itemList(context);
    if (end.value !== 'end') this.fail(end, `unexpected {{${end.value}}} in ${context}`);
  }

  /** Parses text and actions until an {{end}} or {{else}}; returns that keyword item (or undefined at EOF). */
  private textOrAction(): Item | undefined {
    const item = this.next();
    if (item.kind === 'text') return undefined;
    if (item.kind === 'left') return this.action();
    this.fail(item, `unexpected ${this.describe(item)} in input`);
  }

  /** Lists nodes until {{end}} or {{else}}, which it returns; EOF here means a missing {{end}}. */
  private itemList(context: string): Item {
    for (;;) {
      if (this.peek().kind === 'eof') this.fail(this.peek(), `unexpected EOF: {{${context}}} has no matching {{end}}`);
      const end = this.textOrAction();
      if (end) return end;
    }
  }

  private action(): Item | undefined {
    const token = this.nextNonSpace();
    if (token.kind === 'keyword') {
      switch (token.value) {
        case 'block':
          this.blockControl();
          return undefined;
        case 'break':
        case 'continue':
          if (this.rangeDepth === 0) this.fail(token, `{{${token.value}}} outside {{range}}`);
          this.expectRight(token.value);
          return undefined;
        case 'else':
          return this.elseControl(token);
        case 'end': {
          this.expectRight('end');
          return token;
        }
        case 'if':
        case 'with':
          this.branch(token.value, false);
          return undefined;
        case 'range':
          this.branch('range', true);
          return undefined;
        case 'template':
          this.templateControl();
          return undefined;
        case 'define':
          this.fail(token, 'unexpected "define" in command: {{define}} is only allowed at the top level');
      }
    }
    // Not a keyword: step back so the pipeline reads this item as its first operand.
    this.index--;
    this.pipeline('command', 'right');
    return undefined;
  }

  private expectRight(context: string): void {
    const close = this.nextNonSpace();
    if (close.kind !== 'right') this.fail(close, `unexpected ${this.describe(close)} in ${context}`);
  }

  /** `else`, `else if ...`, `else with ...`: hands the keyword back to the enclosing list. */
  private elseControl(token: Item): Item {
    const after = this.peekNonSpace();
    if (after.kind === 'keyword' && (after.value === 'if' || after.value === 'with')) return { ...token, value: `else ${after.value}` };
    this.expectRight('else');
    return token;
  }

  /** if / with / range: a pipeline, a list, optionally {{else}} and another list, then {{end}}. */
  private branch(context: string, isRange: boolean): void {
    this.vars.push([]);
    this.pipeline(context, 'right', isRange);
    if (isRange) this.rangeDepth++;
    let end = this.itemList(context);
    if (isRange) this.rangeDepth--;
    while (end.value !== 'end') {
      if (end.value === 'else if' || end.value === 'else with') {
        const chained = end.value.slice(5);
        if (chained !== context) this.fail(end, `unexpected {{else ${chained}}} in {{${context}}}`);
        // `{{else if x}}` is shorthand for `{{else}}{{if x}}...{{end}}{{end}}`: parse it as a nested branch.
        this.nextNonSpace();
        this.branch(context, false);
        this.vars.pop();
        return;
      }
      end = this.itemList(context);
      if (end.value !== 'end') this.fail(end, `expected end; found {{${end.value}}}`);
    }
    this.vars.pop();
  }

  private templateControl(): void {
    const name = this.nextNonSpace();
    if (!['string', 'rawString'].includes(name.kind)) this.fail(name, `unexpected ${this.describe(name)} in template clause`);
    this.checkString(name);
    if (this.peekNonSpace().kind !== 'right') this.pipeline('template', 'right');
    else this.nextNonSpace();
  }

  private blockControl(): void {
    const name = this.nextNonSpace();
    if (!['string', 'rawString'].includes(name.kind)) this.fail(name, `unexpected ${this.describe(name)} in block clause`);
    this.checkString(name);
    if (this.peekNonSpace().kind !== 'right') this.pipeline('block', 'right');
    else this.nextNonSpace();
    const end = this.itemList('block');
    if (end.value !== 'end') this.fail(end, `unexpected {{${end.value}}} in block`);
  }

  /** Optional variable declarations, then commands joined by '|', up to the closing item. */
  private pipeline(context: string, close: 'right' | 'rightParen', isRange = false): void {
    this.declarations(isRange);
    let commands = 0;
    for (;;) {
      const item = this.peekNonSpace();
      if (item.kind === close) {
        this.nextNonSpace();
        if (commands === 0) this.fail(item, `missing value for ${context}`);
        return;
      }
      if (item.kind === 'eof') this.fail(item, close === 'right' ? 'unclosed action' : 'unclosed left paren');
      const head = this.command(close);
      commands++;
      // Only the first command of a pipeline may start with a constant or dot (parse.checkPipeline).
      if (commands > 1 && ['bool', 'dot', 'nil', 'number', 'string', 'rawString', 'char'].includes(head.kind)) {
        this.fail(head, `non executable command in pipeline stage ${commands}`);
      }
      const after = this.peekNonSpace();
      if (after.kind === 'pipe') {
        this.nextNonSpace();
        const following = this.peekNonSpace();
        if (following.kind === close || following.kind === 'pipe') this.fail(following, 'missing command');
      }
    }
  }

  private declarations(isRange: boolean): void {
    const saved = this.index;
    const first = this.nextNonSpace();
    if (first.kind !== 'variable') {
      this.index = saved;
      return;
    }
    const op = this.nextNonSpace();
    if (op.kind === 'declare' || op.kind === 'assign') {
      if (op.kind === 'declare') this.vars[this.vars.length - 1]!.push(first.value);
      else this.requireVariable(first);
      return;
    }
    if (op.kind === 'charItem' && op.value === ',' && isRange) {
      const second = this.nextNonSpace();
      const op2 = this.nextNonSpace();
      if (second.kind === 'variable' && (op2.kind === 'declare' || op2.kind === 'assign')) {
        this.vars[this.vars.length - 1]!.push(first.value, second.value);
        return;
      }
      this.fail(second, 'range can only initialize variables');
    }
    this.index = saved;
  }

  private requireVariable(item: Item): void {
    const name = item.value.split('.')[0]!;
    if (!this.vars.some((scope) => scope.includes(name))) this.fail(item, `undefined variable "${name}"`);
  }

  /** One command: operands up to '|' or the closing item. */
  private command(close: 'right' | 'rightParen'): Item {
    let head: Item | undefined;
    for (;;) {
      const item = this.peekNonSpace();
      if (item.kind === close || item.kind === 'pipe') {
        if (head === undefined) this.fail(item, 'empty command');
        return head;
      }
      head ??= item;
      if (item.kind === 'eof') this.fail(item, 'unclosed action');
      this.nextNonSpace();
      this.operand(item);
      // Operands must be separated by spaces; a '.Field' chain may follow a term directly.
      const after = this.peek();
      if (after.kind !== 'space' && after.kind !== close && after.kind !== 'pipe' && after.kind !== 'eof') {
        this.fail(after, `unexpected ${this.describe(after)} in operand`);
      }
    }
  }

  private operand(item: Item): void {
    switch (item.kind) {
      case 'ident':
        if (!this.functions.has(item.value)) this.fail(item, `function "${item.value}" not defined`);
        break;
      case 'variable':
        this.requireVariable(item);
        break;
      case 'string':
        this.checkString(item);
        break;
      case 'char':
        if (!validCharConstant(item.value)) this.fail(item, `malformed character constant: ${item.value}`);
        break;
      case 'number':
        if (!validNumber(item.value)) this.fail(item, `illegal number syntax: ${JSON.stringify(item.value)}`);
        break;
      case 'leftParen':
        this.pipeline('parenthesized pipeline', 'rightParen');
        break;
      case 'nil':
      case 'dot':
      case 'field':
      case 'bool':
      case 'rawString':
        break;
      default:
        this.fail(item, `unexpected ${this.describe(item)} in operand`);
    }
    // A field chain (.X.Y) may follow a term without a space.
    while (this.peek().kind === 'field') this.next();
  }

  private checkString(item: Item): void {
    if (item.kind === 'string' && !validGoQuoted(item.value)) this.fail(item, `invalid syntax in quoted string ${item.value}`);
  }
}

/**
 * Checks one template text like text/template's Parse with CoreDNS's function map; returns the first
 * error (with its offset in the text) or undefined when Go would accept it. Never throws.
 */
export function checkGoTemplate(text: string, extraFunctions: readonly string[] = COREDNS_TEMPLATE_FUNCTIONS): GoTemplateError | undefined {
  try {
    const items = lex(text);
    new TemplateParser(items, new Set([...BUILTIN_FUNCTIONS, ...extraFunctions])).parseTemplate();
    return undefined;
  } catch (error) {
    if (error instanceof TemplateSyntaxError) return { offset: error.offset, message: error.message };
    return { offset: 0, message: error instanceof Error ? error.message : String(error) };
  }
}
