import jsYaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import type { FairnessView } from '../../../src/fairness/view.ts';
import { modelCardMarkdown } from '../../../src/model-card/model-card.ts';
import { HF_TASK_TYPES } from '../../../src/model-card/metadata.ts';
import type { ModelCardStudy } from '../../../src/model-card/sections.ts';
import { caseStudyPathSchema } from '../../../src/schemas/case-study.ts';
import {
  allNodes,
  headings,
  modelIndexErrors,
  readModelCard,
  section,
  tables,
  textOf,
} from '../../helpers/model-card.ts';

const MINUS = '\u2212';
const PAGE = 'https://ada.example/portfolio/case-studies/card-fraud/';

/** A case study as the schema reads its frontmatter, with what the check adds. */
function study(frontmatter: string, extra: Partial<ModelCardStudy> = {}): ModelCardStudy {
  return { ...caseStudyPathSchema.parse(jsYaml.load(frontmatter)), ...extra };
}

const FRAUD = `
title: Card fraud triage
summary: Ranked transactions for review; recall up 12 points.
organization: A payments startup
role: Data Science Intern
period: { start: 2025-06, end: 2025-08 }
team: 2 data scientists
tags: [fraud, imbalanced data]
dataset:
  name: Card authorisations 2024
  rows: 1200000
  features: 42
  license: Internal use only
  quality:
    missing: 4.2% of merchant_category blank, imputed as "unknown"
    duplicates: 1,380 duplicate authorisations dropped
    cleaning: [Removed test cards, Capped amounts at the 99.9th percentile]
model:
  name: Gradient-boosted trees
  task: classification
  framework: XGBoost 2.1
  baseline: Rule-based score
  hyperparameters: { max_depth: 6, learning_rate: 0.05 }
metrics:
  - { name: PR AUC, value: 0.71, baseline: 0.38, split: test, primary: true }
  - { name: Recall at 1% FPR, value: 64, baseline: 52, unit: '%', split: test }
  - { name: Review load, value: 35, baseline: 120, goal: lower, unit: ms, split: production }
  - { name: Calibration error, value: 0.0421 }
stakeholders: [{ role: Fraud team }]
responsible:
  intendedUse: Rank card transactions for manual review by the fraud team.
  outOfScope: Automatic blocking of cards without review.
  limitations:
    - Trained on 2024 traffic; new merchant categories are under-represented.
  risks:
    - { risk: Higher false-positive rate for cards issued abroad, mitigation: 'Threshold per issuing region, reviewed monthly' }
links: { repo: 'https://github.com/ada/fraud' }
`;

const fairness: FairnessView = {
  attribute: 'issuing region',
  source: './fairness_by_group.csv',
  metrics: [
    {
      column: 'recall',
      label: 'recall',
      goal: 'higher',
      gap: {
        difference: 0.12,
        ratio: 0.855,
        worst: { group: 'abroad', value: 0.71 },
        best: { group: 'domestic', value: 0.83 },
      },
    },
    { column: 'false_positive_rate', label: 'false positive rate', goal: 'lower' },
  ],
  groups: [
    { name: 'domestic', count: 12000, small: false, values: [0.83, 0.021] },
    { name: 'abroad', count: 800, small: false, values: [0.71, 0.043] },
    { name: 'unknown', count: 12, small: true, values: [null, 0.1] },
  ],
  minGroupSize: 30,
  chart: { type: 'bar', title: 'Metrics by issuing region' } as unknown as FairnessView['chart'],
};

const card = modelCardMarkdown(study(FRAUD, { fairness }), 'Ada Fixture', PAGE);

