import { describe, expect, it } from 'vitest';
import type { z } from 'astro/zod';
import { friendlyIssues, objectKeysAt } from '../../../src/problems/friendly-issues.ts';
import { caseStudyPathSchema } from '../../../src/schemas/case-study.ts';
import { profilePathSchema } from '../../../src/schemas/profile.ts';
import { contractExample, edited, minimalCaseStudy } from '../schemas/contract-example.ts';

/** The error lines an intern reads, without the file name: `field: message`. */
function lines(data: unknown, schema: z.ZodType = caseStudyPathSchema): string[] {
  const result = schema.safeParse(data, { reportInput: true });
  if (result.success) return [];
  return friendlyIssues(result.error.issues, schema).map(({ field, message }) =>
    field ? `${field}: ${message}` : message,
  );
}

const caseStudy = (change: (draft: any) => void) => edited(minimalCaseStudy(), change);

describe('friendlyIssues: the contract examples', () => {
  it('quotes a value that is not a number', () => {
    const data = edited(contractExample(), (d) => (d.metrics[1].value = '0.91 AUC'));
    expect(lines(data)).toMatchInlineSnapshot(`
      [
        "metrics[1].value: expected a number, got "0.91 AUC"",
      ]
    `);
  });

  it('suggests the field an unknown key was meant to be', () => {
    const data = edited(contractExample(), (d) => {
      delete d.dataset.access;
      d.dataset.acess = 'confidential';
    });
    expect(lines(data)).toMatchInlineSnapshot(`
      [
        "dataset.acess: unknown field (did you mean "access"?)",
      ]
    `);
  });

  it('names the allowed schemes for a profile link', () => {
    const profile = {
      name: 'Ada',
      headline: 'Intern',
      links: [{ label: 'x', url: 'javascript:alert(1)' }],
    };
    expect(lines(profile, profilePathSchema)).toMatchInlineSnapshot(`
      [
        "links[0].url: only https, http and mailto links are allowed, got "javascript:alert(1)"",
      ]
    `);
  });
});

