import { parseExpressionAt, tokenizer, tokTypes, type Node, type Options } from 'acorn';

/**
 * A value known only at render: a name the body imports or exports
 * (`{rows}`, `{data.rows}`) or, to `evaluateStatic`, any other code.
 */
export const DYNAMIC = Symbol('dynamic');

export type StaticValue =
  | string
  | number
  | boolean
  | null
  | undefined
  | StaticValue[]
  | { [key: string]: StaticValue }
  | typeof DYNAMIC;

/**
 * Why a piece of an expression is code rather than a plain value: what it
 * is (`a call`, `new`, a name the body does not bind...) and what to write
 * instead, with where it starts and ends in the expression's source.
 */
export class NotPlain {
  /** The refused part, for the message: `a call`, `this`, `a function`... */
  readonly what: string;
  /** What to write instead. */
  readonly fix: string;
  readonly start: number;
  readonly end: number;
  /** True when `what` is a name the body neither imports nor exports. */
  readonly unboundName: boolean;

  constructor(what: string, fix: string, start: number, end: number, unboundName = false) {
    this.what = what;
    this.fix = fix;
    this.start = start;
    this.end = end;
    this.unboundName = unboundName;
  }
}

/** What an expression's source holds: one expression, nothing but comments, or code that is not one expression. */
type ParsedExpression = { node: Node } | { empty: true } | { unreadable: true };

const OPTIONS: Options = {
  ecmaVersion: 'latest',
  sourceType: 'module',
  allowAwaitOutsideFunction: true,
  locations: true,
  // Without it, `(1, 2)` would end before its `)`, which would read as trailing code.
  preserveParens: true,
};

/**
 * Parses the source of one MDX expression (`{...}` in the text or an
 * attribute) without running it. `{/* a note *\/}` and `{}` are empty; code
 * acorn cannot read (an element inside `{}`, for one) and trailing code
 * (`1; alert(1)`) are unreadable.
 */
export function parseExpression(source: string): ParsedExpression {
  try {
    if (isBlank(source, 0)) return { empty: true };
    const node = parseExpressionAt(source, 0, OPTIONS);
    return isBlank(source, node.end) ? { node } : { unreadable: true };
  } catch {
    return { unreadable: true };
  }
}

/** True when nothing but spaces and comments follows `from`. */
function isBlank(source: string, from: number): boolean {
  return tokenizer(source.slice(from), OPTIONS).getToken().type === tokTypes.eof;
}

const NO_NAMES: ReadonlySet<string> = new Set();

/**
 * Evaluates an MDX attribute expression such as `{["loss", "val_loss"]}` or
 * `{[[52, 1], [1, 89]]}` without running it: literals, arrays, objects,
 * signs and plain template strings. Anything else (a variable, a call)
 * is DYNAMIC, so the pre-build check leaves it to the render (and the
 * body's code rule, `readPlain` with the body's names, refuses what is code).
 */
export function evaluateStatic(source: string): StaticValue {
  const parsed = parseExpression(source);
  if (!('node' in parsed)) return DYNAMIC;
  const value = readPlain(parsed.node, NO_NAMES);
  return value instanceof NotPlain ? DYNAMIC : value;
}

/** Written in the messages that refuse code: what a value looks like. */
const WRITE_THE_VALUE = 'write the value itself ("text", 42, [1, 2], { a: 1 })';
const WRITE_THE_KEY = 'write the key itself (data.rows, data["macro avg"], rows[0])';
/** Keys that reach a value's prototype or its constructor (and from there, Function). */
const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Reads an expression as a plain value, never running it: strings, numbers,
 * booleans, null, template strings without `${}`, arrays and objects of
 * plain values, a sign on a number, and `names` (what the body imports or
 * exports), read by plain keys (`data.rows`, `data["macro avg"]`,
 * `rows[0]`), which are DYNAMIC. Anything else is code: a NotPlain saying
 * which part and what to write instead.
 */
