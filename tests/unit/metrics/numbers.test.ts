import { describe, expect, it } from 'vitest';
import {
  MINUS,
  decimalPlaces,
  formatNumber,
  formatSigned,
  roundTo,
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
});

describe('decimalPlaces', () => {
  it('counts the digits written after the point', () => {
    expect(decimalPlaces(35)).toBe(0);
    expect(decimalPlaces(0.91)).toBe(2);
    expect(decimalPlaces(-1.005)).toBe(3);
    expect(decimalPlaces(1e-7)).toBe(7);
    expect(decimalPlaces(1.5e-7)).toBe(8);
    expect(decimalPlaces(1e21)).toBe(0);
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
