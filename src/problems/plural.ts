/**
 * A count with its noun in the right number, for every message a user reads:
 * `pluralize(1, 'case study', 'case studies')` is "1 case study",
 * `pluralize(3, 'warning')` is "3 warnings".
 */
export function pluralize(count: number, singular: string, plural = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : plural}`;
}
