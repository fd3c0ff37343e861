import { describe, expect, it } from 'vitest';
import { MINUS, formatReadable } from '../../../src/metrics/numbers.ts';

// formatReadable lives in src/metrics/numbers.ts; tests/unit/metrics/numbers.test.ts covers the
// other number helpers.
describe('formatReadable', () => {
  it('removes float32 noise from TensorBoard values', () => {
    expect(formatReadable(0.6930999755859375)).toBe('0.6931');
    expect(formatReadable(0.521399974822998)).toBe('0.5214');
    expect(formatReadable(0.41019999980926514)).toBe('0.4102');
    expect(formatReadable(0.1 + 0.2)).toBe('0.3');
  });

  it('keeps five significant digits and groups thousands', () => {
    expect(formatReadable(0.986013986013986)).toBe('0.98601');
    expect(formatReadable(12345.678)).toBe('12,346');
    expect(formatReadable(0.000012345678)).toBe('1.235E-5');
    expect(formatReadable(0.0000123456)).toBe('1.235E-5');
    expect(formatReadable(42)).toBe('42');
    expect(formatReadable(0)).toBe('0');
  });

  it('keeps every integer digit of large values', () => {
    expect(formatReadable(1234567)).toBe('1,234,567');
    expect(formatReadable(1718035505.123456)).toBe('1,718,035,505');
    expect(formatReadable(100000.4)).toBe('100,000');
  });

  it('uses the typographic minus for negatives and never shows -0', () => {
    expect(formatReadable(-0.5)).toBe(`${MINUS}0.5`);
    expect(formatReadable(-1234567)).toBe(`${MINUS}1,234,567`);
    expect(formatReadable(-0)).toBe('0');
    expect(formatReadable(-0.000001, 0)).toBe('0');
  });

  it('fixes the digits after the point when decimals is given', () => {
    expect(formatReadable(0.6930999755859375, 2)).toBe('0.69');
    expect(formatReadable(2, 3)).toBe('2.000');
    expect(formatReadable(98.6013986013986, 1)).toBe('98.6');
    expect(formatReadable(1234.5, 0)).toBe('1,235');
    expect(formatReadable(-3.14159, 2)).toBe(`${MINUS}3.14`);
  });

  it('writes infinities as ∞ and NaN as an em dash', () => {
    expect(formatReadable(Infinity)).toBe('∞');
    expect(formatReadable(-Infinity)).toBe(`${MINUS}∞`);
    expect(formatReadable(Number.NaN)).toBe('—');
  });

  it('does not show a minus on a value that rounds to zero with decimals', () => {
    expect(formatReadable(-0.004, 2)).toBe('0.00');
  });
});