describe('the model card header', () => {
  const { metadata } = readModelCard(card);

  it('is YAML front matter whose model-index follows the spec', () => {
    expect(card.startsWith('---\n')).toBe(true);
    expect(modelIndexErrors(metadata['model-index'])).toEqual([]);
  });

  it('holds the results as the page shows them, one result per split', () => {
    const task = { type: 'tabular-classification', name: 'Classification' };
    const dataset = { name: 'Card authorisations 2024', type: 'card-authorisations-2024' };
    const source = { name: 'Card fraud triage', url: PAGE };
    expect(metadata['model-index']).toEqual([
      {
        name: 'Gradient-boosted trees',
        results: [
          {
            task,
            dataset: { ...dataset, split: 'test' },
            metrics: [
              { type: 'pr-auc', name: 'PR AUC', value: 0.71 },
              { type: 'recall-at-1-fpr', name: 'Recall at 1% FPR', value: 64 },
            ],
            source,
          },
          {
            task,
            dataset: { ...dataset, split: 'production' },
            metrics: [{ type: 'review-load', name: 'Review load', value: 35 }],
            source,
          },
          {
            task,
            dataset,
            metrics: [{ type: 'calibration-error', name: 'Calibration error', value: 0.0421 }],
            source,
          },
        ],
      },
    ]);
  });

  it('has the tags and metric ids, and nothing the frontmatter does not say', () => {
    expect(metadata).toEqual({
      tags: ['fraud', 'imbalanced data'],
      metrics: ['pr-auc', 'recall-at-1-fpr', 'review-load', 'calibration-error'],
      'model-index': expect.any(Array),
    });
  });

  it('names a Hub dataset in datasets and as the dataset type, when the link is to one', () => {
    const hub = FRAUD.replace(
      'rows: 1200000',
      'url: https://huggingface.co/datasets/ada/card-auth\n  rows: 1200000',
    );
    const { metadata: read } = readModelCard(modelCardMarkdown(study(hub), 'Ada', PAGE));
    expect(read['datasets']).toEqual(['ada/card-auth']);
    const [model] = read['model-index'] as { results: { dataset: { type: string } }[] }[];
    expect(model?.results.map((result) => result.dataset.type)).toEqual([
      'ada/card-auth',
      'ada/card-auth',
      'ada/card-auth',
    ]);
  });

  it('rounds a value with decimals as the page shows it, and gives no source without an absolute page URL', () => {
    const read = readModelCard(
      modelCardMarkdown(
        study(FRAUD, {
          metrics: [{ name: 'Accuracy', value: 0.947368421, decimals: 3, goal: 'higher' }],
        }),
        'Ada',
        '/portfolio/case-studies/card-fraud/',
      ),
    );
    expect(modelIndexErrors(read.metadata['model-index'])).toEqual([]);
    expect(read.metadata['model-index']).toEqual([
      {
        name: 'Gradient-boosted trees',
        results: [
          {
            task: { type: 'tabular-classification', name: 'Classification' },
            dataset: { name: 'Card authorisations 2024', type: 'card-authorisations-2024' },
            metrics: [{ type: 'accuracy', name: 'Accuracy', value: 0.947 }],
          },
        ],
      },
    ]);
  });

  it("maps every task to one of Hugging Face's task types", () => {
    const hfTypes = new Set([
      'tabular-classification',
      'tabular-regression',
      'time-series-forecasting',
      'other',
    ]);
    for (const type of Object.values(HF_TASK_TYPES)) expect(hfTypes).toContain(type);
    const forecast = study(FRAUD.replace('task: classification', 'task: forecasting'));
    const { metadata: read } = readModelCard(modelCardMarkdown(forecast, 'Ada', PAGE));
    const [model] = read['model-index'] as { results: { task: unknown }[] }[];
    expect(model?.results[0]?.task).toEqual({
      type: 'time-series-forecasting',
      name: 'Forecasting',
    });
  });
});

