import { describe, expect, it } from 'vitest';
import { repeatedLabels, uniqueLabels } from '../../../src/schemas/labels.ts';

describe('repeatedLabels and uniqueLabels', () => {
  it('find entries that lead to the same page as an earlier one, the first spelling kept', () => {
    const labels = ['Churn', 'python', 'churn', 'Python', 'time series', 'Time-Series', 'CHURN'];
    expect(repeatedLabels(labels)).toEqual([
      { index: 2, label: 'churn', firstIndex: 0, first: 'Churn' },
      { index: 3, label: 'Python', firstIndex: 1, first: 'python' },
      { index: 5, label: 'Time-Series', firstIndex: 4, first: 'time series' },
      { index: 6, label: 'CHURN', firstIndex: 0, first: 'Churn' },
    ]);
    expect(uniqueLabels(labels)).toEqual(['Churn', 'python', 'time series']);
  });

  it('keep labels that only look alike, and skip entries that are not text', () => {
    expect(repeatedLabels(['C++', 'C#', 'C', '?', '!', 'R', 4, null, ''])).toEqual([]);
    expect(uniqueLabels(['C++', 'C#', 'C', '?', '!', '?'])).toEqual(['C++', 'C#', 'C', '?', '!']);
  });
});
