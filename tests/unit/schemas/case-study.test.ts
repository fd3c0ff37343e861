import { describe, expect, it } from 'vitest';
import { friendlyIssues } from '../../../src/problems/friendly-issues.ts';
import { formatFieldPath } from '../../../src/problems/problem.ts';
import { z } from 'astro/zod';
import { caseStudyEntrySchema, caseStudyPathSchema } from '../../../src/schemas/case-study.ts';
import { contractExample, edited, minimalCaseStudy } from './contract-example.ts';

/** The field paths a case study is rejected at, in the contract's notation. */
function rejectedFields(data: unknown): string[] {
  const result = caseStudyPathSchema.safeParse(data, { reportInput: true });
  if (result.success) return [];
  return result.error.issues.map((issue) => formatFieldPath(issue.path));
}

/** The problems of a case study as `field: message`, as an error line shows them. */
function messages(data: unknown): string[] {
  const result = caseStudyPathSchema.safeParse(data, { reportInput: true });
  if (result.success) return [];
  return friendlyIssues(result.error.issues, caseStudyPathSchema).map(
    (issue) => `${issue.field}: ${issue.message}`,
  );
}

function parse(data: unknown) {
  return caseStudyPathSchema.parse(data);
}

describe('caseStudyPathSchema: valid content', () => {
  it('accepts the contract example unchanged', () => {
    const data = parse(contractExample());
    expect(data.title).toBe('Predicting subscriber churn 6 weeks ahead');
    expect(data.period).toEqual({ start: '2025-06', end: '2025-08' });
    expect(data.featured).toBe(true);
    expect(data.dataset.rows).toBe(1200000);
    expect(data.metrics.map((metric) => metric.name)).toEqual([
      'ROC AUC',
      'Recall at top decile',
      'Scoring latency',
    ]);
    expect(data.links).toEqual({ repo: 'https://github.com/ada/churn-model' });
  });

  it('fills in the documented defaults', () => {
    const data = parse(minimalCaseStudy());
    expect(data.draft).toBe(false);
    expect(data.featured).toBe(false);
    expect(data.tags).toEqual([]);
    expect(data.skills).toEqual([]);
    expect(data.impact).toEqual([]);
    expect(data.dataset.access).toBe('internal');
    expect(data.metrics[0]?.goal).toBe('higher');
    expect(data.cover).toBeUndefined();
    expect(data.links).toBeUndefined();
  });

  it('keeps goal "lower" and every task the contract lists', () => {
    expect(parse(contractExample()).metrics[2]?.goal).toBe('lower');
    const tasks = [
      'classification',
      'regression',
      'forecasting',
      'clustering',
      'ranking',
      'recommendation',
      'nlp',
      'computer-vision',
      'anomaly-detection',
      'causal-inference',
      'optimization',
      'analytics',
      'other',
    ];
    for (const task of tasks) {
      expect(rejectedFields(edited(minimalCaseStudy(), (d) => (d.model.task = task)))).toEqual([]);
    }
  });

  it('trims text and drops repeated labels', () => {
    const data = parse(
      edited(minimalCaseStudy(), (d) => {
        d.title = '  Churn model  ';
        d.tags = ['churn', 'churn', 'forecasting'];
      }),
    );
    expect(data.title).toBe('Churn model');
    expect(data.tags).toEqual(['churn', 'forecasting']);
  });

  it('keeps one spelling of labels that differ only in case or form, the first', () => {
    const data = parse(
      edited(minimalCaseStudy(), (d) => {
        d.tags = ['Churn', 'time series', 'churn', 'Time-Series', 'CHURN'];
        d.skills = ['python', 'SQL', 'Python', 'C++', 'C#', 'c++'];
      }),
    );
    expect(data.tags).toEqual(['Churn', 'time series']);
    expect(data.skills).toEqual(['python', 'SQL', 'C++', 'C#']);
  });

  it('accepts the optional fields in their documented shapes', () => {
    const data = parse(
      edited(minimalCaseStudy(), (d) => {
        d.cover = { src: './cover.png', alt: 'A lift chart' };
        d.team = '2 data scientists, 1 engineer';
        d.dataset = { name: 'UCI adult', url: 'https://archive.ics.uci.edu/', access: 'public' };
        d.model.hyperparameters = {
          max_depth: 6,
          learning_rate: 0.05,
          objective: 'binary',
          gpu: false,
        };
        d.metrics = [{ name: 'F1', from: './report.json', key: 'macro avg.f1-score' }];
        d.stakeholders = [{ role: 'PM', name: 'Ada', influence: 'low' }];
        d.links = { demo: 'http://demo.example.com', paper: 'https://arxiv.org/abs/1' };
      }),
    );
    expect(data.cover).toEqual({ src: './cover.png', alt: 'A lift chart' });
    expect(data.model.hyperparameters).toEqual({
      max_depth: 6,
      learning_rate: 0.05,
      objective: 'binary',
      gpu: false,
    });
    expect(data.metrics[0]).toMatchObject({ from: './report.json', key: 'macro avg.f1-score' });
  });
});

