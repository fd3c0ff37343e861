import { describe, expect, it } from 'vitest';
import {
  MINUS,
  decimalPlaces,
  formatNumber,
  formatSigned,
  roundTo,
  writtenNumberProblem,
} from '../../../src/metrics/numbers.ts';

describe('formatNumber', () => {
  it('groups thousands with commas and keeps every decimal digit', () => {
    expect(formatNumber(1200000)).toBe('1,200,000');
    expect(formatNumber(999)).toBe('999');
    expect(formatNumber(0.91)).toBe('0.91');
    expect(formatNumber(33614304)).toBe('33,614,304');
    expect(formatNumber(0.123456789)).toBe('0.123456789');
    expect(formatNumber(0)).toBe('0');
  });

  it('writes out every digit of very large and very small numbers, without exponent', () => {
    expect(formatNumber(1e22)).toBe('10,000,000,000,000,000,000,000');
    expect(formatNumber(3e-25)).toBe('0.0000000000000000000000003');
    expect(formatNumber(-1.2345678901234568e-5)).toBe('\u22120.000012345678901234568');
    expect(formatNumber(0.30000000000000004)).toBe('0.30000000000000004');
    expect(formatNumber(9007199254740991)).toBe('9,007,199,254,740,991');
  });
});

describe('writtenNumberProblem', () => {
  const problem = (text: string) => writtenNumberProblem(text, Number(text));

  it('accepts what a number holds as written: 15 digits, or what Python and JavaScript print', () => {
    for (const text of [
      '0.91',
      '12.50',
      '-3',
      '1200000',
      '0.000',
      '-0',
      '1e22',
      '1.5e-7',
      '2.5E+3',
    ]) {
      expect(problem(text), text).toBeUndefined();
    }
    for (const text of [
      '0.30000000000000004',
      '0.6930999755859375',
      '9007199254740991',
      '123456789012345',
    ]) {
      expect(problem(text), text).toBeUndefined();
    }
    expect(problem('1.7976931348623157e308')).toBeUndefined();
    expect(problem('5e-324')).toBeUndefined();
  });

  it('refuses more digits than a number holds, saying how it would show', () => {
    expect(problem('123456789012345678901234567890')).toBe(
      '123456789012345678901234567890 has more digits than a number holds exactly and would show as 123,456,789,012,345,680,000,000,000,000; write at most 15 significant digits',
    );
    expect(problem('9007199254740993')).toContain('would show as 9,007,199,254,740,992;');
    expect(problem('1152921504606846976')).toContain('would show as 1,152,921,504,606,847,000;');
    expect(problem('0.3000000000000000444')).toContain('would show as 0.30000000000000004;');
    expect(problem('10000000000000000000001')).toContain(
      'would show as 10,000,000,000,000,000,000,000;',
    );
  });

  it('refuses numbers beyond the range, or too close to 0 to be held', () => {
    expect(problem('1e400')).toBe(
      '1e400 is beyond the largest number a page can show (about 1.8e308); use a larger unit',
    );
    expect(problem('-2e308')).toContain('beyond the largest number');
    expect(problem('1e-400')).toBe(
      '1e-400 is too close to 0 for a number to hold (the smallest is about 5e-324); use a smaller unit',
    );
  });

  it('holds other forms to whole numbers up to 2^53, and leaves .inf and .nan to the schema', () => {
    expect(writtenNumberProblem('0x1F', 31)).toBeUndefined();
    expect(writtenNumberProblem('0x20000000000000001', 2 ** 65)).toContain(
      'beyond the whole numbers a number holds exactly',
    );
    expect(writtenNumberProblem('.inf', Infinity)).toBeUndefined();
    expect(writtenNumberProblem('.nan', NaN)).toBeUndefined();
  });
});

describe('decimalPlaces', () => {
  it('counts the digits written after the point', () => {
    expect(decimalPlaces(35)).toBe(0);
    expect(decimalPlaces(0.91)).toBe(2);
    expect(decimalPlaces(-1.005)).toBe(3);
    expect(decimalPlaces(1e-7)).toBe(7);
    expect(decimalPlaces(1.5e-7)).toBe(8);
    expect(decimalPlaces(1e21)).toBe(0);
    expect(decimalPlaces(1.5e21)).toBe(0);
    expect(decimalPlaces(3e-25)).toBe(25);
  });
});

describe('roundTo', () => {
  it('removes float noise', () => {
    expect(roundTo(0.91 - 0.78, 2)).toBe(0.13);
    expect(roundTo(0.1 + 0.2, 1)).toBe(0.3);
    expect(roundTo(16.666666, 1)).toBe(16.7);
    expect(roundTo(-70.83333, 1)).toBe(-70.8);
    expect(roundTo(1234.5, 0)).toBe(1235);
  });

  it('never overflows, and keeps the digits of tiny numbers', () => {
    expect(roundTo(1.7976931348623157e308, 12)).toBe(1.7976931348623157e308);
    expect(roundTo(1e300, 2)).toBe(1e300);
    expect(roundTo(3e-25 - 1e-25, 25)).toBe(2e-25);
    expect(roundTo(0.1234567890123456 - 0.1, 16)).toBe(0.0234567890123456);
  });
});

describe('formatSigned', () => {
  it('always shows the sign, using U+2212 for minus', () => {
    expect(MINUS).toBe('−');
    expect(formatSigned(0.13)).toBe('+0.13');
    expect(formatSigned(-85)).toBe('\u221285');
    expect(formatSigned(-1234.5)).toBe('\u22121,234.5');
    expect(formatSigned(0)).toBe('0');
    expect(formatSigned(-0)).toBe('0');
  });
});