describe('friendlyIssues: messages', () => {
  it('lists the valid options for an enum and suggests the near miss', () => {
    expect(lines(caseStudy((d) => (d.dataset.access = 'Confidential')))).toMatchInlineSnapshot(`
      [
        "dataset.access: expected one of "public" | "internal" | "confidential", got "Confidential" (did you mean "confidential"?)",
      ]
    `);
    expect(lines(caseStudy((d) => (d.metrics[0].goal = 'lowr')))).toMatchInlineSnapshot(`
      [
        "metrics[0].goal: expected one of "higher" | "lower", got "lowr" (did you mean "lower"?)",
      ]
    `);
    expect(lines(caseStudy((d) => (d.model.task = 'clasification')))).toMatchInlineSnapshot(`
      [
        "model.task: expected one of "classification" | "regression" | "forecasting" | "clustering" | "ranking" | "recommendation" | "nlp" | "computer-vision" | "anomaly-detection" | "causal-inference" | "optimization" | "analytics" | "other", got "clasification" (did you mean "classification"?)",
      ]
    `);
  });

  it('gives no suggestion for an enum value that is nothing like an option', () => {
    expect(lines(caseStudy((d) => (d.metrics[0].goal = 'maximise')))).toMatchInlineSnapshot(`
      [
        "metrics[0].goal: expected one of "higher" | "lower", got "maximise"",
      ]
    `);
  });

  it('says a required field is missing and what it expects', () => {
    expect(
      lines(
        caseStudy((d) => {
          delete d.title;
          delete d.dataset;
          delete d.metrics[0].name;
          delete d.period.start;
        }),
      ),
    ).toMatchInlineSnapshot(`
      [
        "title: required field is missing (expected text)",
        "period.start: required field is missing (expected a date as YYYY-MM or YYYY-MM-DD)",
        "dataset: required field is missing (expected a set of fields (key: value))",
        "metrics[0].name: required field is missing (expected text)",
      ]
    `);
  });

  it('explains a union of allowed types', () => {
    expect(lines(caseStudy((d) => (d.model.hyperparameters = { layers: [64, 32], seed: null }))))
      .toMatchInlineSnapshot(`
      [
        "model.hyperparameters.layers: expected text | a number | true or false, got a list",
        "model.hyperparameters.seed: expected text | a number | true or false, got null (an empty value)",
      ]
    `);
  });

  it('lists the allowed fields when an unknown key is not a near miss', () => {
    expect(lines(caseStudy((d) => (d.stakeholders[0].email = 'x@y.z')))).toMatchInlineSnapshot(`
      [
        "stakeholders[0].email: unknown field (allowed: role, name, team, need, outcome, influence)",
      ]
    `);
  });

  it('suggests a near miss at the top level and inside a list item', () => {
    expect(
      lines(
        caseStudy((d) => {
          d.sumary = d.summary;
          delete d.summary;
          d.metrics[0].baselin = 0.5;
        }),
      ),
    ).toMatchInlineSnapshot(`
      [
        "summary: required field is missing (expected text)",
        "metrics[0].baselin: unknown field (did you mean "baseline"?)",
        "sumary: unknown field (did you mean "summary"?)",
      ]
    `);
  });

  it('describes lengths, counts and bounds', () => {
    expect(
      lines(
        caseStudy((d) => {
          d.title = 'x'.repeat(121);
          d.summary = '   ';
          d.stakeholders = [];
          d.dataset.rows = -5;
          d.dataset.features = 2.5;
        }),
      ),
    ).toMatchInlineSnapshot(`
      [
        "title: expected at most 120 characters, got 121",
        "summary: must not be empty",
        "dataset.rows: expected a number >= 0, got -5",
        "dataset.features: expected a whole number, got 2.5",
        "stakeholders: expected at least 1 item, got 0",
      ]
    `);
  });

  it('describes the wrong kind of value', () => {
    expect(
      lines(
        caseStudy((d) => {
          d.featured = 'yes';
          d.tags = 'churn';
          d.dataset = 'Kaggle';
          d.metrics[0].baseline = null;
        }),
      ),
    ).toMatchInlineSnapshot(`
      [
        "featured: expected true or false, got "yes"",
        "tags: expected a list, got "churn"",
        "dataset: expected a set of fields (key: value), got "Kaggle" (fields: name, description, source, url, rows, features, timespan, license, quality, access)",
        "metrics[0].baseline: expected a number, got null (an empty value)",
      ]
    `);
  });

  it('passes through the rules written for the contract', () => {
    expect(
      lines(
        edited(contractExample(), (d) => {
          d.period = { start: '2025-06', end: '2025-13' };
          d.dataset.url = 'https://example.com/data';
          d.metrics[0].from = './report.json';
          d.metrics[1].name = 'roc auc';
          d.metrics[2].primary = true;
          d.links.demo = 'data:text/html,hi';
        }),
      ),
    ).toMatchInlineSnapshot(`
      [
        "period.end: 2025-13 is not a real date (months run from 01 to 12)",
        "dataset.url: not allowed when access is "confidential"; remove the link or change access",
        "metrics[0].from: give either value or from, not both",
        "metrics[1].name: duplicate metric name "roc auc" (also metrics[0].name); names must be unique",
        "metrics[2].primary: only one metric can be primary, and metrics[0] already is",
        "links.demo: only https and http links are allowed, got "data:text/html,hi"",
      ]
    `);
    expect(lines(caseStudy((d) => (d.period = { start: '2025-06', end: '2025-05' }))))
      .toMatchInlineSnapshot(`
      [
        "period.end: must not be before start (2025-06), got 2025-05",
      ]
    `);
    expect(lines(caseStudy((d) => (d.period = { start: 'June 2025', end: 'now' }))))
      .toMatchInlineSnapshot(`
      [
        "period.start: expected a date as YYYY-MM or YYYY-MM-DD, got "June 2025"",
        "period.end: expected a date as YYYY-MM or YYYY-MM-DD or "present", got "now"",
      ]
    `);
  });

  it('names an invalid email address', () => {
    expect(
      lines({ name: 'Ada', headline: 'Intern', email: 'ada(at)example.com' }, profilePathSchema),
    ).toMatchInlineSnapshot(`
      [
        "email: expected an email address, got "ada(at)example.com"",
      ]
    `);
  });

  it('shortens long quoted values', () => {
    expect(lines(caseStudy((d) => (d.metrics[0].value = 'about '.repeat(20)))))
      .toMatchInlineSnapshot(`
      [
        "metrics[0].value: expected a number, got "about about about about about about about about about abo..."",
      ]
    `);
  });

  it('keeps the alt-text hint the schema defines for an empty cover alt', () => {
    expect(lines(caseStudy((d) => (d.cover = { src: './cover.png', alt: '' })))).toEqual([
      'cover.alt: alt text is required: describe what the image shows',
    ]);
  });

  it('returns one line per unknown key', () => {
    const data = caseStudy((d) => {
      d.dataset.acess = 'public';
      d.dataset.licence = 'MIT';
    });
    expect(lines(data)).toEqual([
      'dataset.acess: unknown field (did you mean "access"?)',
      'dataset.licence: unknown field (did you mean "license"?)',
    ]);
  });
});

