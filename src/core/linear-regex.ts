/**
 * A regular-expression matcher that cannot backtrack: the pattern becomes a small program run by a
 * Pike VM, which carries every possible position at once. Work is at most (text length × program
 * size), whatever the pattern, so a custom desk's ticket URL pattern such as "(a+)+" (which froze a
 * desk page for 3.8 s with the browser's engine) costs no more than any other.
 *
 * It reads the part of JavaScript regex syntax a URL pattern needs: literals, ".", classes
 * ("[^/?#]", "\d", "\w", "\s" and their negations), groups "( )" and "(?: )", "|", the quantifiers
 * "* + ? {n} {n,} {n,m}" (and their lazy forms), "^" and "$". Anything else (look-arounds,
 * back-references, flags) is refused with a reason rather than guessed at. Group 1 is reported
 * exactly as RegExp.prototype.exec would: leftmost match, preferring what the pattern prefers.
 */

type CharTest = (c: number) => boolean;

type Node =
  | { t: 'char'; test: CharTest }
  | { t: 'bol' }
  | { t: 'eol' }
  | { t: 'group'; capture: number | null; body: Node }
  | { t: 'alt'; alts: Node[] }
  | { t: 'seq'; items: Node[] }
  | { t: 'rep'; min: number; max: number; greedy: boolean; body: Node };

type Inst =
  | { op: 'char'; test: CharTest }
  | { op: 'split'; x: number; y: number }
  | { op: 'jmp'; x: number }
  | { op: 'save'; slot: number }
  | { op: 'bol' }
  | { op: 'eol' }
  | { op: 'match' };

/** Program size the compiled pattern may reach ("{1000}" copies its part 1000 times). */
export const MAX_PROGRAM = 4000;
const MAX_REPEAT = 1000;

export class PatternSyntaxError extends Error {}

const isDigit: CharTest = (c) => c >= 48 && c <= 57;
const isWord: CharTest = (c) => isDigit(c) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
const isSpace: CharTest = (c) => /\s/.test(String.fromCharCode(c));
const not = (f: CharTest): CharTest => (c) => !f(c);
const isLineEnd = (c: number) => c === 10 || c === 13 || c === 0x2028 || c === 0x2029;

class Parser {
  private at = 0;
  groups = 0;
  constructor(private readonly src: string) {}

  parse(): Node {
    const node = this.alternation();
    if (this.at < this.src.length) throw new PatternSyntaxError(`an unmatched ")" at position ${this.at + 1}`);
    return node;
  }

  private peek(): string | undefined {
    return this.src[this.at];
  }

  private alternation(): Node {
    const alts = [this.sequence()];
    while (this.peek() === '|') {
      this.at++;
      alts.push(this.sequence());
    }
    return alts.length === 1 ? alts[0]! : { t: 'alt', alts };
  }

  private sequence(): Node {
    const items: Node[] = [];
    while (this.at < this.src.length && this.peek() !== '|' && this.peek() !== ')') {
      const atom = this.atom();
      items.push(this.quantified(atom));
    }
    return { t: 'seq', items };
  }

  private quantified(atom: Node): Node {
    let node = atom;
    for (;;) {
      const c = this.peek();
      let min: number;
      let max: number;
      if (c === '*') [min, max] = [0, Infinity];
      else if (c === '+') [min, max] = [1, Infinity];
      else if (c === '?') [min, max] = [0, 1];
      else if (c === '{') {
        const m = /^\{(\d+)(,(\d*))?\}/.exec(this.src.slice(this.at));
        if (!m) return node; // a "{" that is not a quantifier is a literal (as in RegExp)
        min = Number(m[1]);
        max = m[2] === undefined ? min : m[3] === '' ? Infinity : Number(m[3]);
        if (min > MAX_REPEAT || (max !== Infinity && max > MAX_REPEAT)) throw new PatternSyntaxError(`a repeat count over ${MAX_REPEAT}`);
        if (max < min) throw new PatternSyntaxError(`the repeat "${m[0]}" counts down`);
        this.at += m[0].length - 1;
      } else return node;
      if (node.t === 'bol' || node.t === 'eol') throw new PatternSyntaxError('a repeated "^" or "$"');
      this.at++;
      let greedy = true;
      if (this.peek() === '?') {
        greedy = false;
        this.at++;
      }
      if (node.t === 'rep') throw new PatternSyntaxError('a repeat of a repeat, like "a**"');
      node = { t: 'rep', min, max, greedy, body: node };
    }
  }

