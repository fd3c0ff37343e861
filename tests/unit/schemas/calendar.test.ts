import { describe, expect, it } from 'vitest';
import {
  isCalendarDate,
  isPeriodOrdered,
  toIsoDay,
  whyNotARealDate,
} from '../../../src/schemas/calendar.ts';

describe('isCalendarDate', () => {
  it.each(['2025-06', '2025-06-15', '2024-02-29', '2025-12-31', '1999-01'])(
    'accepts %s',
    (text) => {
      expect(isCalendarDate(text)).toBe(true);
    },
  );

  it.each([
    '2025-13',
    '2025-00',
    '2025-02-30',
    '2025-02-29',
    '2025-04-31',
    '2025-06-00',
    'June 2025',
    '2025',
    '2025-6',
    '2025-06-15T10:00',
    ' 2025-06',
    'present',
  ])('rejects %j', (text) => {
    expect(isCalendarDate(text)).toBe(false);
  });
});

describe('whyNotARealDate', () => {
  it.each([
    ['2025-06-31', 'June has 30 days'],
    ['2025-04-31', 'April has 30 days'],
    ['2025-02-29', 'February 2025 has 28 days'],
    ['2024-02-30', 'February 2024 has 29 days'],
    ['1900-02-29', 'February 1900 has 28 days'],
    ['0100-02-29', 'February 100 has 28 days'],
    ['2025-13', 'months run from 01 to 12'],
    ['2025-00-10', 'months run from 01 to 12'],
    ['2025-06-00', 'days run from 01'],
  ])('says why %s is not a real date', (text, reason) => {
    expect(whyNotARealDate(text)).toBe(reason);
  });

  it.each(['2025-06-30', '2024-02-29', '2000-02-29', '0004-02-29', '2025-12', 'June 2025', '2025'])(
    'has nothing to say about %j (a real date, or not written as one)',
    (text) => {
      expect(whyNotARealDate(text)).toBeUndefined();
    },
  );
});

describe('toIsoDay', () => {
  it('names the UTC day of a Date', () => {
    expect(toIsoDay(new Date('2025-06-02T00:00:00Z'))).toBe('2025-06-02');
    expect(toIsoDay(new Date('2025-06-02T23:30:00Z'))).toBe('2025-06-02');
    expect(toIsoDay(new Date('nonsense'))).toBe('invalid date');
  });
});

describe('isPeriodOrdered', () => {
  it('orders dates of the same precision', () => {
    expect(isPeriodOrdered('2025-06', '2025-08')).toBe(true);
    expect(isPeriodOrdered('2025-06', '2025-06')).toBe(true);
    expect(isPeriodOrdered('2025-06', '2025-05')).toBe(false);
    expect(isPeriodOrdered('2024-12', '2025-01')).toBe(true);
    expect(isPeriodOrdered('2025-06-15', '2025-06-14')).toBe(false);
  });

  it('treats a month and a day in that month as ordered either way', () => {
    expect(isPeriodOrdered('2025-06', '2025-06-01')).toBe(true);
    expect(isPeriodOrdered('2025-06-30', '2025-06')).toBe(true);
    expect(isPeriodOrdered('2025-06-30', '2025-05')).toBe(false);
    expect(isPeriodOrdered('2025-06', '2025-05-31')).toBe(false);
  });

  it('accepts present and an open end', () => {
    expect(isPeriodOrdered('2025-06', 'present')).toBe(true);
    expect(isPeriodOrdered('2025-06', undefined)).toBe(true);
  });
});
