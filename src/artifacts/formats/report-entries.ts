import { describeValue } from '../../problems/describe-value.ts';

/**
 * What a scikit-learn classification report holds, in either of its forms
 * (the `output_dict=True` JSON and the printed table): one entry per class
 * and average, each with the four fields, and `accuracy` as a bare number.
 */

const SCORES = ['precision', 'recall', 'f1-score'] as const;
export const FIELDS = [...SCORES, 'support'] as const;
export const EXPECTED_ENTRY = 'expected precision, recall, f1-score and support';

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Whether a value is shaped like one class or average entry of a report. */
export function isReportEntry(value: unknown): boolean {
  return isRecord(value) && 'f1-score' in value && 'precision' in value;
}

/**
 * The first entry that is not a class or average of a classification report,
 * with its key: every class and average needs precision, recall and f1-score
 * from 0 to 1 (null, Python's NaN, for an undefined score) and a whole-number
 * support; `accuracy` is a number from 0 to 1.
 */
export function reportEntryProblem(
  report: Record<string, unknown>,
): { key?: string; message: string } | undefined {
  if (Object.keys(report).length === 0) {
    return { message: 'expected one entry per class and the averages, got an empty object' };
  }
  for (const [key, entry] of Object.entries(report)) {
    const name = JSON.stringify(key);
    if (key === 'accuracy') {
      if (typeof entry !== 'number' || !(entry >= 0 && entry <= 1)) {
        return {
          key,
          message: `${name}: expected a number from 0 to 1, got ${describeValue(entry)}`,
        };
      }
      continue;
    }
    if (!isRecord(entry)) {
      return { key, message: `${name}: ${EXPECTED_ENTRY}, got ${describeValue(entry)}` };
    }
    if (FIELDS.some((field) => !(field in entry))) {
      const keys = Object.keys(entry);
      const shown = keys.length > 6 ? [...keys.slice(0, 6), '...'] : keys;
      const found = keys.length === 0 ? 'an empty object' : `an object with ${shown.join(', ')}`;
      return { key, message: `${name}: ${EXPECTED_ENTRY}, got ${found}` };
    }
    for (const field of SCORES) {
      const value = entry[field];
      // null is Python's NaN (zero_division=np.nan): a score that is undefined.
      if (value !== null && (typeof value !== 'number' || !(value >= 0 && value <= 1))) {
        return {
          key,
          message: `${name}: expected ${field} to be a number from 0 to 1, got ${describeValue(value)}`,
        };
      }
    }
    const support = entry['support'];
    if (typeof support !== 'number' || !Number.isInteger(support) || support < 0) {
      return {
        key,
        message: `${name}: expected support to be a whole number of samples, got ${describeValue(support)}`,
      };
    }
  }
  return undefined;
}