  private atom(): Node {
    const c = this.src[this.at++]!;
    if (c === '(') {
      let capture: number | null = null;
      if (this.src.startsWith('?:', this.at)) this.at += 2;
      else if (this.peek() === '?') throw new PatternSyntaxError(`"(?${this.src[this.at + 1] ?? ''}" (look-arounds and named groups are not supported; use "(" or "(?:")`);
      else capture = ++this.groups;
      const body = this.alternation();
      if (this.peek() !== ')') throw new PatternSyntaxError('a "(" without its ")"');
      this.at++;
      return { t: 'group', capture, body };
    }
    if (c === '[') return { t: 'char', test: this.charClass() };
    if (c === '.') return { t: 'char', test: not(isLineEnd) };
    if (c === '^') return { t: 'bol' };
    if (c === '$') return { t: 'eol' };
    if (c === '\\') return { t: 'char', test: this.escape(false) };
    if (c === '*' || c === '+' || c === '?') throw new PatternSyntaxError(`a "${c}" with nothing before it to repeat`);
    const code = c.charCodeAt(0);
    return { t: 'char', test: (x) => x === code };
  }

  /** After a backslash: a class such as \d, or one character. */
  private escape(inClass: boolean): CharTest {
    const c = this.peek();
    const classes: Record<string, CharTest> = { d: isDigit, D: not(isDigit), w: isWord, W: not(isWord), s: isSpace, S: not(isSpace) };
    if (c !== undefined && Object.hasOwn(classes, c)) {
      this.at++;
      return classes[c]!;
    }
    const code = this.escapedCode(inClass);
    return (x) => x === code;
  }

  /** The character code of a one-character escape (\n, \x2F, \/, \.). Letters and digits with
   *  other meanings (\1, \b, \k, \p…) are refused. */
  private escapedCode(inClass: boolean): number {
    const c = this.src[this.at++];
    if (c === undefined) throw new PatternSyntaxError('a "\\" at the end');
    if (c === 'n') return 10;
    if (c === 't') return 9;
    if (c === 'r') return 13;
    if (c === 'x' || c === 'u') {
      const m = (c === 'x' ? /^[0-9a-fA-F]{2}/ : /^[0-9a-fA-F]{4}/).exec(this.src.slice(this.at));
      if (!m) throw new PatternSyntaxError(`"\\${c}" without its hex digits`);
      this.at += m[0].length;
      return parseInt(m[0], 16);
    }
    if (/[A-Za-z0-9]/.test(c)) throw new PatternSyntaxError(`"\\${c}"${inClass ? ' inside [ ]' : ''} (back-references, word boundaries and other escapes are not supported)`);
    return c.charCodeAt(0);
  }

  private charClass(): CharTest {
    let negate = false;
    if (this.peek() === '^') {
      negate = true;
      this.at++;
    }
    const parts: CharTest[] = [];
    let first = true;
    for (;;) {
      const c = this.src[this.at];
      if (c === undefined) throw new PatternSyntaxError('a "[" without its "]"');
      if (c === ']' && !first) {
        this.at++;
        break;
      }
      first = false;
      const lo = this.classAtom();
      if (this.peek() === '-' && this.src[this.at + 1] !== ']' && this.src[this.at + 1] !== undefined && typeof lo === 'number') {
        this.at++;
        const hi = this.classAtom();
        if (typeof hi !== 'number') throw new PatternSyntaxError('a range in [ ] that ends in a class like \\d');
        if (hi < lo) throw new PatternSyntaxError('a range in [ ] that runs backwards');
        parts.push((x) => x >= lo && x <= hi);
      } else parts.push(typeof lo === 'number' ? (x) => x === lo : lo);
    }
    const any: CharTest = (x) => parts.some((p) => p(x));
    return negate ? not(any) : any;
  }

  /** One character code, or a class escape such as \d. */
  private classAtom(): number | CharTest {
    const c = this.src[this.at++]!;
    if (c !== '\\') return c.charCodeAt(0);
    const next = this.peek();
    return next !== undefined && 'dDwWsS'.includes(next) ? this.escape(true) : this.escapedCode(true);
  }
}

