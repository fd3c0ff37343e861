/**
 * Describes a value the way an error line quotes it: strings in double quotes
 * (shortened), numbers and booleans as written, containers by their kind.
 * Used by every "expected X, got Y" message so they all read the same.
 */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null (an empty value)';
  if (typeof value === 'string') {
    const shown = value.length > 60 ? `${value.slice(0, 57)}...` : value;
    return escapeUnprintable(JSON.stringify(shown));
  }
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') {
    return String(value);
  }
  if (value instanceof Date) {
    return Number.isNaN(value.getTime()) ? 'an invalid date' : value.toISOString().slice(0, 10);
  }
  if (Array.isArray(value)) return value.length === 0 ? 'an empty list' : 'a list';
  if (typeof value === 'object') return 'an object';
  return typeof value;
}

/**
 * Characters a terminal would act on or hide, written as `\u001b` escapes so a
 * problem stays one printable line: C0 and C1 controls (a line break, ESC
 * starting a terminal sequence), unpaired surrogates, line and paragraph
 * separators, and the bidirectional controls that reorder what follows.
 */
export function escapeUnprintable(text: string): string {
  return text.replace(
    /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]|\p{Cs}/gu,
    (character) => `\\u${(character.codePointAt(0) ?? 0).toString(16).padStart(4, '0')}`,
  );
}
