import type { RootContent } from 'mdast';
import type { FairnessView } from '../fairness/view.ts';
import { compareMetric, formatMetricValue, verdictText } from '../metrics/compare.ts';
import { formatNumber } from '../metrics/numbers.ts';
import type { CaseStudyData } from '../schemas/case-study.ts';
import { en } from '../i18n/en.ts';

// The model card is Hugging Face's format, read by its tools and hub in English.
const ACCESS_LABELS = en.dataset.access;
const LINK_LABELS = en.projectLinks;
const TASK_LABELS = en.model.tasks;
import { projectLinkKinds } from '../schemas/links.ts';
import type { Metric } from '../schemas/metric.ts';
import { formatPeriod } from '../site/dates.ts';
import {
  capitalize,
  fairnessTitle,
  fairnessValueText,
  gapSentence,
  gapStatement,
  noGapSentence,
  smallGroupText,
} from '../site/fairness.ts';
import { code, heading, link, list, paragraph, strong, table, type Inline } from './markdown.ts';

/**
 * The sections of the model card, in Hugging Face's order (Model details;
 * Intended uses and limitations; Training and evaluation data; Evaluation
 * results; Bias, risks and limitations), from what the case study's page
 * shows. A section the frontmatter says nothing for says so in a sentence:
 * the file is published, so it holds no "[More Information Needed]".
 */

/** Where a metric's value was read from, as the page notes it (`ResolvedMetric`'s `source`). */
interface MetricSource {
  file: string;
  key?: string | undefined;
  cell?: string | undefined;
}

/** What the sections read from a case study (a `CaseStudy` from src/site/portfolio.ts fits). */
export type ModelCardStudy = Pick<
  CaseStudyData,
  | 'title'
  | 'summary'
  | 'organization'
  | 'role'
  | 'period'
  | 'team'
  | 'tags'
  | 'dataset'
  | 'model'
  | 'responsible'
  | 'links'
> & {
  /** The metrics as the page shows them, values read from artifact files filled in. */
  metrics: readonly (Metric & { source?: MetricSource | undefined })[];
  /** The fairness breakdown as the check worked it out. */
  fairness?: FairnessView | undefined;
};

/** A fact line of a list: `**Model:** Gradient-boosted trees`. */
function fact(label: string, ...value: Inline[]): Inline[] {
  return [strong(`${label}:`), ' ', ...value];
}

/** The facts that have a value, as a list; nothing when none has. */
function facts(lines: readonly (Inline[] | undefined)[]): RootContent[] {
  const present = lines.filter((line) => line !== undefined);
  return present.length > 0 ? [list(present)] : [];
}

function modelDetails(study: ModelCardStudy, author: string): RootContent[] {
  const { model } = study;
  const hyperparameters = Object.entries(model.hyperparameters ?? {});
  const sources = projectLinkKinds.flatMap((kind) => {
    const url = study.links?.[kind];
    return url ? [fact(LINK_LABELS[kind], link(url, url))] : [];
  });
  return [
    heading(2, 'Model details'),
    ...facts([
      fact('Model', model.name),
      fact('Task', TASK_LABELS[model.task]),
      model.framework ? fact('Framework', model.framework) : undefined,
      model.baseline ? fact('Compared with', model.baseline) : undefined,
      fact('Developed by', `${author}, ${study.role}, at ${study.organization}`),
      study.team ? fact('Team', study.team) : undefined,
      fact('Period', formatPeriod(study.period)),
    ]),
    ...(hyperparameters.length > 0
      ? [
          heading(3, 'Hyperparameters'),
          list(hyperparameters.map(([name, value]) => [code(name), ': ', String(value)])),
        ]
      : []),
    ...(sources.length > 0 ? [heading(3, 'Model sources'), list(sources)] : []),
  ];
}

function intendedUses(study: ModelCardStudy): RootContent[] {
  const responsible = study.responsible;
  const limitations = responsible?.limitations ?? [];
  return [
    heading(2, 'Intended uses and limitations'),
    heading(3, 'Intended use'),
    paragraph(responsible?.intendedUse ?? 'The case study does not state an intended use.'),
    heading(3, 'Out-of-scope use'),
    paragraph(responsible?.outOfScope ?? 'The case study does not state uses out of scope.'),
    heading(3, 'Limitations'),
    limitations.length > 0
      ? list(limitations.map((limitation) => [limitation]))
      : paragraph('The case study states no limitations.'),
  ];
}

function trainingData(study: ModelCardStudy): RootContent[] {
  const { dataset } = study;
  const quality = dataset.quality;
  const cleaning = quality?.cleaning ?? [];
  const qualityFacts = facts([
    quality?.missing ? fact('Missing values', quality.missing) : undefined,
    quality?.duplicates ? fact('Duplicates', quality.duplicates) : undefined,
    quality?.labels ? fact('Labels', quality.labels) : undefined,
  ]);
  return [
    heading(2, 'Training and evaluation data'),
    paragraph(strong(dataset.name), ` (${ACCESS_LABELS[dataset.access].toLowerCase()})`),
    ...(dataset.description ? [paragraph(dataset.description)] : []),
    ...facts([
      dataset.rows === undefined ? undefined : fact('Rows', formatNumber(dataset.rows)),
      dataset.features === undefined ? undefined : fact('Features', formatNumber(dataset.features)),
      dataset.source ? fact('Source', dataset.source) : undefined,
      dataset.timespan ? fact('Timespan', dataset.timespan) : undefined,
      dataset.license ? fact('License', dataset.license) : undefined,
      dataset.url ? fact('Link', link(dataset.url, dataset.url)) : undefined,
    ]),
    heading(3, 'Data quality'),
    ...(qualityFacts.length > 0 || cleaning.length > 0
      ? [
          ...qualityFacts,
          ...(cleaning.length > 0
            ? [
                paragraph(strong('Cleaning steps, in order:')),
                list(
                  cleaning.map((step) => [step]),
                  true,
                ),
              ]
            : []),
        ]
      : [
          paragraph(
            'The case study notes no missing values, duplicates, label problems or cleaning.',
          ),
        ]),
  ];
}

