import { describe, expect, it } from 'vitest';
import {
  completeness,
  formatCompleteness,
  type Completeness,
} from '../../../src/authoring/completeness.ts';
import type { CaseStudyFile, ContentReport } from '../../../src/content/check.ts';
import type { FairnessView } from '../../../src/fairness/view.ts';

const SECTIONS = ['Problem', 'Approach', 'Results', 'Impact'];

/** A case study as checkContent reports it, from frontmatter data and body headings. */
function caseStudy(
  slug: string,
  data: Record<string, unknown>,
  /** null: the body could not be parsed. */
  headings: string[] | null = SECTIONS,
  draft = false,
  /** Whether the check read `responsible.fairness` without a problem (when given). */
  fairnessRead = true,
): CaseStudyFile {
  // The check works out a breakdown only for a fairness block it can read.
  const fairness = (data['responsible'] as { fairness?: unknown } | undefined)?.fairness;
  const readable = typeof fairness === 'object' && fairness !== null;
  return {
    entry: `${slug}.mdx`,
    absolutePath: `/project/content/case-studies/${slug}.mdx`,
    file: `content/case-studies/${slug}.mdx`,
    slug,
    draft,
    parsed: {
      data,
      lineOf: () => undefined,
      bodyLine: 14,
      charts: [],
      confusions: [],
      // The page's breakdown: what the completeness table looks at, not its contents.
      ...(readable && fairnessRead
        ? { fairness: [['./by_group.csv', {} as FairnessView] as [string, FairnessView]] }
        : {}),
      ...(headings
        ? {
            body: {
              elements: [],
              images: [],
              links: [],
              definitions: [],
              imports: [],
              code: [],
              text: [],
              math: [],
              headings: headings.map((text, index) => ({ depth: 2, text, line: 15 + index })),
            },
          }
        : {}),
    },
  };
}

const report = (...caseStudies: CaseStudyFile[]): ContentReport => ({
  problems: [],
  caseStudies,
  linkedEntries: [],
  publications: [],
});

const complete = {
  metrics: [
    { name: 'Recall', value: 0.82, baseline: 0.61 },
    { name: 'Precision', value: 0.74, baseline: 0.7 },
  ],
  stakeholders: [{ role: 'Head of Retention', outcome: 'Calls the right customers first' }],
  cover: { src: './cover.png', alt: 'A chart' },
  links: { repo: 'https://example.com/repo', demo: 'https://example.com/demo' },
  responsible: {
    limitations: ['Trained on 2024 traffic only'],
    fairness: { attribute: 'region', from: './by_group.csv', metrics: ['recall'] },
  },
};