describe('caseStudyPathSchema: period', () => {
  const withPeriod = (period: unknown) => edited(minimalCaseStudy(), (d) => (d.period = period));

  it('rejects an end before the start', () => {
    expect(rejectedFields(withPeriod({ start: '2025-06', end: '2025-05' }))).toEqual([
      'period.end',
    ]);
    expect(rejectedFields(withPeriod({ start: '2025-06-15', end: '2025-06-14' }))).toEqual([
      'period.end',
    ]);
    expect(rejectedFields(withPeriod({ start: '2025-06', end: '2024-12-31' }))).toEqual([
      'period.end',
    ]);
  });

  it('accepts present, a single month, and the same month and day', () => {
    expect(parse(withPeriod({ start: '2025-06', end: 'present' })).period.end).toBe('present');
    expect(parse(withPeriod({ start: '2025-06' })).period.end).toBeUndefined();
    expect(rejectedFields(withPeriod({ start: '2025-06', end: '2025-06' }))).toEqual([]);
    expect(rejectedFields(withPeriod({ start: '2025-06', end: '2025-06-01' }))).toEqual([]);
    expect(rejectedFields(withPeriod({ start: '2025-06-30', end: '2025-06' }))).toEqual([]);
  });

  it('accepts full dates as Date objects and normalises them to YYYY-MM-DD', () => {
    const data = parse(
      withPeriod({
        start: new Date('2025-06-02T00:00:00Z'),
        end: new Date('2025-08-29T00:00:00Z'),
      }),
    );
    expect(data.period).toEqual({ start: '2025-06-02', end: '2025-08-29' });
  });

  it.each([
    ['2025-13'],
    ['2025-00'],
    ['2025-02-30'],
    ['2025-02-29'],
    ['June 2025'],
    ['2025'],
    [202506],
  ])('rejects the start date %j', (start) => {
    expect(rejectedFields(withPeriod({ start }))).toEqual(['period.start']);
  });

  it('says a date in the right form is not a real date, and why', () => {
    expect(messages(withPeriod({ start: '2025-06-31', end: '2025-02-29' }))).toEqual([
      'period.start: 2025-06-31 is not a real date (June has 30 days)',
      'period.end: 2025-02-29 is not a real date (February 2025 has 28 days)',
    ]);
    expect(messages(withPeriod({ start: 'June 2025', end: 'soon' }))).toEqual([
      'period.start: expected a date as YYYY-MM or YYYY-MM-DD, got "June 2025"',
      'period.end: expected a date as YYYY-MM or YYYY-MM-DD or "present", got "soon"',
    ]);
  });

  it('accepts 29 February in a leap year', () => {
    expect(rejectedFields(withPeriod({ start: '2024-02-29' }))).toEqual([]);
  });

  it('rejects a missing start, an invalid end and an empty end', () => {
    expect(rejectedFields(withPeriod({ end: '2025-06' }))).toEqual(['period.start']);
    expect(rejectedFields(withPeriod({ start: '2025-06', end: 'now' }))).toEqual(['period.end']);
    expect(rejectedFields(withPeriod({ start: '2025-06', end: null }))).toEqual(['period.end']);
    expect(rejectedFields(withPeriod({ start: '2025-06', finish: '2025-07' }))).toEqual(['period']);
  });
});

