// Finds where a JSON text first goes wrong. JSON.parse's messages differ between browsers and Node,
// and V8's quote a raw, possibly multi-line slice of the input; this gives the runner and the page the
// same one-line answer everywhere. It runs only after JSON.parse has failed, so it favours clarity.
// It is iterative (an explicit stack) so deeply nested input cannot overflow the call stack.

export interface JsonSyntaxError {
  /** Offset in UTF-16 code units, as JSON.parse counts. */
  position: number;
  line: number;
  column: number;
  problem: string;
}

type Expect =
  'value' | 'value-or-close' | 'key' | 'key-or-close' | 'colon' | 'comma-or-close' | 'end';

/** A problem found while scanning a scalar: where, and what. */
type Fail = { at: number; problem: string };

export function locateJsonError(text: string): JsonSyntaxError | null {
  const fail = scan(text);
  return fail === null
    ? null
    : { position: fail.at, ...lineAndColumn(text, fail.at), problem: fail.problem };
}

function scan(text: string): Fail | null {
  const stack: ('{' | '[')[] = [];
  let expect: Expect = 'value';
  let i = 0;
  const afterValue = (): Expect => (stack.length === 0 ? 'end' : 'comma-or-close');
  for (;;) {
    i = skipWhitespace(text, i);
    if (i >= text.length)
      return expect === 'end' ? null : { at: i, problem: 'unexpected end of input' };
    const c = text.charAt(i);
    switch (expect) {
      case 'end':
        return { at: i, problem: `unexpected ${show(text, i)} after the end of the value` };
      case 'colon':
        if (c !== ':') return { at: i, problem: `expected ':' but found ${show(text, i)}` };
        i += 1;
        expect = 'value';
        break;
      case 'comma-or-close': {
        const close = stack[stack.length - 1] === '{' ? '}' : ']';
        if (c === ',') {
          expect = close === '}' ? 'key' : 'value';
        } else if (c === close) {
          stack.pop();
          expect = afterValue();
        } else {
          return { at: i, problem: `expected ',' or '${close}' but found ${show(text, i)}` };
        }
        i += 1;
        break;
      }
      case 'key':
      case 'key-or-close': {
        if (expect === 'key-or-close' && c === '}') {
          stack.pop();
          i += 1;
          expect = afterValue();
          break;
        }
        if (c !== '"') {
          return {
            at: i,
            problem: `expected a property name in double quotes but found ${show(text, i)}`,
          };
        }
        const end = scanString(text, i);
        if (typeof end !== 'number') return end;
        i = end;
        expect = 'colon';
        break;
      }
      case 'value':
      case 'value-or-close': {
        if (expect === 'value-or-close' && c === ']') {
          stack.pop();
          i += 1;
          expect = afterValue();
        } else if (c === '{' || c === '[') {
          stack.push(c);
          i += 1;
          expect = c === '{' ? 'key-or-close' : 'value-or-close';
        } else {
          const end = scanScalar(text, i);
          if (typeof end !== 'number') return end;
          i = end;
          expect = afterValue();
        }
        break;
      }
    }
  }
}

function skipWhitespace(text: string, from: number): number {
  let i = from;
  while (i < text.length && ' \t\n\r'.includes(text.charAt(i))) i += 1;
  return i;
}

/** Returns the offset just past the scalar starting at `i`, or what is wrong with it. */
function scanScalar(text: string, i: number): number | Fail {
  const c = text.charAt(i);
  if (c === '"') return scanString(text, i);
  if (c === '-' || (c >= '0' && c <= '9')) return scanNumber(text, i);
  for (const word of ['true', 'false', 'null']) {
    if (text.startsWith(word, i)) return i + word.length;
  }
  return { at: i, problem: `unexpected ${show(text, i)}` };
}

function scanString(text: string, start: number): number | Fail {
  let i = start + 1;
  while (i < text.length) {
    const code = text.charCodeAt(i);
    if (code === 0x22) return i + 1; // closing quote
    if (code < 0x20) return { at: i, problem: `unescaped ${show(text, i)} in a string` };
    if (code === 0x5c) {
      const escape = text.charAt(i + 1);
      if (escape === 'u') {
        if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) {
          return { at: i, problem: 'bad \\u escape (expected 4 hex digits)' };
        }
        i += 6;
        continue;
      }
      if (!'"\\/bfnrt'.includes(escape) || escape === '') {
        return { at: i, problem: `bad escape ${show(text, i, 2)} in a string` };
      }
      i += 2;
      continue;
    }
    i += 1;
  }
  return { at: start, problem: 'unterminated string' };
}

const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;
const NUMBERISH = /[-+0-9.eE]*/y;

function scanNumber(text: string, i: number): number | Fail {
  NUMBER.lastIndex = i;
  const match = NUMBER.exec(text);
  NUMBERISH.lastIndex = i;
  const run = NUMBERISH.exec(text)?.[0] ?? '';
  // A number must not run straight into more number characters ("01", "1.", "1e", "--1").
  if (match === null || match[0].length !== run.length) {
    return { at: i, problem: `bad number ${show(text, i, Math.min(run.length, 24))}` };
  }
  return i + run.length;
}

/** A short, single-line rendering of the input at `i` for a message: 'x', or a code point. */
function show(text: string, i: number, length = 1): string {
  if (i >= text.length) return 'end of input';
  const piece =
    length === 1 ? String.fromCodePoint(text.codePointAt(i) ?? 0) : text.slice(i, i + length);
  if (length === 1 && isControl(piece.charCodeAt(0))) {
    return `control character U+${piece.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
  }
  const printable = Array.from(piece, (c) => (isControl(c.charCodeAt(0)) ? ' ' : c)).join('');
  return `'${printable}'`;
}

/** Characters that would break or garble a one-line message. */
function isControl(code: number): boolean {
  return code < 0x20 || code === 0x7f || code === 0x2028 || code === 0x2029;
}

function lineAndColumn(text: string, position: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < position; i += 1) {
    if (text.charCodeAt(i) === 0x0a) {
      line += 1;
      lineStart = i + 1;
    }
  }
  return { line, column: position - lineStart + 1 };
}
