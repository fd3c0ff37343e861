import type { z } from 'astro/zod';
import {
  componentPropSchemas,
  type ChartProps,
  type ConfusionMatrixProps,
  type NotebookProps,
} from '../../schemas/components.ts';
import { chartKey, type ChartKey } from '../../processes/built-charts.ts';
import type { BuiltChart } from '../../charts/data.ts';
import { chartPoints, drawable } from '../../charts/drawable.ts';
import { loadChart } from '../../charts/source.ts';
import type { Locale } from '../../i18n/locales.ts';
import { imageFileProblem, unbundledFigureProblem, type LocalFilesContext } from './local-files.ts';
import type { ConfusionView } from '../../charts/confusion.ts';
import { loadConfusion } from '../../charts/confusion-source.ts';
import { confusionKey, type ConfusionKey } from '../../processes/confusion-views.ts';
import { didYouMean } from '../../problems/did-you-mean.ts';
import { friendlyIssues } from '../../problems/friendly-issues.ts';
import { isDynamic, type StaticValue } from './static-expression.ts';
import type { MdxContents, MdxElement } from './elements.ts';
import { checkBodySafety, isHtmlElement } from './safety.ts';
import { checkBodyCode } from './code.ts';
import { checkNotebook, type NotebookContext } from './notebooks.ts';
import { checkBodyMath } from './math.ts';

/** A problem in an MDX body: the line of the element and what is wrong with it. */
export interface BodyProblem {
  line: number;
  message: string;
}

/** A `<Chart>` with too many points to draw at build time (charts/drawable.ts). */
export interface UndrawnChart {
  line: number;
  series: number;
  points: number;
}

export interface BodyContext extends LocalFilesContext {
  /** The metric names in the frontmatter, trimmed. */
  metricNames: readonly string[];
  /** The case study's language: its charts' words and numbers. Default `en`. */
  locale?: Locale;
  /** Where charts that were built without problems are kept, for the pages to reuse. */
  charts?: Map<ChartKey, BuiltChart>;
  /** Where built charts too large to draw at build time are noted, with their lines, for the `chart-size` lint. */
  undrawnCharts?: UndrawnChart[];
  /** Where confusion matrices read without problems are kept, for the pages to reuse. */
  confusions?: Map<ConfusionKey, ConfusionView>;
  /**
   * Where `<Notebook>` is read, prepared and linted (content/mdx/notebooks.ts);
   * without it only its props are checked.
   */
  notebooks?: NotebookContext;
}

const KNOWN = Object.keys(componentPropSchemas).sort();

/**
 * Checks an MDX body before the build renders it: Casefolio's components
 * (`checkMdxElements`), then the rules every body follows (safety.ts):
 * links, images and URL attributes, refused elements and event handlers,
 * imports; code.ts: code in the body holds values only; and math.ts: every
 * formula renders. Problems come by line, in the order they were found on a line.
 */
export function checkMdxBody(contents: MdxContents, context: BodyContext): BodyProblem[] {
  return [
    ...checkMdxElements(contents.elements, context),
    ...checkBodySafety(contents, context),
    ...checkBodyCode(contents),
    ...checkBodyMath(contents),
  ].sort((a, b) => a.line - b.line);
}

/**
 * Checks every component use in an MDX body before the build renders it:
 * unknown components, props against each component's schema, `<Metric>`
 * names against the frontmatter, and chart and matrix data against their
 * files. Props written as code (`{someVariable}`) are left to the render.
 */
export function checkMdxElements(
  elements: readonly MdxElement[],
  context: BodyContext,
): BodyProblem[] {
  return elements.flatMap((element) => checkElement(element, context));
}