/** `classification_report.json` (`macro avg.f1-score`), as the page's note under a metric. */
function sourceNote(source: MetricSource | undefined): Inline {
  if (!source) return 'as written';
  const where = source.cell ?? source.key?.replace(/@.*$/, '');
  return where ? `${source.file} (${where})` : source.file;
}

function metricsTable(study: ModelCardStudy): RootContent[] {
  const withSource = study.metrics.some((metric) => metric.source !== undefined);
  const rows = study.metrics.map((metric) => {
    const shown = (value: number) => formatMetricValue(value, metric.unit, metric.decimals);
    const comparison = compareMetric(metric);
    const change = comparison
      ? `${comparison.deltaText}${comparison.relativeText ? ` (${comparison.relativeText})` : ''}, ${verdictText(comparison.verdict)}`
      : '—';
    return [
      metric.name,
      metric.value === undefined ? '—' : shown(metric.value),
      metric.baseline === undefined ? '—' : shown(metric.baseline),
      change,
      metric.goal === 'lower' ? 'lower' : 'higher',
      metric.split ?? '—',
      ...(withSource ? [sourceNote(metric.source)] : []),
    ];
  });
  const header = ['Metric', 'Value', 'Baseline', 'Change', 'Better when', 'Measured on'];
  const described = study.metrics.filter((metric) => metric.description);
  return [
    table(
      ['left', 'right', 'right', 'right', 'left', 'left', ...(withSource ? ['left' as const] : [])],
      [[...header, ...(withSource ? ['Read from'] : [])], ...rows],
    ),
    ...(described.length > 0
      ? [list(described.map((metric) => fact(metric.name, metric.description ?? '')))]
      : []),
  ];
}

/**
 * The breakdown by group in the page's words (site/fairness.ts): the gap of
 * each metric, then the table, metrics first and the count last, a group
 * too small to read flagged in its row.
 */
function byGroup(fairness: FairnessView): RootContent[] {
  const hasCount = fairness.groups.some((group) => group.count !== undefined);
  const hasSmall = fairness.groups.some((group) => group.small);
  const hasEmpty = fairness.groups.some((group) => group.values.includes(null));
  const header = [
    capitalize(fairness.attribute),
    ...fairness.metrics.map((metric) => `${capitalize(metric.label)} (${metric.goal} is better)`),
    ...(hasCount ? ['Examples'] : []),
  ];
  const rows = fairness.groups.map((group) => [
    group.small ? `${group.name}: ${smallGroupText(group)}` : group.name,
    ...group.values.map((value) => fairnessValueText(value) ?? '—'),
    ...(hasCount ? [group.count === undefined ? '—' : formatNumber(group.count)] : []),
  ]);
  const notes = [
    ...(hasSmall
      ? [
          `Groups with fewer than ${formatNumber(fairness.minGroupSize)} examples are flagged: too few to read, and left out of the gaps.`,
        ]
      : []),
    ...(hasEmpty ? ['— marks a value the file leaves empty or gives as no number (NaN).'] : []),
    ...(hasCount ? [] : ['The file gives no example counts, so group sizes are unknown.']),
  ];
  return [
    heading(3, fairnessTitle(fairness)),
    paragraph(
      `Each metric for every ${fairness.attribute} group, from `,
      code(fairness.source),
      '.',
    ),
    list(
      fairness.metrics.map((metric) => {
        const statement = gapStatement(metric);
        // The page's sentence, its group names emphasised as the page does.
        return statement
          ? gapSentence(statement).map((part) =>
              typeof part === 'string' ? part : strong(part.group),
            )
          : [noGapSentence(metric)];
      }),
    ),
    table(
      [
        'left',
        ...fairness.metrics.map(() => 'right' as const),
        ...(hasCount ? ['right' as const] : []),
      ],
      [header, ...rows],
    ),
    ...(notes.length > 0 ? [list(notes.map((note) => [note]))] : []),
  ];
}

function evaluationResults(study: ModelCardStudy): RootContent[] {
  return [
    heading(2, 'Evaluation results'),
    ...metricsTable(study),
    ...(study.fairness ? byGroup(study.fairness) : []),
  ];
}

function risks(study: ModelCardStudy): RootContent[] {
  const named = study.responsible?.risks ?? [];
  return [
    heading(2, 'Bias, risks and limitations'),
    named.length > 0
      ? table(
          ['left', 'left'],
          [
            ['Risk', 'Mitigation'],
            ...named.map(({ risk, mitigation }) => [risk, mitigation ?? '—']),
          ],
        )
      : paragraph('The case study names no risks.'),
  ];
}

/** The card's Markdown body as a tree: the title, the summary, a link to the page, the five sections. */
export function modelCardSections(
  study: ModelCardStudy,
  author: string,
  pageUrl: string,
): RootContent[] {
  return [
    heading(1, study.title),
    paragraph(study.summary),
    paragraph(
      'This model card is exported from the case study ',
      link(pageUrl, study.title),
      ', which shows the same results with their charts.',
    ),
    ...modelDetails(study, author),
    ...intendedUses(study),
    ...trainingData(study),
    ...evaluationResults(study),
    ...risks(study),
  ];
}