describe('the model card body', () => {
  const { markdown } = readModelCard(card);

  it("has the title and Hugging Face's sections, in order", () => {
    expect(headings(markdown).filter((line) => /^##? /.test(line))).toEqual([
      '# Card fraud triage',
      '## Model details',
      '## Intended uses and limitations',
      '## Training and evaluation data',
      '## Evaluation results',
      '## Bias, risks and limitations',
    ]);
  });

  it('links back to the case study', () => {
    const links = allNodes(markdown).filter((node) => node.type === 'link');
    expect(links.map((node) => [node.url, textOf(node)])).toContainEqual([
      PAGE,
      'Card fraud triage',
    ]);
  });

  it('gives the model, its author and period', () => {
    const text = textOf(section(markdown, 'Model details'));
    expect(text).toContain('Model: Gradient-boosted trees');
    expect(text).toContain('Task: Classification');
    expect(text).toContain('Framework: XGBoost 2.1');
    expect(text).toContain('Developed by: Ada Fixture, Data Science Intern, at A payments startup');
    expect(text).toContain('Period: Jun 2025 – Aug 2025');
    expect(text).toContain('max_depth: 6');
    expect(text).toContain('Code repository: https://github.com/ada/fraud');
  });

  it('gives the intended use, out-of-scope use and limitations', () => {
    const text = textOf(section(markdown, 'Intended uses and limitations'));
    expect(text).toContain('Rank card transactions for manual review by the fraud team.');
    expect(text).toContain('Automatic blocking of cards without review.');
    expect(text).toContain('new merchant categories are under-represented');
  });

  it('gives the dataset with its quality facts', () => {
    const text = textOf(section(markdown, 'Training and evaluation data'));
    expect(text).toContain('Rows: 1,200,000');
    expect(text).toContain('License: Internal use only');
    expect(text).toContain('Missing values: 4.2% of merchant_category blank, imputed as "unknown"');
    expect(text).toContain('Duplicates: 1,380 duplicate authorisations dropped');
    expect(text).toContain('Removed test cards');
  });

  it('tables the metrics with their baselines, as the page words them', () => {
    const [metrics] = tables(section(markdown, 'Evaluation results'));
    expect(metrics).toEqual([
      ['Metric', 'Value', 'Baseline', 'Change', 'Better when', 'Measured on'],
      ['PR AUC', '0.71', '0.38', '+0.33 (+86.8%), better', 'higher', 'test'],
      ['Recall at 1% FPR', '64%', '52%', '+12 pp (+23.1%), better', 'higher', 'test'],
      [
        'Review load',
        '35 ms',
        '120 ms',
        `${MINUS}85 ms (${MINUS}70.8%), better`,
        'lower',
        'production',
      ],
      ['Calibration error', '0.0421', '—', '—', 'higher', '—'],
    ]);
  });

  it("tables the metrics by group in the page's words: the gaps, the small group flagged, the counts", () => {
    const results = section(markdown, 'Evaluation results');
    expect(headings(results)).toEqual(['### Recall and false positive rate by issuing region']);
    const [, byGroup] = tables(results);
    expect(byGroup).toEqual([
      [
        'Issuing region',
        'Recall (higher is better)',
        'False positive rate (lower is better)',
        'Examples',
      ],
      ['domestic', '0.83', '0.021', '12,000'],
      ['abroad', '0.71', '0.043', '800'],
      ['unknown: too few examples to read (n\u00a0=\u00a012)', '—', '0.1', '12'],
    ]);
    const text = textOf(results);
    expect(text).toContain(
      'Recall is lowest for abroad: 0.71, against 0.83 for domestic (gap 0.12).',
    );
    expect(text).toContain('False positive rate: fewer than two groups large enough to compare.');
    expect(text).toContain(
      'Groups with fewer than 30 examples are flagged: too few to read, and left out of the gaps.',
    );
    expect(text).toContain('— marks a value the file leaves empty or gives as no number (NaN).');
  });

  it('names the highest group as the worst for a lower-is-better metric', () => {
    const lower: FairnessView = {
      ...fairness,
      metrics: [
        {
          column: 'false_positive_rate',
          label: 'false positive rate',
          goal: 'lower',
          gap: {
            difference: 0.022,
            worst: { group: 'abroad', value: 0.043 },
            best: { group: 'domestic', value: 0.021 },
          },
        },
      ],
      groups: fairness.groups.map(({ name, values }) => ({ name, values, small: false })),
    };
    const text = textOf(
      readModelCard(modelCardMarkdown(study(FRAUD, { fairness: lower }), 'Ada', PAGE)).markdown,
    );
    expect(text).toContain(
      'False positive rate is highest for abroad: 0.043, against 0.021 for domestic (gap 0.022).',
    );
    expect(text).toContain('The file gives no example counts, so group sizes are unknown.');
  });

  it('gives the risks with their mitigations', () => {
    expect(tables(section(markdown, 'Bias, risks and limitations'))).toEqual([
      [
        ['Risk', 'Mitigation'],
        [
          'Higher false-positive rate for cards issued abroad',
          'Threshold per issuing region, reviewed monthly',
        ],
      ],
    ]);
  });

  it('says so in a sentence where the case study has nothing to say, with no placeholder', () => {
    const bare = FRAUD.replace(/\nresponsible:[\s\S]*?\nlinks:/, '\nlinks:').replace(
      /\n {2}quality:[\s\S]*?\nmodel:/,
      '\nmodel:',
    );
    const text = modelCardMarkdown(study(bare), 'Ada', PAGE);
    const { markdown: tree } = readModelCard(text);
    expect(textOf(section(tree, 'Intended uses and limitations'))).toBe(
      'Intended useThe case study does not state an intended use.Out-of-scope useThe case study does not state uses out of scope.LimitationsThe case study states no limitations.',
    );
    expect(textOf(section(tree, 'Bias, risks and limitations'))).toBe(
      'The case study names no risks.',
    );
    expect(textOf(section(tree, 'Training and evaluation data'))).toContain(
      'The case study notes no missing values, duplicates, label problems or cleaning.',
    );
    expect(
      headings(tree).filter((line) => line.startsWith('### ') && line.includes(' by ')),
    ).toEqual([]);
    expect(text).not.toContain('More Information Needed');
  });
});