function compile(root: Node): Inst[] {
  const prog: Inst[] = [];
  const emit = (inst: Inst) => {
    if (prog.length >= MAX_PROGRAM) throw new PatternSyntaxError('a pattern too large to run (shorten repeats like "{500}")');
    prog.push(inst);
    return prog.length - 1;
  };
  const gen = (n: Node): void => {
    switch (n.t) {
      case 'char':
        emit({ op: 'char', test: n.test });
        return;
      case 'bol':
        emit({ op: 'bol' });
        return;
      case 'eol':
        emit({ op: 'eol' });
        return;
      case 'seq':
        n.items.forEach(gen);
        return;
      case 'group':
        // Only group 1 is ever read (the ticket id); the others need no slots.
        if (n.capture === 1) emit({ op: 'save', slot: 2 });
        gen(n.body);
        if (n.capture === 1) emit({ op: 'save', slot: 3 });
        return;
      case 'alt': {
        const jumps: number[] = [];
        n.alts.forEach((alt, i) => {
          if (i < n.alts.length - 1) {
            const split = emit({ op: 'split', x: 0, y: 0 });
            (prog[split] as { x: number }).x = prog.length;
            gen(alt);
            jumps.push(emit({ op: 'jmp', x: 0 }));
            (prog[split] as { y: number }).y = prog.length;
          } else gen(alt);
        });
        for (const j of jumps) (prog[j] as { x: number }).x = prog.length;
        return;
      }
      case 'rep': {
        for (let k = 0; k < n.min; k++) gen(n.body);
        const order = (body: number, out: number) => (n.greedy ? { x: body, y: out } : { x: out, y: body });
        if (n.max === Infinity) {
          const split = emit({ op: 'split', x: 0, y: 0 });
          gen(n.body);
          emit({ op: 'jmp', x: split });
          Object.assign(prog[split]!, order(split + 1, prog.length));
          return;
        }
        const splits: number[] = [];
        for (let k = n.min; k < n.max; k++) {
          splits.push(emit({ op: 'split', x: 0, y: 0 }));
          gen(n.body);
        }
        for (const s of splits) Object.assign(prog[s]!, order(s + 1, prog.length));
        return;
      }
    }
  };
  emit({ op: 'save', slot: 0 });
  gen(root);
  emit({ op: 'save', slot: 1 });
  emit({ op: 'match' });
  return prog;
}

type Caps = readonly number[];

/** [whole match, group 1] like RegExpExecArray; group 1 is undefined when it did not take part. */
export type LinearMatch = [string, string | undefined] & { index: number };

export class LinearRegExp {
  readonly groups: number;
  private readonly prog: Inst[];
  /** Instructions run by the last exec: what the tests check instead of the clock. */
  lastSteps = 0;

  /** Throws PatternSyntaxError (with a reason to show) for syntax it does not read. */
  constructor(readonly source: string) {
    const parser = new Parser(source);
    this.prog = compile(parser.parse());
    this.groups = parser.groups;
  }

  exec(text: string): LinearMatch | null {
    const prog = this.prog;
    const seen = new Int32Array(prog.length).fill(-1);
    let steps = 0;
    let clist: { pc: number; caps: Caps }[] = [];
    let matched: Caps | null = null;

    // Adds a thread and everything it reaches without reading a character, in priority order.
    const add = (list: { pc: number; caps: Caps }[], pc0: number, caps0: Caps, pos: number) => {
      const stack: { pc: number; caps: Caps }[] = [{ pc: pc0, caps: caps0 }];
      while (stack.length) {
        const { pc, caps } = stack.pop()!;
        if (seen[pc] === pos) continue;
        seen[pc] = pos;
        steps++;
        const inst = prog[pc]!;
        switch (inst.op) {
          case 'jmp':
            stack.push({ pc: inst.x, caps });
            break;
          case 'split':
            stack.push({ pc: inst.y, caps }, { pc: inst.x, caps });
            break;
          case 'save': {
            const next = caps.slice();
            next[inst.slot] = pos;
            stack.push({ pc: pc + 1, caps: next });
            break;
          }
          case 'bol':
            if (pos === 0) stack.push({ pc: pc + 1, caps });
            break;
          case 'eol':
            if (pos === text.length) stack.push({ pc: pc + 1, caps });
            break;
          default:
            list.push({ pc, caps });
        }
      }
    };

    for (let pos = 0; pos <= text.length; pos++) {
      // A new attempt starts here only while nothing has matched: the leftmost match wins.
      if (matched === null) add(clist, 0, [-1, -1, -1, -1], pos);
      const nlist: { pc: number; caps: Caps }[] = [];
      const code = pos < text.length ? text.charCodeAt(pos) : -1;
      for (const th of clist) {
        const inst = prog[th.pc]!;
        steps++;
        if (inst.op === 'match') {
          matched = th.caps;
          break; // lower-priority threads lose to this one
        }
        if (inst.op === 'char' && code >= 0 && inst.test(code)) add(nlist, th.pc + 1, th.caps, pos + 1);
      }
      clist = nlist;
      if (!clist.length && matched !== null) break;
    }
    this.lastSteps = steps;
    if (!matched) return null;
    const [s, e, g1s, g1e] = matched as [number, number, number, number];
    const found: [string, string | undefined] = [text.slice(s, e), g1s >= 0 && g1e >= 0 ? text.slice(g1s, g1e) : undefined];
    return Object.assign(found, { index: s });
  }
}

/** The reason a pattern cannot be used, in words for whoever wrote it; null when it can. */
export function linearPatternProblem(source: string): string | null {
  try {
    new LinearRegExp(source);
    return null;
  } catch (e) {
    if (e instanceof PatternSyntaxError) return `it uses ${e.message}`;
    throw e;
  }
}