describe('objectKeysAt', () => {
  it('lists the top-level fields in declaration order', () => {
    expect(objectKeysAt(caseStudyPathSchema, [])).toEqual([
      'title',
      'summary',
      'organization',
      'role',
      'period',
      'draft',
      'featured',
      'locale',
      'tags',
      'skills',
      'cover',
      'team',
      'dataset',
      'model',
      'metrics',
      'stakeholders',
      'impact',
      'responsible',
      'links',
      'paper',
    ]);
  });

  it('looks through refinements, defaults and optional wrappers', () => {
    expect(objectKeysAt(caseStudyPathSchema, ['period'])).toEqual(['start', 'end']);
    expect(objectKeysAt(caseStudyPathSchema, ['cover'])).toEqual(['src', 'alt']);
    expect(objectKeysAt(caseStudyPathSchema, ['dataset'])).toContain('access');
    expect(objectKeysAt(caseStudyPathSchema, ['links'])).toEqual([
      'repo',
      'demo',
      'notebook',
      'slides',
      'report',
      'paper',
      'video',
    ]);
  });

  it('follows list items by index', () => {
    expect(objectKeysAt(caseStudyPathSchema, ['metrics', 3])).toEqual([
      'name',
      'value',
      'from',
      'key',
      'format',
      'decimals',
      'baseline',
      'goal',
      'unit',
      'split',
      'primary',
      'description',
    ]);
    expect(objectKeysAt(caseStudyPathSchema, ['stakeholders', 0])).toEqual([
      'role',
      'name',
      'team',
      'need',
      'outcome',
      'influence',
    ]);
    expect(objectKeysAt(profilePathSchema, ['education', 0])).toEqual([
      'school',
      'degree',
      'start',
      'end',
    ]);
    expect(objectKeysAt(profilePathSchema, ['links', 1])).toEqual(['label', 'url']);
  });

  it('returns nothing for fields that are not objects or do not exist', () => {
    expect(objectKeysAt(caseStudyPathSchema, ['title'])).toEqual([]);
    expect(objectKeysAt(caseStudyPathSchema, ['model', 'hyperparameters'])).toEqual([]);
    expect(objectKeysAt(caseStudyPathSchema, ['model', 'hyperparameters', 'depth'])).toEqual([]);
    expect(objectKeysAt(caseStudyPathSchema, ['nope', 'deeper'])).toEqual([]);
    expect(objectKeysAt(caseStudyPathSchema, ['metrics'])).toEqual([]);
  });
});

describe('friendlyIssues: the responsible block as an intern first writes it', () => {
  const withResponsible = (responsible: unknown) =>
    caseStudy((d) => {
      d.responsible = responsible;
    });

  it('says only that a list is expected when the list is written as one text', () => {
    // Zod also runs the list's "at most 12 items" on the text's characters.
    expect(
      lines(withResponsible({ limitations: 'Trained on one year of data; behaviour has changed' })),
    ).toEqual([
      'responsible.limitations: expected a list, got "Trained on one year of data; behaviour has changed"',
    ]);
    expect(
      lines(caseStudy((d) => (d.dataset.quality = { cleaning: 'Removed test applications' }))),
    ).toEqual(['dataset.quality.cleaning: expected a list, got "Removed test applications"']);
  });
});

