import { describe, expect, it } from 'vitest';
import { compareCaseStudies, sortCaseStudies, type Sortable } from '../../../src/site/sorting.ts';

function study(
  slug: string,
  end: string | undefined,
  featured = false,
  start = '2020-01',
): Sortable {
  return { slug, featured, period: end === undefined ? { start } : { start, end } };
}

const slugs = (items: Sortable[]) => items.map((item) => item.slug);

describe('sortCaseStudies', () => {
  it('puts featured case studies first', () => {
    const sorted = sortCaseStudies([
      study('old-featured', '2020-05', true),
      study('new', '2025-08'),
    ]);
    expect(slugs(sorted)).toEqual(['old-featured', 'new']);
  });

  it('orders by period end, most recent first, with present leading', () => {
    const sorted = sortCaseStudies([
      study('a', '2024-08'),
      study('b', 'present'),
      study('c', '2025-08'),
      study('d', '2025-01'),
    ]);
    expect(slugs(sorted)).toEqual(['b', 'c', 'd', 'a']);
  });

  it('uses the start when there is no end', () => {
    const sorted = sortCaseStudies([
      study('ended', '2025-03'),
      study('single-month', undefined, false, '2025-06'),
    ]);
    expect(slugs(sorted)).toEqual(['single-month', 'ended']);
  });

  it('breaks ties by slug so file order never matters', () => {
    const items = [study('zeta', '2025-08'), study('alpha', '2025-08'), study('mid', '2025-08')];
    expect(slugs(sortCaseStudies(items))).toEqual(['alpha', 'mid', 'zeta']);
    expect(slugs(sortCaseStudies([...items].reverse()))).toEqual(['alpha', 'mid', 'zeta']);
  });

  it('sorts featured ones among themselves by the same rules', () => {
    const sorted = sortCaseStudies([
      study('plain-new', 'present'),
      study('feat-old', '2023-01', true),
      study('feat-new', '2025-01', true),
      study('plain-old', '2022-01'),
    ]);
    expect(slugs(sorted)).toEqual(['feat-new', 'feat-old', 'plain-new', 'plain-old']);
  });

  it('does not change its input', () => {
    const items = [study('b', '2024-01'), study('a', '2025-01')];
    sortCaseStudies(items);
    expect(slugs(items)).toEqual(['b', 'a']);
  });

  it('compares equal items as equal', () => {
    expect(compareCaseStudies(study('a', '2025-01'), study('a', '2025-01'))).toBe(0);
  });
});