describe('caseStudyPathSchema: metrics', () => {
  const withMetrics = (metrics: unknown) =>
    edited(minimalCaseStudy(), (d) => (d.metrics = metrics));

  it('requires at least one metric', () => {
    expect(rejectedFields(withMetrics([]))).toEqual(['metrics']);
    expect(rejectedFields(edited(minimalCaseStudy(), (d) => delete d.metrics))).toEqual([
      'metrics',
    ]);
  });

  it('rejects a second primary metric', () => {
    const metrics = [
      { name: 'A', value: 1, primary: true },
      { name: 'B', value: 2 },
      { name: 'C', value: 3, primary: true },
    ];
    expect(rejectedFields(withMetrics(metrics))).toEqual(['metrics[2].primary']);
    expect(rejectedFields(withMetrics(metrics.slice(0, 2)))).toEqual([]);
  });

  it('rejects duplicate metric names, ignoring case and surrounding spaces', () => {
    expect(
      rejectedFields(
        withMetrics([
          { name: 'ROC AUC', value: 0.91 },
          { name: 'roc auc ', value: 0.9 },
        ]),
      ),
    ).toEqual(['metrics[1].name']);
  });

  it('reports list rules even when another metric is broken', () => {
    expect(
      rejectedFields(
        withMetrics([
          { name: 'A', value: 'high' },
          { name: 'a', value: 2 },
        ]),
      ),
    ).toEqual(['metrics[0].value', 'metrics[1].name']);
  });

  it('needs exactly one of value and from', () => {
    expect(
      rejectedFields(withMetrics([{ name: 'A', value: 1, from: './r.json', key: 'x' }])),
    ).toEqual(['metrics[0].from']);
    expect(rejectedFields(withMetrics([{ name: 'A' }]))).toEqual(['metrics[0].value']);
    expect(rejectedFields(withMetrics([{ name: 'A', from: './r.json' }]))).toEqual([
      'metrics[0].key',
    ]);
    expect(rejectedFields(withMetrics([{ name: 'A', value: 1, key: 'x' }]))).toEqual([
      'metrics[0].key',
    ]);
  });

  it('rejects a non-numeric value, an unknown goal and unknown fields', () => {
    expect(rejectedFields(withMetrics([{ name: 'A', value: '0.91' }]))).toEqual([
      'metrics[0].value',
    ]);
    expect(rejectedFields(withMetrics([{ name: 'A', value: 1, goal: 'up' }]))).toEqual([
      'metrics[0].goal',
    ]);
    expect(rejectedFields(withMetrics([{ name: 'A', value: 1, baseline: '0.5' }]))).toEqual([
      'metrics[0].baseline',
    ]);
    expect(rejectedFields(withMetrics([{ name: 'A', value: 1, delta: 0.1 }]))).toEqual([
      'metrics[0]',
    ]);
  });
});

describe('caseStudyPathSchema: dataset', () => {
  const withDataset = (dataset: Record<string, unknown>) =>
    edited(minimalCaseStudy(), (d) => (d.dataset = { name: 'Events', ...dataset }));

  it('rejects a url when access is confidential', () => {
    expect(
      rejectedFields(withDataset({ url: 'https://example.com/data', access: 'confidential' })),
    ).toEqual(['dataset.url']);
    expect(
      rejectedFields(withDataset({ url: 'https://example.com/data', access: 'public' })),
    ).toEqual([]);
    expect(rejectedFields(withDataset({ url: 'https://example.com/data' }))).toEqual([]);
  });

  it('reports a confidential url alongside other dataset problems', () => {
    expect(
      rejectedFields(withDataset({ url: 'https://example.com', access: 'confidential', rows: -1 })),
    ).toEqual(['dataset.rows', 'dataset.url']);
  });

  it.each([[-1], [1.5], ['1,200,000'], [Number.NaN]])('rejects rows: %j', (rows) => {
    expect(rejectedFields(withDataset({ rows }))).toEqual(['dataset.rows']);
  });

  it('accepts zero rows and rejects a negative feature count', () => {
    expect(rejectedFields(withDataset({ rows: 0, features: 0 }))).toEqual([]);
    expect(rejectedFields(withDataset({ features: -3 }))).toEqual(['dataset.features']);
  });

  it('rejects an unknown access level and a misspelt field', () => {
    expect(rejectedFields(withDataset({ access: 'private' }))).toEqual(['dataset.access']);
    expect(rejectedFields(withDataset({ acess: 'public' }))).toEqual(['dataset']);
  });
});

