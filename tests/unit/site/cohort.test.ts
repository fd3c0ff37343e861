import { describe, expect, it } from 'vitest';
import { memberFacets, bestHeadline, memberSkills, studyFacets } from '../../../src/site/cohort.ts';
import { facetAttributes, facetGroups } from '../../../src/site/facets.ts';
import { peopleJson } from '../../../src/site/people-json.ts';
import type { CaseStudy, MemberView } from '../../../src/site/portfolio.ts';

type Metric = CaseStudy['metrics'][number];

function metric(
  name: string,
  value: number,
  baseline?: number,
  goal: 'higher' | 'lower' = 'higher',
): Metric {
  return { name, value, goal, ...(baseline === undefined ? {} : { baseline }) } as Metric;
}

function study(slug: string, fields: Partial<CaseStudy> = {}): CaseStudy {
  return {
    slug,
    member: 'ada',
    memberName: 'Ada Lovelace',
    title: `Study ${slug}`,
    summary: 'A summary.',
    organization: 'Acme',
    skills: [],
    tags: [],
    model: { name: 'GBM', task: 'classification' },
    metrics: [],
    ...fields,
  } as CaseStudy;
}

function member(
  slug: string,
  fields: { name?: string; track?: string; skills?: string[] },
  studies: CaseStudy[],
): MemberView {
  return {
    slug,
    profile: {
      name: fields.name ?? slug,
      headline: 'Intern',
      links: [],
      publications: [],
      skills: fields.skills ? [{ group: 'Tools', items: fields.skills }] : [],
      education: [],
      experience: [],
      ...(fields.track ? { track: fields.track } : {}),
    } as MemberView['profile'],
    studies: studies.map((item) => ({ ...item, member: slug, memberName: fields.name ?? slug })),
  };
}

describe("a member's card", () => {
  it("lists the profile's skills, then the case studies', once whatever the casing", () => {
    const ada = member('ada', { skills: ['Python', 'SQL'] }, [
      study('a', { skills: ['python', 'PyTorch'] }),
    ]);
    expect(memberSkills(ada)).toEqual(['Python', 'SQL', 'PyTorch']);
  });

  it('shows the headline result that beat its baseline by the largest share, in its direction', () => {
    const studies = [
      study('small', { metrics: [metric('AUC', 0.8, 0.78)] }),
      study('big', { metrics: [metric('Latency', 40, 200, 'lower')] }),
      study('worse', { metrics: [metric('F1', 0.1, 0.9)] }),
    ];
    expect(bestHeadline(studies)?.study.slug).toBe('big');
  });

  it('falls back to the first case study with a value when none has a baseline', () => {
    const studies = [study('none'), study('first', { metrics: [metric('AUC', 0.8)] })];
    expect(bestHeadline(studies)?.study.slug).toBe('first');
    expect(bestHeadline([study('none')])).toBeUndefined();
  });
});

describe('facets', () => {
  const members = [
    member('ada', { name: 'Ada', track: 'ML Engineering', skills: ['Python'] }, [
      study('a', {
        organization: 'Acme',
        model: { name: 'x', task: 'forecasting' },
      } as Partial<CaseStudy>),
    ]),
    member('bea', { name: 'Bea', track: 'Analytics', skills: ['python', 'SQL'] }, [
      study('b', { organization: 'Globex' }),
    ]),
  ];

  it('counts each value once per card, most frequent first, spellings merged by slug', () => {
    const groups = facetGroups(members, memberFacets());
    expect(
      groups.map(({ kind, options }) => [kind, options.map((o) => `${o.label} ${o.count}`)]),
    ).toEqual([
      ['skill', ['Python 2', 'SQL 1']],
      ['task', ['Classification 1', 'Forecasting 1']],
      ['organization', ['Acme 1', 'Globex 1']],
      ['track', ['Analytics 1', 'ML Engineering 1']],
    ]);
  });

  it("gives each card its values' slugs, as the filter matches them", () => {
    expect(facetAttributes(members[0]!, memberFacets())).toEqual({
      'data-facet-skill': 'python',
      'data-facet-task': 'forecasting',
      'data-facet-organization': 'acme',
      'data-facet-track': 'ml-engineering',
    });
    const facets = studyFacets(members);
    expect(facetAttributes(members[1]!.studies[0]!, facets)).toMatchObject({
      'data-facet-track': 'analytics',
      'data-facet-member': 'bea',
    });
  });
});

describe('people.json', () => {
  it('lists each member with résumé addresses and headline metrics', () => {
    const ada = member('ada', { name: 'Ada', track: 'ML Engineering', skills: ['Python'] }, [
      study('churn', { metrics: [metric('AUC', 0.91, 0.78)] }),
    ]);
    const data = peopleJson(
      { name: 'Fellows', onMemberError: 'fail', tracks: ['ML Engineering'] },
      [ada],
      (pathname, slug) => `https://x.org/people/${slug}/${pathname}`,
      { json: 'resume.json', pdf: 'resume.pdf' },
    );
    expect(data).toEqual({
      cohort: { name: 'Fellows', tracks: ['ML Engineering'] },
      members: [
        {
          id: 'ada',
          name: 'Ada',
          headline: 'Intern',
          track: 'ML Engineering',
          skills: ['Python'],
          url: 'https://x.org/people/ada/',
          resume: {
            page: 'https://x.org/people/ada/resume/',
            json: 'https://x.org/people/ada/resume.json',
          },
          caseStudies: [
            {
              slug: 'churn',
              title: 'Study churn',
              summary: 'A summary.',
              task: 'classification',
              url: 'https://x.org/people/ada/case-studies/churn/',
              modelCard: 'https://x.org/people/ada/case-studies/churn/model-card.md',
              headline: {
                name: 'AUC',
                value: 0.91,
                goal: 'higher',
                baseline: 0.78,
                delta: 0.13,
                verdict: 'better',
              },
            },
          ],
        },
      ],
    });
  });
});
