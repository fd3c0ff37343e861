import { describe, expect, it } from 'vitest';
import { describeValue } from '../../../src/problems/describe-value.ts';

describe('describeValue', () => {
  it('quotes text and shortens long text', () => {
    expect(describeValue('0.91 AUC')).toBe('"0.91 AUC"');
    expect(describeValue('say "hi"')).toBe('"say \\"hi\\""');
    const long = describeValue('x'.repeat(100));
    expect(long).toBe(`"${'x'.repeat(57)}..."`);
  });

  it('escapes what a terminal would act on or hide, so a line stays one printable line', () => {
    expect(describeValue('a\u001b[2Jb\nc')).toBe('"a\\u001b[2Jb\\nc"');
    expect(describeValue('\u009b31m \u202egnp.exe \u2028')).toBe(
      '"\\u009b31m \\u202egnp.exe \\u2028"',
    );
    expect(describeValue('تنبؤ 😀 “q”')).toBe('"تنبؤ 😀 “q”"');
  });

  it('writes numbers, booleans and dates as written', () => {
    expect(describeValue(0.91)).toBe('0.91');
    expect(describeValue(false)).toBe('false');
    expect(describeValue(new Date('2025-06-15T00:00:00Z'))).toBe('2025-06-15');
    expect(describeValue(new Date('nope'))).toBe('an invalid date');
  });

  it('names containers and empty values in words', () => {
    expect(describeValue(undefined)).toBe('nothing');
    expect(describeValue(null)).toBe('null (an empty value)');
    expect(describeValue([])).toBe('an empty list');
    expect(describeValue([1])).toBe('a list');
    expect(describeValue({ a: 1 })).toBe('an object');
  });
});
