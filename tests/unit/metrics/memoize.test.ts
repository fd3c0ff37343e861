import { describe, expect, it } from 'vitest';
import { memoize } from '../../../src/metrics/memoize.ts';

describe('memoize', () => {
  it('computes once per key and returns the remembered value after', () => {
    const calls: string[] = [];
    const upper = memoize((key: string) => {
      calls.push(key);
      return key.toUpperCase();
    });
    expect([upper('a'), upper('b'), upper('a'), upper('b')]).toEqual(['A', 'B', 'A', 'B']);
    expect(calls).toEqual(['a', 'b']);
  });

  it('remembers results that are undefined or falsy too', () => {
    let calls = 0;
    const nothing = memoize((key: number) => {
      calls += 1;
      return key === 0 ? undefined : -1;
    });
    nothing(0);
    nothing(0);
    nothing(1);
    nothing(1);
    expect(calls).toBe(2);
  });
});
