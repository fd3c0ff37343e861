import { describe, expect, it } from 'vitest';
import { parseExpressionAt } from 'acorn';
import {
  DYNAMIC,
  evaluateStatic,
  isDynamic,
  NotPlain,
  parseExpression,
  readPlain,
} from '../../../../src/content/mdx/static-expression.ts';

describe('evaluateStatic', () => {
  it('reads arrays of strings and nested arrays of numbers', () => {
    expect(evaluateStatic('["loss", "val_loss"]')).toEqual(['loss', 'val_loss']);
    expect(evaluateStatic("['a', 'b']")).toEqual(['a', 'b']);
    expect(evaluateStatic('[[52, 1], [1, 89]]')).toEqual([
      [52, 1],
      [1, 89],
    ]);
    expect(evaluateStatic('[]')).toEqual([]);
  });

  it('reads objects with unquoted, quoted and numeric keys', () => {
    expect(evaluateStatic('{ epoch: 1, "val loss": 0.4, 3: "x" }')).toEqual({
      epoch: 1,
      'val loss': 0.4,
      '3': 'x',
    });
    expect(evaluateStatic('[{ epoch: 1, loss: 0.5 }, { epoch: 2, loss: null }]')).toEqual([
      { epoch: 1, loss: 0.5 },
      { epoch: 2, loss: null },
    ]);
  });

  it('reads signed numbers', () => {
    expect(evaluateStatic('-3')).toBe(-3);
    expect(evaluateStatic('+2.5')).toBe(2.5);
    expect(evaluateStatic('[-1, -0.5, 1e-3]')).toEqual([-1, -0.5, 0.001]);
    expect(evaluateStatic('- -4')).toBe(4);
  });

  it('reads template strings without substitutions', () => {
    expect(evaluateStatic('`Training loss`')).toBe('Training loss');
    expect(evaluateStatic('`line 1\\nline 2`')).toBe('line 1\nline 2');
  });

  it('reads string, boolean, null and undefined literals', () => {
    expect(evaluateStatic('"<b>"')).toBe('<b>');
    expect(evaluateStatic('true')).toBe(true);
    expect(evaluateStatic('false')).toBe(false);
    expect(evaluateStatic('null')).toBeNull();
    expect(evaluateStatic('undefined')).toBeUndefined();
  });

  it('ignores surrounding whitespace, comments and parentheses', () => {
    expect(evaluateStatic('  [1, 2]\n')).toEqual([1, 2]);
    expect(evaluateStatic('/* rows */ [1, 2] // two')).toEqual([1, 2]);
    expect(evaluateStatic('(["a"])')).toEqual(['a']);
  });

  it('is DYNAMIC for identifiers, calls and member access', () => {
    expect(evaluateStatic('rows')).toBe(DYNAMIC);
    expect(evaluateStatic('load("x.csv")')).toBe(DYNAMIC);
    expect(evaluateStatic('data.rows')).toBe(DYNAMIC);
    expect(evaluateStatic('Infinity')).toBe(DYNAMIC);
    expect(evaluateStatic('NaN')).toBe(DYNAMIC);
  });

  it('is DYNAMIC when any part is code', () => {
    expect(evaluateStatic('["loss", column]')).toBe(DYNAMIC);
    expect(evaluateStatic('{ a: 1, b: f() }')).toBe(DYNAMIC);
    expect(evaluateStatic('{ a }')).toBe(DYNAMIC);
    expect(evaluateStatic('{ [key]: 1 }')).toBe(DYNAMIC);
    expect(evaluateStatic('{ ...base }')).toBe(DYNAMIC);
    expect(evaluateStatic('[...rows]')).toBe(DYNAMIC);
    expect(evaluateStatic('[1, , 2]')).toBe(DYNAMIC);
    expect(evaluateStatic('`a ${b}`')).toBe(DYNAMIC);
    expect(evaluateStatic('{ get a() { return 1; } }')).toBe(DYNAMIC);
  });

  it('is DYNAMIC for operators other than a sign on a number', () => {
    expect(evaluateStatic('1 + 2')).toBe(DYNAMIC);
    expect(evaluateStatic('!true')).toBe(DYNAMIC);
    expect(evaluateStatic('-"a"')).toBe(DYNAMIC);
    expect(evaluateStatic('/re/')).toBe(DYNAMIC);
    expect(evaluateStatic('10n')).toBe(DYNAMIC);
  });

  it('is DYNAMIC for text it cannot parse or trailing code', () => {
    expect(evaluateStatic('')).toBe(DYNAMIC);
    expect(evaluateStatic('[1, 2')).toBe(DYNAMIC);
    expect(evaluateStatic('[1] [2]')).toBe(DYNAMIC);
    expect(evaluateStatic('1; alert(1)')).toBe(DYNAMIC);
  });

  it('does not run the code it reads', () => {
    const marker = globalThis as { __casefolioRan?: boolean };
    expect(evaluateStatic('(() => { globalThis.__casefolioRan = true; })()')).toBe(DYNAMIC);
    expect(evaluateStatic('[globalThis.__casefolioRan = true]')).toBe(DYNAMIC);
    expect(marker.__casefolioRan).toBeUndefined();
  });
});

