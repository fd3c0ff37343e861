import { describe, expect, it } from 'vitest';
import {
  formatMonth,
  formatPeriod,
  periodEndKey,
  toDatetimeAttribute,
} from '../../../src/site/dates.ts';

describe('periodEndKey', () => {
  it('sorts present after every date and falls back to the start', () => {
    expect(periodEndKey({ start: '2025-06', end: 'present' }) > '9999-12-31').toBe(true);
    expect(periodEndKey({ start: '2025-06', end: '2025-08' })).toBe('2025-08');
    expect(periodEndKey({ start: '2025-06' })).toBe('2025-06');
  });
});

describe('formatMonth and formatPeriod', () => {
  it('shows months, not days', () => {
    expect(formatMonth('2025-06')).toBe('Jun 2025');
    expect(formatMonth('2025-01-15')).toBe('Jan 2025');
    expect(formatMonth('2025-12')).toBe('Dec 2025');
    expect(formatMonth('present')).toBe('Present');
  });

  it('joins start and end with an en dash', () => {
    expect(formatPeriod({ start: '2025-06', end: '2025-08' })).toBe('Jun 2025 – Aug 2025');
    expect(formatPeriod({ start: '2025-09', end: 'present' })).toBe('Sep 2025 – Present');
    expect(formatPeriod({ start: '2024-12', end: '2025-01' })).toBe('Dec 2024 – Jan 2025');
  });

  it('shows one month when the period fits in it', () => {
    expect(formatPeriod({ start: '2025-06' })).toBe('Jun 2025');
    expect(formatPeriod({ start: '2025-06-02', end: '2025-06-27' })).toBe('Jun 2025');
  });
});

describe('toDatetimeAttribute', () => {
  it('gives machine-readable dates and nothing for present', () => {
    expect(toDatetimeAttribute('2025-06')).toBe('2025-06');
    expect(toDatetimeAttribute('2025-06-15')).toBe('2025-06-15');
    expect(toDatetimeAttribute('present')).toBeUndefined();
  });
});