describe('hostile text in a model card', () => {
  const hostile = [
    '# Not a heading',
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    'a | b | c',
    '[click](javascript:alert(1))',
    '![x](https://evil.example/x.png)',
    '$\\frac{1}{0}$',
    '---',
    '1. not a list',
    '> not a quote',
    '**not bold** and `not code`',
    '<!-- hidden --> &lt;entity&gt;',
  ];
  const [first = '', ...rest] = hostile;
  const frontmatter = FRAUD.replace(
    '  limitations:\n    - Trained on 2024 traffic; new merchant categories are under-represented.',
    `  limitations:\n${hostile.map((line) => `    - ${JSON.stringify(line)}`).join('\n')}`,
  );
  const hostileStudy = study(frontmatter, {
    metrics: [
      { name: 'F1 | macro', value: 0.5, goal: 'higher', split: '<b>test</b>' },
      { name: first, value: 1, goal: 'higher' },
    ],
    fairness: {
      ...fairness,
      attribute: 'region | <em>x</em>',
      groups: [
        { name: 'a | b', count: 100, small: false, values: [0.8, 0.1] },
        { name: '# c', count: 100, small: false, values: [0.7, 0.2] },
      ],
    },
  });
  const text = modelCardMarkdown(
    { ...hostileStudy, title: 'Fraud\n---\nlicense: mit', summary: rest.join(' ') },
    'Ada </script>',
    PAGE,
  );
  const { metadata, markdown } = readModelCard(text);

  it('keeps the front matter one mapping with the text as written', () => {
    expect(Object.keys(metadata)).toEqual(['tags', 'metrics', 'model-index']);
    expect(modelIndexErrors(metadata['model-index'])).toEqual([]);
    const [model] = metadata['model-index'] as { results: { source: { name: string } }[] }[];
    expect(model?.results[0]?.source.name).toBe('Fraud\n---\nlicense: mit');
  });

  it('reads every limitation back as the words it is: no heading, HTML, link, image, formula or list', () => {
    const limitations = section(markdown, 'Intended uses and limitations');
    const items = allNodes(limitations).filter((node) => node.type === 'listItem');
    expect(items.map((item) => textOf(item))).toEqual(hostile);
    const kinds = new Set(allNodes(markdown).map((node) => node.type));
    for (const kind of ['html', 'image', 'inlineMath', 'math', 'blockquote', 'thematicBreak']) {
      expect(kinds).not.toContain(kind);
    }
    // Links whose text is their address: the project's repository, and a web
    // address written in the text (GFM links bare URLs, escaped or not).
    const links = allNodes(markdown).filter((node) => node.type === 'link');
    const added = links.filter((node) => textOf(node) === node.url).map((node) => node.url);
    expect(new Set(added)).toEqual(
      new Set(['https://github.com/ada/fraud', 'https://evil.example/x.png']),
    );
    expect(links.filter((node) => textOf(node) !== node.url).map((node) => node.url)).toEqual([
      PAGE,
    ]);
  });

  it('keeps tables to their columns, with a | in a cell as text', () => {
    const [metrics, byGroup] = tables(markdown);
    expect(metrics?.map((row) => row.length)).toEqual([6, 6, 6]);
    expect(metrics?.[1]?.[0]).toBe('F1 | macro');
    expect(metrics?.[1]?.[5]).toBe('<b>test</b>');
    expect(metrics?.[2]?.[0]).toBe('# Not a heading');
    expect(byGroup?.map((row) => row.length)).toEqual([4, 4, 4]);
    expect(byGroup?.map((row) => row[0])).toEqual(['Region | <em>x</em>', 'a | b', '# c']);
  });

  it('keeps the title one heading and the summary one paragraph', () => {
    const [title, summary] = markdown.children;
    expect(title?.type).toBe('heading');
    expect(textOf(title ?? markdown)).toBe('Fraud\n---\nlicense: mit');
    expect(summary?.type).toBe('paragraph');
    expect(textOf(summary ?? markdown)).toBe(rest.join(' '));
  });
});