export function readPlain(node: Node, names: ReadonlySet<string>): StaticValue | NotPlain {
  const refuse = (what: string, fix = WRITE_THE_VALUE, at: Node = node) =>
    new NotPlain(what, fix, at.start, at.end);
  switch (node.type) {
    case 'Literal': {
      const { value, regex, bigint } = node as Node & {
        value: unknown;
        regex?: unknown;
        bigint?: unknown;
      };
      if (regex) return refuse('a regular expression');
      if (bigint !== undefined) return refuse('a BigInt', 'write an ordinary number (42)');
      return typeof value === 'string' ||
        typeof value === 'number' ||
        typeof value === 'boolean' ||
        value === null
        ? value
        : refuse('this literal');
    }
    case 'ArrayExpression': {
      const items: StaticValue[] = [];
      for (const element of (node as Node & { elements: (Node | null)[] }).elements) {
        if (element === null) return refuse('a list with an empty slot', 'write every item');
        if (element.type === 'SpreadElement') {
          return refuse('a spread (...)', 'write the items themselves', element);
        }
        const value = readPlain(element, names);
        if (value instanceof NotPlain) return value;
        items.push(value);
      }
      return items.includes(DYNAMIC) ? DYNAMIC : items;
    }
    case 'ObjectExpression': {
      const out: { [key: string]: StaticValue } = {};
      let dynamic = false;
      for (const property of (node as Node & { properties: Node[] }).properties) {
        if (property.type !== 'Property') {
          return refuse('a spread (...)', 'write the keys and values themselves', property);
        }
        const { key, value, computed, kind, method } = property as Node & {
          key: Node & { name?: string; value?: unknown };
          value: Node;
          computed: boolean;
          kind: string;
          method: boolean;
        };
        if (computed) {
          return refuse('a key computed by code ([key]: ...)', 'write the key as text', property);
        }
        if (kind !== 'init' || method) return refuse('a function', WRITE_THE_VALUE, property);
        const name = key.type === 'Identifier' ? key.name : key.value;
        if (typeof name !== 'string' && typeof name !== 'number') {
          return refuse('this key', 'write the key as text', key);
        }
        if (String(name) === '__proto__') {
          return refuse('the key "__proto__"', 'give the key another name', key);
        }
        const evaluated = readPlain(value, names);
        if (evaluated instanceof NotPlain) return evaluated;
        if (evaluated === DYNAMIC) dynamic = true;
        out[String(name)] = evaluated;
      }
      return dynamic ? DYNAMIC : out;
    }
    case 'UnaryExpression': {
      const { operator, argument } = node as Node & { operator: string; argument: Node };
      if (operator === '-' || operator === '+') {
        const value = readPlain(argument, names);
        if (value instanceof NotPlain) return value;
        if (typeof value === 'number') return operator === '-' ? -value : value;
        return refuse(`${operator} on something other than a number`);
      }
      return refuse(`the operator ${operator}`);
    }
    case 'TemplateLiteral': {
      const { expressions, quasis } = node as Node & {
        expressions: Node[];
        quasis: { value: { cooked: string | null } }[];
      };
      if (expressions.length > 0) {
        return refuse('a template with ${...}', 'write the text itself ("text")');
      }
      return quasis.map((quasi) => quasi.value.cooked ?? '').join('');
    }
    case 'Identifier': {
      const name = (node as Node & { name: string }).name;
      if (name === 'undefined') return undefined;
      if (names.has(name)) return DYNAMIC;
      return new NotPlain(
        name,
        'write the value itself, or import the data it holds at the top (import rows from "./rows.json")',
        node.start,
        node.end,
        true,
      );
    }
    case 'ChainExpression':
    case 'ParenthesizedExpression':
      return readPlain((node as Node & { expression: Node }).expression, names);
    case 'MemberExpression':
      return readMember(node, names);
    case 'BinaryExpression':
    case 'LogicalExpression':
      return refuse(`the operator ${(node as Node & { operator: string }).operator}`);
    default:
      return refuse(CODE[node.type] ?? 'code');
  }
}

/**
 * `data.rows`, `data["macro avg"]`, `rows[0]`, `data?.rows`: plain keys on
 * a name the body binds. A key computed by code, a key on a value that is
 * not such a name (`"text".length`) or a key that reaches a constructor is
 * refused.
 */
function readMember(node: Node, names: ReadonlySet<string>): StaticValue | NotPlain {
  const { object, property, computed } = node as Node & {
    object: Node;
    property: Node & { name?: string; value?: unknown };
    computed: boolean;
  };
  let key: unknown;
  if (!computed && property.type === 'Identifier') key = property.name;
  else if (computed && property.type === 'Literal') key = property.value;
  const plainKey =
    typeof key === 'string' || (typeof key === 'number' && Number.isSafeInteger(key) && key >= 0);
  if (!plainKey) {
    return new NotPlain('a key computed by code', WRITE_THE_KEY, property.start, property.end);
  }
  if (UNSAFE_KEYS.has(String(key))) {
    return new NotPlain(
      `the key "${String(key)}"`,
      'read the data by its own keys (data.rows)',
      property.start,
      property.end,
    );
  }
  if (object.type === 'Super')
    return new NotPlain('super', WRITE_THE_VALUE, object.start, object.end);
  const base = readPlain(object, names);
  if (base instanceof NotPlain) return base;
  if (base !== DYNAMIC) {
    return new NotPlain('a key read from a written value', WRITE_THE_VALUE, node.start, node.end);
  }
  return DYNAMIC;
}

/** What each kind of code is called in a message. */
const CODE: Record<string, string> = {
  CallExpression: 'a call',
  NewExpression: 'a constructor call',
  AssignmentExpression: 'an assignment',
  UpdateExpression: 'an increment',
  FunctionExpression: 'a function',
  ArrowFunctionExpression: 'a function',
  ClassExpression: 'a class',
  AwaitExpression: 'await',
  YieldExpression: 'yield',
  TaggedTemplateExpression: 'a tagged template',
  ThisExpression: 'this',
  MetaProperty: 'import.meta',
  ImportExpression: 'import()',
  ConditionalExpression: 'a condition (a ? b : c)',
  SequenceExpression: 'a sequence (a, b)',
};

/** True when a value (or anything inside it) could not be known statically. */
export function isDynamic(value: StaticValue): boolean {
  if (value === DYNAMIC) return true;
  if (Array.isArray(value)) return value.some(isDynamic);
  if (value !== null && typeof value === 'object') return Object.values(value).some(isDynamic);
  return false;
}
