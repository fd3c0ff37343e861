import { describe, expect, it } from 'vitest';
import { memberHref } from '../../../src/integration/member-links.ts';

describe("a cohort member's links", () => {
  it('lead their own case studies to their pages, with or without the base path', () => {
    expect(memberHref('/case-studies/churn/', '/', 'ada')).toBe('/people/ada/case-studies/churn/');
    expect(memberHref('/case-studies/churn/#results', '/fellows/', 'ada')).toBe(
      '/fellows/people/ada/case-studies/churn/#results',
    );
    expect(memberHref('/fellows/case-studies/churn/data.csv', '/fellows', 'ada')).toBe(
      '/fellows/people/ada/case-studies/churn/data.csv',
    );
  });

  it("put another member's pages under the base path, and leave everything else", () => {
    expect(memberHref('/people/bea/case-studies/x/', '/fellows/', 'ada')).toBe(
      '/fellows/people/bea/case-studies/x/',
    );
    expect(memberHref('/fellows/people/bea/', '/fellows/', 'ada')).toBe('/fellows/people/bea/');
    for (const href of [
      '../churn/',
      'https://example.org/case-studies/x/',
      '#top',
      '/tags/churn/',
    ]) {
      expect(memberHref(href, '/', 'ada')).toBe(href);
    }
  });
});
