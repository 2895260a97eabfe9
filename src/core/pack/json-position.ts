/**
 * A small strict JSON parser that remembers where every value starts, so pack errors can say
 * "line 5, column 30". It only runs when something is wrong: the happy path uses JSON.parse.
 */

export interface JsonSyntaxError {
  offset: number;
  message: string;
}

export interface PositionedJson {
  value: unknown;
  /** JSON pointer ("/phrases/3/text") → offset of the value's first character. */
  positions: Map<string, number>;
}

export type PositionedResult = { ok: true; json: PositionedJson } | { ok: false; error: JsonSyntaxError };

export function escapePointerToken(token: string | number): string {
  return String(token).replace(/~/g, '~0').replace(/\//g, '~1');
}

class SyntaxFailure extends Error {
  constructor(
    readonly offset: number,
    message: string,
  ) {
    super(message);
  }
}

function describeChar(ch: string | undefined): string {
  if (ch === undefined) return 'the end of the file';
  if (ch === '\n' || ch === '\r') return 'a line break';
  if (ch === '\t') return 'a tab';
  if (ch === "'") return "a single quote (JSON needs double quotes)";
  return `"${ch}"`;
}

/** Parses strict JSON (RFC 8259) and records value positions, or reports the first syntax error. */
export function parseJsonWithPositions(text: string): PositionedResult {
  const positions = new Map<string, number>();
  let i = 0;
  const n = text.length;

  const fail = (message: string, at = i): never => {
    throw new SyntaxFailure(at, message);
  };
  const truncated = (what: string): never =>
    fail(`The file ends in the middle of ${what}: it looks cut off. Check that the whole file was saved or downloaded.`, n);

  const skipWs = () => {
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) i++;
      else break;
    }
  };

  const parseString = (): string => {
    i++; // opening quote
    let out = '';
    let chunkStart = i;
    while (true) {
      if (i >= n) return truncated('a text value (a closing " is missing)');
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        out += text.slice(chunkStart, i);
        i++;
        return out;
      }
      if (c === 0x5c) {
        out += text.slice(chunkStart, i);
        const e = text[i + 1];
        if (e === undefined) return truncated('a text value');
        const simple: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
        if (e in simple) {
          out += simple[e];
          i += 2;
        } else if (e === 'u') {
          const hex = text.slice(i + 2, i + 6);
          if (!/^[0-9a-fA-F]{4}$/.test(hex)) {
            if (i + 6 > n) return truncated('a text value');
            return fail('Invalid \\u escape: it needs exactly four hex digits, like \\u00e9.');
          }
          out += String.fromCharCode(parseInt(hex, 16));
          i += 6;
        } else {
          return fail(`Invalid escape "\\${e}" in text. Write a backslash as \\\\ and a quote as \\".`);
        }
        chunkStart = i;
        continue;
      }
      if (c < 0x20) {
        if (c === 0x0a || c === 0x0d) {
          return fail(
            `This text value is not closed before the line ends. Close it with " or write a line break as \\n.`,
          );
        }
        return fail('Control characters are not allowed inside text; write a tab as \\t.');
      }
      i++;
    }
  };

  const parseNumber = (): number => {
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (!m) return fail(`Unexpected ${describeChar(text[i])}: expected a value (text in "double quotes", a number, true, false, null, [ or {).`);
    i += m[0].length;
    return Number(m[0]);
  };

  const parseLiteral = (word: 'true' | 'false' | 'null', value: unknown): unknown => {
    if (text.startsWith(word, i)) {
      i += word.length;
      return value;
    }
    if (word.startsWith(text.slice(i)) && i < n) return truncated(`the word "${word}"`);
    return fail(`Unexpected ${describeChar(text[i])}: expected a value (text in "double quotes", a number, true, false, null, [ or {).`);
  };

  const parseValue = (path: string, depth: number): unknown => {
    skipWs();
    if (i >= n) return truncated('the document (a value is missing)');
    if (depth > 200) return fail('The JSON is nested too deeply.');
    positions.set(path, i);
    const ch = text[i];
    if (ch === '{') return parseObject(path, depth);
    if (ch === '[') return parseArray(path, depth);
    if (ch === '"') return parseString();
    if (ch === 't') return parseLiteral('true', true);
    if (ch === 'f') return parseLiteral('false', false);
    if (ch === 'n') return parseLiteral('null', null);
    if (ch === '-' || (ch !== undefined && ch >= '0' && ch <= '9')) return parseNumber();
    if (ch === "'") return fail('Text must be in double quotes ("like this"), not single quotes.');
    if (ch === '}' || ch === ']') return fail(`Unexpected ${describeChar(ch)}: a value is missing here (is there a comma too many before it?).`);
    return fail(`Unexpected ${describeChar(ch)}: expected a value (text in "double quotes", a number, true, false, null, [ or {).`);
  };

  const parseObject = (path: string, depth: number): Record<string, unknown> => {
    i++; // {
    // Null prototype so a "__proto__" key is stored as data, never as the prototype.
    const obj: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
    skipWs();
    if (text[i] === '}') {
      i++;
      return obj;
    }
    while (true) {
      skipWs();
      if (i >= n) return truncated('an object (a closing } is missing)');
      if (text[i] === '}') return fail('Remove the comma before this "}": JSON does not allow a trailing comma.');
      if (text[i] !== '"') {
        return fail(
          text[i] === "'"
            ? 'Property names must be in double quotes ("name"), not single quotes.'
            : `Unexpected ${describeChar(text[i])}: expected a property name in double quotes.`,
        );
      }
      const key = parseString();
      skipWs();
      if (i >= n) return truncated('an object');
      if (text[i] !== ':') return fail(`Expected ":" after the property name "${key}".`);
      i++;
      obj[key] = parseValue(`${path}/${escapePointerToken(key)}`, depth + 1);
      skipWs();
      if (i >= n) return truncated('an object (a closing } is missing)');
      if (text[i] === ',') {
        i++;
        continue;
      }
      if (text[i] === '}') {
        i++;
        return obj;
      }
      return fail(`Expected "," or "}" after the value of "${key}", found ${describeChar(text[i])}. Is a comma missing?`);
    }
  };

  const parseArray = (path: string, depth: number): unknown[] => {
    i++; // [
    const arr: unknown[] = [];
    skipWs();
    if (text[i] === ']') {
      i++;
      return arr;
    }
    while (true) {
      skipWs();
      if (text[i] === ']') return fail('Remove the comma before this "]": JSON does not allow a trailing comma.');
      arr.push(parseValue(`${path}/${arr.length}`, depth + 1));
      skipWs();
      if (i >= n) return truncated('a list (a closing ] is missing)');
      if (text[i] === ',') {
        i++;
        continue;
      }
      if (text[i] === ']') {
        i++;
        return arr;
      }
      return fail(`Expected "," or "]" after a list item, found ${describeChar(text[i])}. Is a comma missing?`);
    }
  };

  try {
    const value = parseValue('', 0);
    skipWs();
    if (i < n) fail(`Unexpected ${describeChar(text[i])} after the end of the JSON document. Remove it, or check for a missing [ or {.`);
    return { ok: true, json: { value, positions } };
  } catch (e) {
    if (e instanceof SyntaxFailure) return { ok: false, error: { offset: e.offset, message: e.message } };
    throw e;
  }
}

/** Maps offsets to 1-based line and column; build once per text, query many times. */
export function lineColumnFinder(text: string): (offset: number) => { line: number; column: number } {
  const lineStarts = [0];
  for (let k = 0; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (c === 0x0a) lineStarts.push(k + 1);
    else if (c === 0x0d && text.charCodeAt(k + 1) !== 0x0a) lineStarts.push(k + 1);
  }
  return (offset: number) => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - lineStarts[lo]! + 1 };
  };
}

/** The offset of the value at `path`, or of its nearest ancestor that exists (for missing fields). */
export function offsetOf(positions: Map<string, number>, path: string): number {
  let p = path;
  while (true) {
    const at = positions.get(p);
    if (at !== undefined) return at;
    if (p === '') return 0;
    p = p.slice(0, p.lastIndexOf('/'));
  }
}