function checkElement(element: MdxElement, context: BodyContext): BodyProblem[] {
  const { name, line } = element;
  // HTML elements are held to the body's rules (safety.ts), not to a component's.
  if (isHtmlElement(name)) return [];
  const at = (message: string): BodyProblem => ({ line, message: `<${name}> ${message}` });
  if (!(name in componentPropSchemas)) {
    const suggestion = didYouMean(name, KNOWN);
    return [
      {
        line,
        message: `<${name}>: unknown component${suggestion ? ` (did you mean <${suggestion}>?)` : ''}; available: ${KNOWN.map((known) => `<${known}>`).join(', ')}`,
      },
    ];
  }
  const props = element.props;
  if (element.hasSpread || Object.values(props).some((value) => isDynamic(value))) {
    return name === 'Notebook' ? computedNotebookProps(element).map(at) : [];
  }
  const schema = componentPropSchemas[name as keyof typeof componentPropSchemas] as z.ZodType;
  const parsed = schema.safeParse(props, { reportInput: true });
  if (!parsed.success) {
    return friendlyIssues(parsed.error.issues, schema).map((issue) =>
      at(`${issue.field || 'props'}: ${issue.message}`),
    );
  }
  switch (name) {
    case 'Metric':
      return checkMetric(props, context).map(at);
    case 'Chart':
      return checkChart(parsed.data as ChartProps, line, context).map(at);
    case 'ConfusionMatrix':
      return checkConfusion(parsed.data as ConfusionMatrixProps, context).map(at);
    case 'Figure':
      return checkFigure(String(props['src']), context).map(at);
    case 'Notebook': {
      const notebooks = context.notebooks;
      if (!notebooks) return [];
      return checkNotebook(parsed.data as NotebookProps, line, { ...context, notebooks }).map(at);
    }
    default:
      return [];
  }
}

/**
 * `<Notebook>` props computed at render (`cells={picked}`, `{...props}`)
 * are refused: which cells, outputs and images a page publishes must be
 * known to the check, which lints them (alt text, secrets, size) and
 * decodes the images before the build starts.
 */
function computedNotebookProps(element: MdxElement): string[] {
  const examples: Record<string, string> = {
    src: 'src="./analysis.ipynb"',
    cells: 'cells={["fit", 12]}',
    alt: 'alt={{ roc: "ROC curve, AUC 0.91" }}',
  };
  const written = (name: string) =>
    `write the value out, as in ${examples[name] ?? `${name}={false}`}, so the check sees what the page shows`;
  return [
    ...(element.hasSpread
      ? [
          'props: spread props ({...props}) are not allowed; write each prop out, as in <Notebook src="./analysis.ipynb" cells={["fit", 12]} />, so the check sees what the page shows',
        ]
      : []),
    ...Object.entries(element.props)
      .filter(([, value]) => isDynamic(value))
      .map(([name]) => `${name}: computed from code; ${written(name)}`),
  ];
}

function checkMetric(props: Record<string, StaticValue>, context: BodyContext): string[] {
  const wanted = String(props['name']).trim();
  if (context.metricNames.includes(wanted)) return [];
  const suggestion = didYouMean(wanted, context.metricNames);
  const known = context.metricNames.map((metric) => `"${metric}"`).join(', ');
  const hint = suggestion ? ` (did you mean "${suggestion}"?)` : known ? ` (known: ${known})` : '';
  return [`name: no metric "${wanted}" in the frontmatter${hint}`];
}

function checkChart(props: ChartProps, line: number, context: BodyContext): string[] {
  const built = loadChart(props, context.mdxFile, context.contentDir, context.locale);
  if (!built.ok) return built.problems.map((problem) => `${problem.prop}: ${problem.message}`);
  context.charts?.set(chartKey(context.mdxFile, props), built.chart);
  const { config } = built.chart;
  if (!drawable(config)) {
    context.undrawnCharts?.push({
      line,
      series: config.series.length,
      points: chartPoints(config),
    });
  }
  return [];
}

function checkFigure(src: string, context: BodyContext): string[] {
  const problem =
    imageFileProblem(src, context.mdxFile, context.contentDir) ??
    unbundledFigureProblem(src, context);
  return problem ? [`src: ${problem}`] : [];
}

function checkConfusion(props: ConfusionMatrixProps, context: BodyContext): string[] {
  const built = loadConfusion(props, context.mdxFile, context.contentDir);
  if (!built.ok) return [`${built.prop}: ${built.message}`];
  context.confusions?.set(confusionKey(context.mdxFile, props), built.view);
  return [];
}