describe('caseStudyPathSchema: URLs', () => {
  const withRepo = (repo: string) => edited(minimalCaseStudy(), (d) => (d.links = { repo }));

  it.each([
    'javascript:alert(1)',
    'JavaScript:alert(document.cookie)',
    ' javascript:alert(1)',
    'java\tscript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'mailto:ada@example.com',
    'ftp://example.com/file',
    'github.com/ada/churn',
    '',
  ])('rejects links.repo %j', (url) => {
    expect(rejectedFields(withRepo(url))).toEqual(['links.repo']);
  });

  it.each(['https://github.com/ada/churn-model', 'http://example.com/demo?x=1'])(
    'accepts links.repo %j',
    (url) => {
      expect(rejectedFields(withRepo(url))).toEqual([]);
    },
  );

  it('checks dataset urls the same way', () => {
    const withUrl = (url: string) =>
      edited(minimalCaseStudy(), (d) => (d.dataset = { name: 'D', url, access: 'public' }));
    expect(rejectedFields(withUrl('javascript:alert(1)'))).toEqual(['dataset.url']);
    expect(rejectedFields(withUrl('data:text/csv,a,b'))).toEqual(['dataset.url']);
    expect(rejectedFields(withUrl('https://www.kaggle.com/datasets/x'))).toEqual([]);
  });

  it('rejects unknown link kinds', () => {
    expect(
      rejectedFields(
        edited(minimalCaseStudy(), (d) => (d.links = { github: 'https://github.com' })),
      ),
    ).toEqual(['links']);
  });
});

