import { describe, expect, it } from 'vitest';
import { markdownToText } from '../../../src/site/inline-markdown.ts';
import {
  JSON_RESUME_SCHEMA,
  resumeLine,
  resumeResult,
  splitDegree,
  splitLocation,
  toJsonResume,
  type ResumeCaseStudy,
  type ResumeProfile,
} from '../../../src/resume/resume.ts';
import { jsonResumeErrors } from '../../helpers/json-resume.ts';

const MINUS = '\u2212';

const profile: ResumeProfile = {
  name: 'Maya Okafor',
  headline: 'Data science intern · MS Data Science',
  location: 'Chicago, IL',
  email: 'maya@example.com',
  bio: 'I build **models** people use. I mentor in the [Stats Club](https://stats.example.org) &amp; run.\nSee `notes`. <b>raw</b>',
  links: [
    { label: 'GitHub', url: 'https://github.com/maya' },
    { label: 'Email', url: 'mailto:maya@example.com' },
  ],
  skills: [{ group: 'Languages', items: ['Python', 'SQL'] }],
  education: [
    { school: 'Lakeshore University', degree: 'MS Data Science', start: '2024-09', end: '2026-05' },
    { school: 'Riverton College', degree: 'BS Statistics', start: '2020-09', end: 'present' },
  ],
  experience: [
    { organization: 'Urban Lab', role: 'Research Assistant', start: '2025-09' },
    {
      organization: 'A fintech startup',
      role: 'Data Science Intern',
      start: '2025-05',
      end: '2025-08-15',
      summary: 'Shipped a fraud model.',
    },
  ],
};

const fraud: ResumeCaseStudy = {
  slug: 'card-fraud',
  title: 'Catching card fraud',
  summary: 'PR AUC from 0.38 to 0.71.',
  organization: 'A fintech startup',
  role: 'Data Science Intern',
  period: { start: '2025-05', end: '2025-08' },
  skills: ['Python', 'LightGBM'],
  impact: ['Staged rollout at 10% of traffic'],
  metrics: [
    { name: 'Recall', value: 78, baseline: 52, unit: '%', goal: 'higher' },
    { name: 'PR AUC', value: 0.71, baseline: 0.38, goal: 'higher', primary: true },
  ],
};

const forecast: ResumeCaseStudy = {
  slug: 'bike-share',
  title: 'Bike-share demand',
  summary: 'WAPE from 42.7% to 31.4%.',
  organization: 'Urban Lab',
  role: 'Research Assistant',
  period: { start: '2025-09', end: 'present' },
  skills: [],
  impact: [],
  metrics: [{ name: 'WAPE', value: 31.4, baseline: 42.7, unit: '%', goal: 'lower' }],
};

const single: ResumeCaseStudy = {
  ...forecast,
  slug: 'one-month',
  period: { start: '2024-02-10' },
  metrics: [{ name: 'ROC AUC', value: 0.9977, goal: 'higher' }],
};

describe('resumeLine', () => {
  it('shows the primary metric with its signed delta, baseline and verdict', () => {
    expect(resumeLine(fraud)).toBe('PR AUC 0.71 (+0.33 vs 0.38 baseline, better)');
  });

  it('shows percentage deltas in points, with a real minus sign', () => {
    expect(resumeLine(forecast)).toBe(`WAPE 31.4% (${MINUS}11.3 pp vs 42.7% baseline, better)`);
  });

  it('says when a result is worse or unchanged', () => {
    const worse = {
      metrics: [{ name: 'Latency', value: 40, baseline: 35, unit: 'ms', goal: 'lower' as const }],
    };
    expect(resumeLine(worse)).toBe('Latency 40 ms (+5 ms vs 35 ms baseline, worse)');
    const same = { metrics: [{ name: 'F1', value: 0.8, baseline: 0.8, goal: 'higher' as const }] };
    expect(resumeLine(same)).toBe('F1 0.8 (0 vs 0.8 baseline, no change)');
  });

  it('shows the value alone without a baseline', () => {
    expect(resumeLine(single)).toBe('ROC AUC 0.9977');
    expect(resumeResult(single)).toEqual({
      name: 'ROC AUC',
      value: '0.9977',
      comparison: undefined,
    });
  });

  it('keeps fixed decimals and units', () => {
    const money = {
      metrics: [
        { name: 'Loss', value: 83, baseline: 181, unit: '$', goal: 'lower' as const, decimals: 2 },
      ],
    };
    expect(resumeLine(money)).toBe(`Loss $83.00 (${MINUS}$98.00 vs $181.00 baseline, better)`);
  });

  it('has nothing to say without a metric value', () => {
    expect(resumeLine({ metrics: [] })).toBeUndefined();
    expect(resumeLine({ metrics: [{ name: 'x', goal: 'higher' }] })).toBeUndefined();
  });
});

describe('splitLocation', () => {
  it('reads city and region from free text', () => {
    expect(splitLocation('Chicago, IL')).toEqual({ city: 'Chicago', region: 'IL' });
    expect(splitLocation('Porto, Norte, Portugal')).toEqual({
      city: 'Porto',
      region: 'Norte, Portugal',
    });
    expect(splitLocation('Remote')).toEqual({ city: 'Remote' });
    expect(splitLocation(' , ')).toEqual({});
  });
});

