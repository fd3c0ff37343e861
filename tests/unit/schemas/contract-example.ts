/**
 * The example frontmatter from the content contract (shared/content-contract.md),
 * written as the object a YAML 1.2 parser returns: bare dates such as `2025-06`
 * are strings. Tests clone it and change one thing at a time.
 */
export function contractExample(): Record<string, unknown> {
  return {
    title: 'Predicting subscriber churn 6 weeks ahead',
    summary:
      'A gradient-boosted churn model lifted ROC AUC from 0.78 to 0.91 and now drives the weekly retention list.',
    organization: 'Acme Telecom',
    role: 'Data Science Intern',
    period: { start: '2025-06', end: '2025-08' },
    featured: true,
    tags: ['churn', 'classification'],
    skills: ['Python', 'XGBoost', 'SQL', 'Airflow'],
    dataset: {
      name: 'Subscriber activity events',
      source: 'Internal data warehouse',
      rows: 1200000,
      features: 48,
      timespan: 'Jan 2023 - Dec 2024',
      access: 'confidential',
    },
    model: {
      name: 'Gradient-boosted trees',
      task: 'classification',
      framework: 'XGBoost 2.0',
      baseline: 'Rule-based churn score',
    },
    metrics: [
      { name: 'ROC AUC', value: 0.91, baseline: 0.78, split: 'test', primary: true },
      { name: 'Recall at top decile', value: 64, baseline: 41, unit: '%' },
      { name: 'Scoring latency', value: 35, baseline: 120, unit: 'ms', goal: 'lower' },
    ],
    stakeholders: [
      {
        role: 'Head of Retention',
        team: 'Marketing',
        need: 'A ranked list of at-risk customers each Monday',
        outcome: 'Adopted the list for weekly campaigns',
        influence: 'high',
      },
      {
        role: 'Data engineer',
        team: 'Platform',
        need: 'A model that runs inside the nightly Airflow job',
      },
    ],
    impact: ['Retention campaigns now target 3x fewer customers for the same saves'],
    links: { repo: 'https://github.com/ada/churn-model' },
  };
}

/** The smallest valid case study: only the required fields. */
export function minimalCaseStudy(): Record<string, unknown> {
  return {
    title: 'A title',
    summary: 'A summary.',
    organization: 'An organization',
    role: 'Intern',
    period: { start: '2025-06' },
    dataset: { name: 'A dataset' },
    model: { name: 'A model', task: 'regression' },
    metrics: [{ name: 'RMSE', value: 1.5 }],
    stakeholders: [{ role: 'Manager' }],
  };
}

/** A copy of `base` after `change` edits it in place. */
export function edited<T>(base: T, change: (draft: any) => void): T {
  const copy = structuredClone(base);
  change(copy);
  return copy;
}
