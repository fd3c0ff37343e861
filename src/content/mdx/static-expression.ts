import { parseExpressionAt, type Expression, type Node } from 'acorn';

/** A prop whose value is code we cannot know before render (`{someVariable}`). */
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
 * Evaluates an MDX attribute expression such as `{["loss", "val_loss"]}` or
 * `{[[52, 1], [1, 89]]}` without running it: literals, arrays, objects,
 * signs and plain template strings. Anything else (a variable, a call)
 * is DYNAMIC, so the pre-build check leaves it to the render.
 */
export function evaluateStatic(source: string): StaticValue {
  let node: Expression;
  try {
    node = parseExpressionAt(source, 0, { ecmaVersion: 'latest' });
  } catch {
    return DYNAMIC;
  }
  if (source.slice(node.end).trim() !== '') return DYNAMIC;
  return evaluate(node);
}

function evaluate(node: Node): StaticValue {
  switch (node.type) {
    case 'Literal': {
      const value = (node as Node & { value: unknown }).value;
      return typeof value === 'string' ||
        typeof value === 'number' ||
        typeof value === 'boolean' ||
        value === null
        ? value
        : DYNAMIC;
    }
    case 'ArrayExpression': {
      const items = (node as Node & { elements: (Node | null)[] }).elements.map((element) =>
        element === null || element.type === 'SpreadElement' ? DYNAMIC : evaluate(element),
      );
      return items.includes(DYNAMIC) ? DYNAMIC : items;
    }
    case 'ObjectExpression': {
      const out: { [key: string]: StaticValue } = {};
      for (const property of (node as Node & { properties: Node[] }).properties) {
        if (property.type !== 'Property') return DYNAMIC;
        const { key, value, computed } = property as Node & {
          key: Node & { name?: string; value?: unknown };
          value: Node;
          computed: boolean;
        };
        if (computed) return DYNAMIC;
        const name = key.type === 'Identifier' ? key.name : key.value;
        if (typeof name !== 'string' && typeof name !== 'number') return DYNAMIC;
        const evaluated = evaluate(value);
        if (evaluated === DYNAMIC) return DYNAMIC;
        out[String(name)] = evaluated;
      }
      return out;
    }
    case 'UnaryExpression': {
      const { operator, argument } = node as Node & { operator: string; argument: Node };
      const value = evaluate(argument);
      if (typeof value !== 'number') return DYNAMIC;
      if (operator === '-') return -value;
      if (operator === '+') return value;
      return DYNAMIC;
    }
    case 'TemplateLiteral': {
      const { expressions, quasis } = node as Node & {
        expressions: Node[];
        quasis: { value: { cooked: string | null } }[];
      };
      if (expressions.length > 0) return DYNAMIC;
      return quasis.map((quasi) => quasi.value.cooked ?? '').join('');
    }
    case 'Identifier': {
      const name = (node as Node & { name: string }).name;
      if (name === 'undefined') return undefined;
      if (name === 'Infinity' || name === 'NaN') return DYNAMIC;
      return DYNAMIC;
    }
    default:
      return DYNAMIC;
  }
}

/** True when a value (or anything inside it) could not be known statically. */
export function isDynamic(value: StaticValue): boolean {
  if (value === DYNAMIC) return true;
  if (Array.isArray(value)) return value.some(isDynamic);
  if (value !== null && typeof value === 'object') return Object.values(value).some(isDynamic);
  return false;
}
