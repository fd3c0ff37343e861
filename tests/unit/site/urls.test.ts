import { describe, expect, it } from 'vitest';
import { caseStudyPath, skillPath, tagPath, withBase } from '../../../src/site/urls.ts';

describe('withBase', () => {
  it.each([
    ['/', 'case-studies/churn/', '/case-studies/churn/'],
    ['/', '/case-studies/churn/', '/case-studies/churn/'],
    ['/', '', '/'],
    ['/', 'rss.xml', '/rss.xml'],
    ['/portfolio/', 'case-studies/churn/', '/portfolio/case-studies/churn/'],
    ['/portfolio/', '/tags/churn/', '/portfolio/tags/churn/'],
    ['/portfolio/', '', '/portfolio/'],
    ['/portfolio', 'case-studies/churn/', '/portfolio/case-studies/churn/'],
    ['/portfolio', '/', '/portfolio/'],
    ['/portfolio', 'rss.xml', '/portfolio/rss.xml'],
  ])('withBase(%j, %j) = %j', (base, pathname, expected) => {
    expect(withBase(base, pathname)).toBe(expected);
  });
});

describe('page paths', () => {
  it('builds the contract URLs', () => {
    expect(caseStudyPath('churn-model')).toBe('case-studies/churn-model/');
    expect(tagPath('time series')).toBe('tags/time-series/');
    expect(tagPath('Time Series')).toBe('tags/time-series/');
    expect(skillPath('C++')).toBe('skills/c-plus-plus/');
    expect(skillPath('C#')).toBe('skills/c-sharp/');
    expect(withBase('/portfolio/', skillPath('XGBoost'))).toBe('/portfolio/skills/xgboost/');
  });
});