describe('completeness', () => {
  it('reports everything present for a complete case study', () => {
    expect(completeness(report(caseStudy('churn', complete)), SECTIONS)).toEqual<Completeness[]>([
      {
        slug: 'churn',
        draft: false,
        baselines: { with: 2, of: 2 },
        sections: { with: 4, of: 4 },
        cover: true,
        links: 2,
        outcome: true,
        limits: true,
        groups: true,
      },
    ]);
  });

  it('says no groups when the fairness file has a problem, as the page then shows none', () => {
    const [row] = completeness(
      report(caseStudy('churn', complete, SECTIONS, false, false)),
      SECTIONS,
    );
    expect(row?.groups).toBe(false);
    expect(row?.limits).toBe(true);
  });

  it('counts what is missing', () => {
    const data = {
      metrics: [{ name: 'Recall', value: 0.82, baseline: 0.61 }, { name: 'Precision' }, 'junk'],
      stakeholders: [{ role: 'Head of Retention' }],
    };
    const [row] = completeness(report(caseStudy('churn', data, ['Problem', 'Results'])), SECTIONS);
    expect(row).toEqual({
      slug: 'churn',
      draft: false,
      baselines: { with: 1, of: 3 },
      sections: { with: 2, of: 4 },
      cover: false,
      links: 0,
      outcome: false,
      limits: false,
      groups: false,
    });
  });

  it('counts a baseline of 0 and matches sections without regard to case', () => {
    const data = { metrics: [{ name: 'Incidents', value: 3, baseline: 0 }] };
    const [row] = completeness(
      report(caseStudy('ops', data, ['PROBLEM', 'approach', 'Results', 'Impact'])),
      SECTIONS,
    );
    expect(row?.baselines).toEqual({ with: 1, of: 1 });
    expect(row?.sections).toEqual({ with: 4, of: 4 });
  });

  it('uses the recommended sections it is given', () => {
    const study = caseStudy('churn', complete, ['Problem', 'Results']);
    expect(completeness(report(study), ['Problem', 'Results'])[0]?.sections).toEqual({
      with: 2,
      of: 2,
    });
    expect(completeness(report(study), [])[0]?.sections).toEqual({ with: 0, of: 0 });
  });

  it('counts no sections when the body could not be read', () => {
    const [row] = completeness(report(caseStudy('churn', complete, null)), SECTIONS);
    expect(row?.sections).toEqual({ with: 0, of: 4 });
  });

  it('survives frontmatter of the wrong shapes', () => {
    const data = {
      metrics: 'many',
      stakeholders: { role: 'x' },
      cover: './cover.png',
      links: null,
      responsible: { limitations: [], fairness: 'by_group.csv' },
    };
    const [row] = completeness(report(caseStudy('odd', data)), SECTIONS);
    expect(row).toMatchObject({
      baselines: { with: 0, of: 0 },
      cover: false,
      links: 0,
      outcome: false,
      limits: false,
      groups: false,
    });
  });

  it('marks drafts and leaves out case studies whose frontmatter could not be read', () => {
    const unreadable: CaseStudyFile = {
      entry: 'broken.mdx',
      absolutePath: '/project/content/case-studies/broken.mdx',
      file: 'content/case-studies/broken.mdx',
      slug: 'broken',
      draft: false,
    };
    const rows = completeness(
      report(caseStudy('a-draft', complete, SECTIONS, true), unreadable, caseStudy('b', complete)),
      SECTIONS,
    );
    expect(rows.map((row) => [row.slug, row.draft])).toEqual([
      ['a-draft', true],
      ['b', false],
    ]);
  });
});

describe('formatCompleteness', () => {
  const row = (slug: string, overrides: Partial<Completeness> = {}): Completeness => ({
    slug,
    draft: false,
    baselines: { with: 1, of: 1 },
    sections: { with: 4, of: 4 },
    cover: false,
    links: 0,
    outcome: true,
    limits: true,
    groups: false,
    ...overrides,
  });

  it('prints a header and one aligned row per case study, marking gaps with !', () => {
    expect(
      formatCompleteness([
        row('churn-model', { cover: true, links: 3 }),
        row('pricing', { baselines: { with: 1, of: 2 }, sections: { with: 2, of: 4 } }),
        row('vision', { draft: true, outcome: false, limits: false, groups: true }),
      ]).split('\n'),
    ).toEqual([
      'case study      baselines  sections  cover  links  outcome  limits  groups',
      'churn-model     1/1        4/4       yes    3      yes      yes     no',
      'pricing         1/2 !      2/4 !     no     0      yes      yes     no',
      'vision (draft)  1/1        4/4       no     0      no       no      yes',
    ]);
  });

  it('widens the first column to the longest slug and trims trailing spaces', () => {
    const lines = formatCompleteness([row('a'), row('a-much-longer-slug-than-the-header')]).split(
      '\n',
    );
    expect(lines[0]).toBe(
      'case study                          baselines  sections  cover  links  outcome  limits  groups',
    );
    expect(lines[2]).toBe(
      'a-much-longer-slug-than-the-header  1/1        4/4       no     0      yes      yes     no',
    );
    expect(lines.every((line) => line === line.trimEnd())).toBe(true);
  });

  it('is short enough to read at a glance: one line per case study, under 100 columns', () => {
    const rows = ['bike-share-demand-forecast', 'checkout-experiment-analysis'].map((slug) =>
      row(slug),
    );
    const lines = formatCompleteness(rows).split('\n');
    expect(lines).toHaveLength(3);
    expect(Math.max(...lines.map((line) => line.length))).toBeLessThan(100);
  });

  it('prints only the header for no rows', () => {
    expect(formatCompleteness([])).toBe(
      'case study  baselines  sections  cover  links  outcome  limits  groups',
    );
  });

  it('does not mark 0 of 0', () => {
    expect(formatCompleteness([row('x', { sections: { with: 0, of: 0 } })]).split('\n')[1]).toBe(
      'x           1/1        0/0       no     0      yes      yes     no',
    );
  });
});
