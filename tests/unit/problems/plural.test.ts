import { describe, expect, it } from 'vitest';
import { pluralize } from '../../../src/problems/plural.ts';

describe('pluralize', () => {
  it('uses the singular for exactly one, the plural otherwise', () => {
    expect(pluralize(1, 'warning')).toBe('1 warning');
    expect(pluralize(0, 'warning')).toBe('0 warnings');
    expect(pluralize(2, 'warning')).toBe('2 warnings');
    expect(pluralize(1, 'case study', 'case studies')).toBe('1 case study');
    expect(pluralize(4, 'case study', 'case studies')).toBe('4 case studies');
  });
});
