import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, listFiles, loadPage, type BuildResult } from '../helpers/build.ts';

/**
 * Tags and skills that differ only in case: `alpha` (featured, so first)
 * writes `[Churn, churn, CHURN]` and `[Python, SQL, python]`; `beta` writes
 * `[churn, Retention]` and `[python, sql, dbt]`.
 */
describe('tags and skills spelt differently', () => {
  let result: BuildResult;
  beforeAll(async () => {
    result = await buildSite({ fixture: 'labels' });
  });

  const chips = (page: string, selector: string) => {
    const $ = loadPage(result.outDir, page);
    return $(selector)
      .map((_, a) => $(a).text().trim())
      .get();
  };

  it('builds', () => {
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
  });

  it('show one chip per label in a case study, the first spelling', () => {
    expect(chips('case-studies/alpha/', '.cs-header .chips a')).toEqual(['Churn']);
  });

  it('use one spelling on every page: the first case study’s', () => {
    expect(chips('case-studies/beta/', '.cs-header .chips a')).toEqual(['Churn', 'Retention']);
    const $ = loadPage(result.outDir, '');
    expect(
      $('.card')
        .map((_, card) =>
          $(card)
            .find('.chips a')
            .map((_, a) => $(a).text().trim())
            .get()
            .join(', '),
        )
        .get(),
    ).toEqual(['Python, SQL', 'Python, SQL, dbt']);
  });

  it('share one page per label, named with that spelling', () => {
    const pages = listFiles(result.outDir).filter((file) => /^(tags|skills)\//.test(file));
    expect(pages.sort()).toEqual([
      'skills/dbt/index.html',
      'skills/python/index.html',
      'skills/sql/index.html',
      'tags/churn/index.html',
      'tags/retention/index.html',
    ]);
    const python = loadPage(result.outDir, 'skills/python/');
    expect(python('h1').text()).toBe('Skill: Python');
    expect(python('.card').length).toBe(2);
    expect(loadPage(result.outDir, 'tags/churn/')('h1').text()).toBe('Topic: Churn');
  });
});
