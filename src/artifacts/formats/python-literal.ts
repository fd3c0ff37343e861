import { MAX_DATA_FILE_BYTES, MAX_JSON_DEPTH, TOO_DEEP } from '../../files/size-limit.ts';
import { writtenNumberProblem } from '../../metrics/numbers.ts';
import { describeValue } from '../../problems/describe-value.ts';

/**
 * Reads a Python value as a notebook shows it: the `text/plain` of a cell's
 * `execute_result`, which is IPython's repr of the cell's last expression.
 * `{'accuracy': 0.95, 'f1': np.float64(0.93)}` becomes
 * `{ accuracy: 0.95, f1: 0.93 }`, as JSON would hold it:
 *
 * - dicts (keys that are text, numbers, True, False or None, as text),
 *   lists, tuples and sets (as lists), nested up to the JSON depth limit;
 * - text in single or double quotes with Python's escapes, adjacent texts
 *   joined (`'a' 'b'`, how pprint wraps long text), `b''` bytes as text;
 * - numbers as written, each held exactly as the project's rule for
 *   numbers says (metrics/numbers.ts): a whole number beyond what a float
 *   holds is refused, not rounded; `nan`, `inf` and `-inf` are null (a
 *   missing value, as every format reads NaN);
 * - `True`, `False`, `None`;
 * - NumPy 2's scalars, which print as calls: `np.float64(0.93)`,
 *   `np.int64(3)`, `numpy.float32(nan)`, `np.True_`, `np.str_('a')`.
 *
 * Nothing is evaluated: any other call (`array([...])`, `OrderedDict(...)`,
 * `datetime.date(...)`), a name, or IPython's `...` for a shortened list is
 * refused with where it is and what to print instead.
 */

/** The longest text read as a Python value, in characters: as much as a data file may hold. */
const MAX_LITERAL_CHARS = MAX_DATA_FILE_BYTES;

export type PythonLiteral =
  | { ok: true; value: unknown }
  | {
      ok: false;
      /** 1-based line and column in the text. */
      line: number;
      column: number;
      message: string;
      /**
       * The text does not begin as a Python value at all (a DataFrame's
       * table, a figure's `<Figure ...>`), rather than being one with a
       * problem: a caller reading other forms of the same text tries those.
       */
      notAValue?: true;
    };

/** What a value can be, for "expected a value" messages. */
const VALUE = 'a value (a number, text, True, False, None, a list, tuple or dict)';

/** NumPy's scalar types, as their reprs name them (`np.float64`, `numpy.int32`). */
const NUMPY_NUMBER =
  /^(?:np|numpy)\.(?:float(?:16|32|64|128)|u?int(?:8|16|32|64)|longdouble|double)$/;
const NUMPY_TEXT = /^(?:np|numpy)\.(?:str_|bytes_)$/;
const NUMPY_BOOL = /^(?:np|numpy)\.(True|False)_$/;

/** A parse that cannot go on: thrown inside the parser only, caught by `parsePythonLiteral`. */
class Stop {
  readonly at: number;
  readonly message: string;
  /** Nothing that starts a value is at `at` (a problem of a value's start, not of a value). */
  readonly noValueHere: boolean;
  constructor(at: number, message: string, noValueHere = false) {
    this.at = at;
    this.message = message;
    this.noValueHere = noValueHere;
  }
}