describe('friendlyIssues: a value of one kind a union allows', () => {
  const withMetrics = (metrics: unknown[]) =>
    caseStudy((d) => {
      d.responsible = { fairness: { attribute: 'region', from: './by_group.csv', metrics } };
    });

  it('names the field inside an object that a text-or-object field holds', () => {
    expect(lines(withMetrics(['recall', { name: 'false_positive_rate', goal: 'Lower' }]))).toEqual([
      'responsible.fairness.metrics[1].goal: expected one of "higher" | "lower", got "Lower" (did you mean "lower"?)',
    ]);
    expect(lines(withMetrics(['recall', { false_positive_rate: 'lower' }]))).toEqual([
      'responsible.fairness.metrics[1].name: required field is missing (expected text)',
      'responsible.fairness.metrics[1].false_positive_rate: unknown field (allowed: name, goal, label)',
    ]);
  });

  it('lists the kinds allowed when the value is none of them', () => {
    expect(lines(withMetrics(['recall', 5]))).toEqual([
      'responsible.fairness.metrics[1]: expected text | a set of fields (key: value), got 5',
    ]);
  });
});

describe('friendlyIssues: a comma inside { }', () => {
  it('says to quote the value a comma cut short', () => {
    // `- { risk: ..., mitigation: Threshold per issuing region, reviewed monthly }`
    const data = caseStudy((d) => {
      d.responsible = {
        risks: [
          {
            risk: 'Higher false-positive rate for cards issued abroad',
            mitigation: 'Threshold per issuing region',
            'reviewed monthly': null,
          },
        ],
      };
    });
    expect(lines(data)).toEqual([
      'responsible.risks[0].reviewed monthly: unknown field (allowed: risk, mitigation); a comma inside { } ends a value, so quote it: mitigation: "Threshold per issuing region, reviewed monthly"',
    ]);
  });

  it('keeps the near miss for a field written without a value', () => {
    const data = caseStudy((d) => {
      d.responsible = { risks: [{ risk: 'Drift', mitigaton: null }] };
    });
    expect(lines(data)).toEqual([
      'responsible.risks[0].mitigaton: unknown field (did you mean "mitigation"?)',
    ]);
  });
});

describe('friendlyIssues: text where an object goes', () => {
  it('names the fields a risk is written with', () => {
    const data = caseStudy((d) => {
      d.responsible = { risks: ['Some groups are flagged more often than others.'] };
    });
    expect(lines(data)).toEqual([
      'responsible.risks[0]: expected a set of fields (key: value), got "Some groups are flagged more often than others." (fields: risk, mitigation)',
    ]);
  });
});

describe('friendlyIssues: the comma hint stays one printable line', () => {
  it('escapes a control character in the field it names', () => {
    const data = caseStudy((d) => {
      d.responsible = {
        risks: [{ risk: 'Drift', 'mitigation\u001b[2J': 'Retrain', monthly: null }],
      };
    });
    expect(lines(data)).toContain(
      'responsible.risks[0].monthly: unknown field (allowed: risk, mitigation); a comma inside { } ends a value, so quote it: mitigation\\u001b[2J: "Retrain, monthly"',
    );
  });
});

describe('friendlyIssues: a language tag with a region', () => {
  it.each([
    ['de-DE', 'de'],
    ['pt_BR', 'pt'],
    ['zh-CN', 'zh-Hans'],
    ['zh', 'zh-Hans'],
  ])('suggests the language %s is written in: %s', (written, language) => {
    expect(lines(caseStudy((draft) => (draft.locale = written)))).toEqual([
      `locale: expected one of "en" | "de" | "es" | "fr" | "pt" | "zh-Hans" | "ar", got "${written}" (did you mean "${language}"?)`,
    ]);
  });
});
