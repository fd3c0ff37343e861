/**
 * A count with its noun in the right number, for every message a user reads:
 * `pluralize(1, 'case study', 'case studies')` is "1 case study",
 * `pluralize(3, 'warning')` is "3 warnings".
 */
export function pluralize(count: number, singular: string, plural = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : plural}`;
}

/** A position as a reader counts it: `ordinal(1)` is "1st", `ordinal(12)` "12th", `ordinal(23)` "23rd". */
export function ordinal(position: number): string {
  const teen = position % 100 >= 11 && position % 100 <= 13;
  const suffix = teen ? 'th' : (['th', 'st', 'nd', 'rd'][position % 10] ?? 'th');
  return `${position}${suffix}`;
}