const NUMBER = /[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?/y;
const NAME = /[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*/y;
const SPACE = /[ \t\r\n\f\v]*/y;
/** A string literal's start: its quote, after a prefix such as `b` (bytes) or `r` (raw). */
const STRING_START = /^[bBuUrR]{0,2}['"]/;

const SIMPLE_ESCAPES: Readonly<Record<string, string>> = {
  '\n': '',
  '\\': '\\',
  "'": "'",
  '"': '"',
  a: '\x07',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
};

/**
 * Parses `text` as one Python value, whitespace (line breaks included)
 * around and between its parts. Never throws; a problem gives its line and
 * column and what was expected there.
 */
export function parsePythonLiteral(text: string): PythonLiteral {
  if (text.length > MAX_LITERAL_CHARS) {
    return {
      ok: false,
      line: 1,
      column: 1,
      message: `the value is ${text.length.toLocaleString('en-US')} characters long, over the ${MAX_LITERAL_CHARS.toLocaleString('en-US')}-character limit; print only the values the page shows`,
    };
  }
  let pos = 0;

  const at = (pattern: RegExp): string | undefined => {
    pattern.lastIndex = pos;
    const match = pattern.exec(text);
    return match?.[0];
  };
  const skipSpace = () => {
    pos += at(SPACE)?.length ?? 0;
  };
  /** What stands at `from`, quoted for a message: the rest of its line, shortened. */
  const found = (from = pos): string => {
    if (from >= text.length) return 'the end of the text';
    const rest = text.slice(from).split(/\r?\n/, 1)[0] ?? '';
    return rest === ''
      ? 'a line break'
      : describeValue(rest.length > 30 ? `${rest.slice(0, 27)}...` : rest);
  };
  const expected = (what: string, from = pos): never => {
    throw new Stop(from, `expected ${what}, got ${found(from)}`, what === VALUE);
  };

  const value = (depth: number): unknown => {
    skipSpace();
    const start = pos;
    const char = text[pos];
    if (char === '{' || char === '[' || char === '(') {
      if (depth >= MAX_JSON_DEPTH) throw new Stop(start, `the value ${TOO_DEEP}`);
      return container(char, depth + 1);
    }
    if (STRING_START.test(text.slice(pos, pos + 3))) return strings();
    if (text.startsWith('...', pos)) {
      throw new Stop(
        start,
        'IPython shortened a long list or dict to "..." (it shows at most 1,000 items); print only the values the page needs',
      );
    }
    const numeral = at(NUMBER);
    if (numeral !== undefined) {
      pos += numeral.length;
      return number(numeral, start);
    }
    if (char === '-' || char === '+') {
      // -inf, -nan
      pos++;
      const name = at(NAME);
      if (name === 'inf' || name === 'nan') {
        pos += name.length;
        return null;
      }
      pos = start;
      return expected(VALUE);
    }
    const name = at(NAME);
    if (name === undefined) return expected(VALUE);
    pos += name.length;
    return named(name, start, depth);
  };

  const number = (numeral: string, start: number): number => {
    const parsed = Number(numeral);
    const problem = writtenNumberProblem(numeral, parsed);
    if (problem) throw new Stop(start, problem);
    return parsed;
  };

  /** A bare name: a constant, a NumPy scalar, or a call Casefolio refuses. */
  const named = (name: string, start: number, depth: number): unknown => {
    switch (name) {
      case 'True':
        return true;
      case 'False':
        return false;
      case 'None':
      case 'nan':
      case 'inf':
        return null;
    }
    const bool = NUMPY_BOOL.exec(name);
    if (bool) return bool[1] === 'True';
    skipSpace();
    if (text[pos] !== '(') {
      throw new Stop(
        start,
        `expected ${VALUE}, got the name ${JSON.stringify(name)}; print the value itself`,
        true,
      );
    }
    if (NUMPY_NUMBER.test(name) || NUMPY_TEXT.test(name)) {
      pos++;
      const inner = value(depth + 1);
      skipSpace();
      if (text[pos] !== ')') expected(`")" to close ${name}(`);
      pos++;
      const wanted = NUMPY_TEXT.test(name) ? 'string' : 'number';
      if (inner !== null && typeof inner !== wanted) {
        throw new Stop(
          start,
          `expected ${name}(...) to hold ${wanted === 'string' ? 'text' : 'a number'}, got ${describeValue(inner)}`,
        );
      }
      return inner;
    }
    const base = name.split('.').at(-1);
    if (base === 'array' || base === 'matrix') {
      throw new Stop(
        start,
        `${name}(...) is a NumPy array, which Casefolio does not read; show a list (scores.tolist()) or one number (scores.mean())`,
      );
    }
    throw new Stop(
      start,
      `${name}(...) is a call, which Casefolio does not run; show a number, text, list or dict instead (NumPy numbers such as np.float64(0.93) are read)`,
    );
  };

  /** One or more adjacent string literals, joined. */
  const strings = (): string => {
    let joined = string();
    for (;;) {
      const before = pos;
      skipSpace();
      const next = text.slice(pos, pos + 3);
      if (STRING_START.test(next)) joined += string();
      else {
        pos = before;
        return joined;
      }
    }
  };

  const string = (): string => {
    const prefix = /^[bBuUrR]{0,2}/.exec(text.slice(pos, pos + 2))?.[0] ?? '';
    const raw = /[rR]/.test(prefix);
    pos += prefix.length;
    const quote = text[pos];
    const start = pos;
    pos++;
    let out = '';
    for (;;) {
      const char = text[pos];
      if (char === undefined || char === '\n') {
        throw new Stop(
          start,
          `expected a closing ${quote} for the text that starts here, got ${char === undefined ? 'the end of the text' : 'a line break'}`,
        );
      }
      if (char === quote) {
        pos++;
        return out;
      }
      if (char !== '\\' || raw) {
        out += char;
        pos++;
        continue;
      }
      out += escape();
    }
  };

  /** The escape at `pos` (a backslash), consumed. */
  const escape = (): string => {
    const start = pos;
    const code = text[pos + 1];
    if (code === undefined) return expected('an escape after the backslash', pos + 1);
    if (Object.hasOwn(SIMPLE_ESCAPES, code)) {
      pos += 2;
      return SIMPLE_ESCAPES[code] ?? '';
    }
    const octal = /^[0-7]{1,3}/.exec(text.slice(pos + 1, pos + 4))?.[0];
    if (octal) {
      pos += 1 + octal.length;
      return String.fromCodePoint(Number.parseInt(octal, 8));
    }
    const width = code === 'x' ? 2 : code === 'u' ? 4 : code === 'U' ? 8 : 0;
    if (width > 0) {
      const hex = text.slice(pos + 2, pos + 2 + width);
      const point =
        /^[0-9a-fA-F]+$/.test(hex) && hex.length === width ? Number.parseInt(hex, 16) : NaN;
      if (!(point <= 0x10ffff)) {
        throw new Stop(
          start,
          `expected ${width} hexadecimal digits after \\${code}, got ${found(pos + 2)}`,
        );
      }
      pos += 2 + width;
      return String.fromCodePoint(point);
    }
    // Python keeps an unknown escape as written (`\d` is a backslash and a d).
    pos += 1;
    return '\\';
  };

  const CLOSE = { '{': '}', '[': ']', '(': ')' } as const;

  const container = (open: '{' | '[' | '(', depth: number): unknown => {
    const close = CLOSE[open];
    pos++;
    const items: unknown[] = [];
    const entries: [string, unknown][] = [];
    let isDict = open === '{';
    let isSet = false;
    let commas = 0;
    for (;;) {
      skipSpace();
      if (text[pos] === close) {
        pos++;
        break;
      }
      const itemStart = pos;
      const item = value(depth);
      const written = text.slice(itemStart, pos).trim();
      skipSpace();
      if (open === '{' && !isSet && text[pos] === ':') {
        pos++;
        entries.push([dictKey(item, written, itemStart), value(depth)]);
        skipSpace();
      } else if (open === '{' && entries.length === 0) {
        isSet = true;
        isDict = false;
        items.push(item);
      } else if (open === '{' && !isSet) {
        expected('":" after the dict key');
      } else items.push(item);
      if (text[pos] === ',') {
        pos++;
        commas++;
        continue;
      }
      if (text[pos] === close) {
        pos++;
        break;
      }
      expected(`"," or "${close}"`);
    }
    if (isDict) return Object.fromEntries(entries);
    // `(x)` is x in parentheses; `(x,)` is a tuple of one.
    if (open === '(' && items.length === 1 && commas === 0) return items[0];
    return items;
  };

  /** A dict key as JSON would name it: text as it is, numbers and constants as Python prints them. */
  const dictKey = (key: unknown, written: string, start: number): string => {
    if (typeof key === 'string') return key;
    if (typeof key === 'number') return String(key);
    if (typeof key === 'boolean') return key ? 'True' : 'False';
    if (key === null) return written;
    throw new Stop(
      start,
      `expected a dict key that is text or a number, got ${describeValue(key)}`,
    );
  };

  try {
    const result = value(0);
    skipSpace();
    if (pos < text.length) expected('the end of the value');
    return { ok: true, value: result };
  } catch (error) {
    if (!(error instanceof Stop)) throw error;
    const before = text.slice(0, error.at);
    const line = before.split('\n').length;
    const column = error.at - before.lastIndexOf('\n');
    // Only a problem at the very start means the text is no value at all.
    const notAValue = error.noValueHere && text.slice(0, error.at).trim() === '';
    return {
      ok: false,
      line,
      column,
      message: error.message,
      ...(notAValue ? { notAValue: true as const } : {}),
    };
  }
}