describe('caseStudyPathSchema: other rules', () => {
  it('requires non-empty cover alt text', () => {
    const withCover = (cover: unknown) => edited(minimalCaseStudy(), (d) => (d.cover = cover));
    expect(rejectedFields(withCover({ src: './cover.png', alt: '' }))).toEqual(['cover.alt']);
    expect(rejectedFields(withCover({ src: './cover.png', alt: '   ' }))).toEqual(['cover.alt']);
    expect(rejectedFields(withCover({ src: './cover.png' }))).toEqual(['cover.alt']);
    expect(rejectedFields(withCover({ src: '', alt: 'A chart' }))).toEqual(['cover.src']);
  });

  it('rejects unknown top-level keys', () => {
    expect(rejectedFields(edited(minimalCaseStudy(), (d) => (d.Summary = 'x')))).toEqual(['']);
    expect(rejectedFields(edited(minimalCaseStudy(), (d) => (d.date = '2025-06')))).toEqual(['']);
  });

  it('requires at least one stakeholder with a role', () => {
    expect(rejectedFields(edited(minimalCaseStudy(), (d) => (d.stakeholders = [])))).toEqual([
      'stakeholders',
    ]);
    expect(
      rejectedFields(edited(minimalCaseStudy(), (d) => (d.stakeholders = [{ name: 'Ada' }]))),
    ).toEqual(['stakeholders[0].role']);
    expect(
      rejectedFields(
        edited(minimalCaseStudy(), (d) => (d.stakeholders = [{ role: 'PM', influence: 'huge' }])),
      ),
    ).toEqual(['stakeholders[0].influence']);
  });

  it('limits the title to 120 and the summary to 280 characters', () => {
    const title = (length: number) =>
      edited(minimalCaseStudy(), (d) => (d.title = 'x'.repeat(length)));
    const summary = (length: number) =>
      edited(minimalCaseStudy(), (d) => (d.summary = 'x'.repeat(length)));
    expect(rejectedFields(title(120))).toEqual([]);
    expect(rejectedFields(title(121))).toEqual(['title']);
    expect(rejectedFields(summary(280))).toEqual([]);
    expect(rejectedFields(summary(281))).toEqual(['summary']);
  });

  it('rejects empty or missing required text', () => {
    expect(rejectedFields(edited(minimalCaseStudy(), (d) => (d.title = '  ')))).toEqual(['title']);
    expect(rejectedFields(edited(minimalCaseStudy(), (d) => delete d.organization))).toEqual([
      'organization',
    ]);
    expect(rejectedFields(edited(minimalCaseStudy(), (d) => (d.tags = ['churn', ''])))).toEqual([
      'tags[1]',
    ]);
  });

  it('rejects a task outside the list', () => {
    expect(
      rejectedFields(edited(minimalCaseStudy(), (d) => (d.model.task = 'deep-learning'))),
    ).toEqual(['model.task']);
    expect(
      rejectedFields(edited(minimalCaseStudy(), (d) => (d.model.task = 'Classification'))),
    ).toEqual(['model.task']);
  });

  it('only allows text, numbers and booleans as hyperparameters', () => {
    const withParams = (hyperparameters: unknown) =>
      edited(minimalCaseStudy(), (d) => (d.model.hyperparameters = hyperparameters));
    expect(rejectedFields(withParams({ layers: [64, 32] }))).toEqual([
      'model.hyperparameters.layers',
    ]);
    expect(rejectedFields(withParams({ optimizer: { name: 'adam' } }))).toEqual([
      'model.hyperparameters.optimizer',
    ]);
    expect(rejectedFields(withParams({ seed: null }))).toEqual(['model.hyperparameters.seed']);
  });

  it('reports every problem in one pass', () => {
    const data = edited(contractExample(), (d) => {
      d.title = '';
      d.period.end = '2025-05';
      d.dataset.url = 'https://example.com';
      d.metrics[1].value = '64%';
      d.metrics[2].primary = true;
    });
    expect(rejectedFields(data)).toEqual([
      'title',
      'period.end',
      'dataset.url',
      'metrics[1].value',
      'metrics[2].primary',
    ]);
  });
});

describe('caseStudyEntrySchema: one entry of the content collection', () => {
  /** Stands in for Astro's image(): resolves the path, or rejects a missing file. */
  const image = z.string().transform((src, ctx) => {
    if (src.includes('missing')) {
      ctx.addIssue({ code: 'custom', message: `Image ${src} does not exist.` });
      return z.NEVER;
    }
    return { resolved: src };
  });

  it('parses like the path schema and sends only the cover through the entry’s image()', async () => {
    const data = await caseStudyEntrySchema(image).parseAsync(
      edited(contractExample(), (d) => {
        d['cover'] = { src: ' ./cover.png ', alt: 'The churn model’s lift chart' };
      }),
    );
    expect(data.cover).toEqual({
      src: { resolved: './cover.png' },
      alt: 'The churn model’s lift chart',
    });
    expect(data).toEqual({ ...parse(contractExample()), cover: data.cover });
  });

  it('leaves a case study without a cover as the path schema reads it', async () => {
    const data = await caseStudyEntrySchema(image).parseAsync(minimalCaseStudy());
    expect(data).toEqual(parse(minimalCaseStudy()));
  });

  it('reports what image() rejects at cover.src, and what the schema rejects as before', async () => {
    const missing = await caseStudyEntrySchema(image).safeParseAsync(
      edited(contractExample(), (d) => {
        d['cover'] = { src: './missing.png', alt: 'A chart' };
      }),
    );
    expect(missing.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([
      ['cover.src', 'Image ./missing.png does not exist.'],
    ]);
    const invalid = await caseStudyEntrySchema(image).safeParseAsync(
      edited(contractExample(), (d) => {
        delete d['title'];
      }),
    );
    expect(invalid.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['title']);
  });
});