describe('parseExpression', () => {
  it('reads one expression, nothing but comments, or code that is not one expression', () => {
    expect('node' in parseExpression('(1, 2)')).toBe(true);
    expect(parseExpression('')).toEqual({ empty: true });
    expect(parseExpression(' /* a note */ // and another\n')).toEqual({ empty: true });
    expect(parseExpression('1; alert(1)')).toEqual({ unreadable: true });
    expect(parseExpression('<b>x</b>')).toEqual({ unreadable: true });
    expect(parseExpression('[1, 2')).toEqual({ unreadable: true });
  });
});

describe('readPlain', () => {
  const read = (code: string, names: string[] = []) =>
    readPlain(
      parseExpressionAt(code, 0, { ecmaVersion: 'latest', sourceType: 'module' }),
      new Set(names),
    );

  it('reads the names it is given, and plain keys of them, as DYNAMIC', () => {
    expect(read('rows', ['rows'])).toBe(DYNAMIC);
    expect(read('data.rows[0]["macro avg"]?.x', ['data'])).toBe(DYNAMIC);
    expect(read('[1, data]', ['data'])).toBe(DYNAMIC);
    expect(read('{ a: 1, data }', ['data'])).toBe(DYNAMIC);
    expect(read('{ a: [1, "b"] }', ['data'])).toEqual({ a: [1, 'b'] });
  });

  it('says which part is code, where it is and what to write instead', () => {
    const found = read('[1, { a: f(2) }]');
    expect(found).toBeInstanceOf(NotPlain);
    expect(found).toMatchObject({ what: 'a call', start: 9, end: 13 });
    expect(read('[1, process]')).toMatchObject({ what: 'process', unboundName: true });
    expect(read('data[k]', ['data'])).toMatchObject({ what: 'a key computed by code' });
    expect(read('data.constructor', ['data'])).toMatchObject({ what: 'the key "constructor"' });
    expect(read('-data', ['data'])).toMatchObject({ what: '- on something other than a number' });
  });
});

describe('isDynamic', () => {
  it('finds DYNAMIC at any depth', () => {
    expect(isDynamic(DYNAMIC)).toBe(true);
    expect(isDynamic([1, [2, DYNAMIC]])).toBe(true);
    expect(isDynamic({ a: { b: DYNAMIC } })).toBe(true);
  });

  it('is false for static values', () => {
    expect(isDynamic([1, ['a', null]])).toBe(false);
    expect(isDynamic({ a: { b: true } })).toBe(false);
    expect(isDynamic(undefined)).toBe(false);
    expect(isDynamic('text')).toBe(false);
  });
});