describe('splitDegree', () => {
  it('splits abbreviations and spelled-out degrees into study type and area', () => {
    expect(splitDegree('MS Data Science')).toEqual({ studyType: 'MS', area: 'Data Science' });
    expect(splitDegree('BS Statistics, minor in Economics')).toEqual({
      studyType: 'BS',
      area: 'Statistics, minor in Economics',
    });
    expect(splitDegree('B.Sc. Physics')).toEqual({ studyType: 'B.Sc.', area: 'Physics' });
    expect(splitDegree('PhD in Computer Science')).toEqual({
      studyType: 'PhD',
      area: 'Computer Science',
    });
    expect(splitDegree('Bachelor of Science in Statistics')).toEqual({
      studyType: 'Bachelor of Science',
      area: 'Statistics',
    });
    expect(splitDegree("Master's in Economics")).toEqual({
      studyType: "Master's",
      area: 'Economics',
    });
  });

  it('keeps anything else whole', () => {
    expect(splitDegree('Exchange semester')).toEqual({ studyType: 'Exchange semester' });
    expect(splitDegree('Bachelor of Arts')).toEqual({ studyType: 'Bachelor of Arts' });
  });
});

describe('markdownToText', () => {
  it('drops Markdown syntax and keeps the words, raw HTML as text', () => {
    expect(markdownToText(profile.bio ?? '')).toBe(
      'I build models people use. I mentor in the Stats Club & run. See notes. <b>raw</b>',
    );
  });
});

describe('toJsonResume', () => {
  it('maps the profile and case studies onto JSON Resume', () => {
    const resume = toJsonResume(profile, [fraud, forecast, single]);
    expect(resume).toEqual({
      $schema: JSON_RESUME_SCHEMA,
      basics: {
        name: 'Maya Okafor',
        label: 'Data science intern · MS Data Science',
        email: 'maya@example.com',
        summary:
          'I build models people use. I mentor in the Stats Club & run. See notes. <b>raw</b>',
        location: { city: 'Chicago', region: 'IL' },
        profiles: [{ network: 'GitHub', url: 'https://github.com/maya' }],
      },
      work: [
        { name: 'Urban Lab', position: 'Research Assistant', startDate: '2025-09' },
        {
          name: 'A fintech startup',
          position: 'Data Science Intern',
          startDate: '2025-05',
          endDate: '2025-08-15',
          summary: 'Shipped a fraud model.',
        },
      ],
      education: [
        {
          institution: 'Lakeshore University',
          studyType: 'MS',
          area: 'Data Science',
          startDate: '2024-09',
          endDate: '2026-05',
        },
        {
          institution: 'Riverton College',
          studyType: 'BS',
          area: 'Statistics',
          startDate: '2020-09',
        },
      ],
      skills: [{ name: 'Languages', keywords: ['Python', 'SQL'] }],
      projects: [
        {
          name: 'Catching card fraud',
          description: 'PR AUC from 0.38 to 0.71.',
          highlights: [
            'PR AUC 0.71 (+0.33 vs 0.38 baseline, better)',
            'Staged rollout at 10% of traffic',
          ],
          keywords: ['Python', 'LightGBM'],
          startDate: '2025-05',
          endDate: '2025-08',
          roles: ['Data Science Intern'],
          entity: 'A fintech startup',
        },
        {
          name: 'Bike-share demand',
          description: 'WAPE from 42.7% to 31.4%.',
          highlights: [`WAPE 31.4% (${MINUS}11.3 pp vs 42.7% baseline, better)`],
          keywords: [],
          startDate: '2025-09',
          roles: ['Research Assistant'],
          entity: 'Urban Lab',
        },
        {
          name: 'Bike-share demand',
          description: 'WAPE from 42.7% to 31.4%.',
          highlights: ['ROC AUC 0.9977'],
          keywords: [],
          startDate: '2024-02-10',
          endDate: '2024-02-10',
          roles: ['Research Assistant'],
          entity: 'Urban Lab',
        },
      ],
      meta: { version: 'v1.0.0' },
    });
    expect(jsonResumeErrors(resume)).toEqual([]);
  });

  it('gives absolute URLs under the base path when the site is known', () => {
    const resume = toJsonResume(profile, [fraud], 'https://maya.example.com/portfolio/');
    expect(resume.basics.url).toBe('https://maya.example.com/portfolio/');
    expect(resume.projects[0]?.url).toBe(
      'https://maya.example.com/portfolio/case-studies/card-fraud/',
    );
    expect(resume.meta.canonical).toBe('https://maya.example.com/portfolio/resume.json');
    expect(jsonResumeErrors(resume)).toEqual([]);
  });

  it('takes the email from a mailto link when the profile has none, and leaves out what is not there', () => {
    const minimal = toJsonResume(
      {
        name: 'A',
        headline: 'B',
        links: [{ label: 'Mail', url: 'mailto:a@example.com?subject=Hi' }],
        skills: [],
        education: [],
        experience: [],
      },
      [],
    );
    expect(minimal.basics).toEqual({
      name: 'A',
      label: 'B',
      email: 'a@example.com',
      profiles: [],
    });
    expect(jsonResumeErrors(minimal)).toEqual([]);
  });

  it('fails the published schema on a broken document (the validator is live)', () => {
    expect(
      jsonResumeErrors({ basics: { email: 'not an email' }, work: [{ startDate: 'June' }] }),
    ).toEqual([
      '/basics/email must match format "email"',
      '/work/0/startDate must match pattern "^([1-2][0-9]{3}-[0-1][0-9]-[0-3][0-9]|[1-2][0-9]{3}-[0-1][0-9]|[1-2][0-9]{3})$"',
    ]);
  });
});
