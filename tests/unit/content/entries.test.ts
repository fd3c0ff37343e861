import { describe, expect, it } from 'vitest';
import { slugFromEntry } from '../../../src/content/entries.ts';

describe('slugFromEntry', () => {
  it('uses the folder name for the folder form and the file name otherwise', () => {
    expect(slugFromEntry('churn-model/index.mdx')).toBe('churn-model');
    expect(slugFromEntry('pricing-dashboard.mdx')).toBe('pricing-dashboard');
    expect(slugFromEntry('index.mdx')).toBe('index');
  });
});
