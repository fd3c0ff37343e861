import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_DATA_FILE_BYTES } from '../../../../src/files/size-limit.ts';
import { checkMdxElements, type BodyContext } from '../../../../src/content/mdx/checks.ts';
import { scanMdx } from '../../../../src/content/mdx/elements.ts';

const ARTIFACTS = path.resolve(import.meta.dirname, '../../../fixtures/artifacts');
const AVAILABLE =
  'available: <Callout>, <Chart>, <ConfusionMatrix>, <Figure>, <Metric>, <MetricsChart>, <Notebook>';

const temporaryDirs: string[] = [];

afterEach(() => {
  for (const dir of temporaryDirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/**
 * A temporary content/ folder with case-studies/churn/index.mdx, the data files
 * `files` beside it, and copies of the named artifact fixtures.
 */
function caseStudy(files: Record<string, string> = {}, artifacts: string[] = []) {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'casefolio-mdx-checks-'));
  temporaryDirs.push(root);
  const contentDir = path.join(root, 'content');
  const dir = path.join(contentDir, 'case-studies', 'churn');
  fs.mkdirSync(dir, { recursive: true });
  const mdxFile = path.join(dir, 'index.mdx');
  fs.writeFileSync(mdxFile, '');
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
  for (const name of artifacts) fs.copyFileSync(path.join(ARTIFACTS, name), path.join(dir, name));
  const context: BodyContext = {
    mdxFile,
    contentDir,
    metricNames: ['ROC AUC', 'Recall at top decile', 'Scoring latency'],
  };
  return { root, dir, context };
}

/** The problems of an MDX body as `line: message`, the body starting on line `firstLine`. */
function check(body: string, context: BodyContext, firstLine = 1): string[] {
  const scan = scanMdx(body, firstLine);
  if (!scan.ok) throw new Error(`line ${scan.line}: ${scan.message}`);
  return checkMdxElements(scan.elements, context).map(({ line, message }) => `${line}: ${message}`);
}

const HISTORY =
  'epoch,loss,val_loss,note\r\n1,0.5,0.6,warm-up\r\n2,0.4,0.45,\r\n3,0.3,0.35,best\r\n';

describe('checkMdxElements: valid bodies', () => {
  it('accepts the contract example and real scikit-learn artifacts', () => {
    const { context } = caseStudy({ 'history.csv': HISTORY }, [
      'confusion_matrix.json',
      'iris_confusion_matrix.json',
      'roc_curve.csv',
    ]);
    const body = [
      '<Chart type="line" src="./history.csv" x="epoch" y={["loss", "val_loss"]} title="Training and validation loss" caption="Validation loss flattens after epoch 30." />',
      '<Chart type="scatter" src="./roc_curve.csv" x="fpr" y="tpr" title="ROC curve" />',
      '<Chart data={[{ model: "baseline", auc: 0.78 }, { model: "xgboost", auc: 0.91 }]} type="bar" title="AUC" />',
      '<ConfusionMatrix src="./confusion_matrix.json" labels={["malignant", "benign"]} />',
      '<ConfusionMatrix src="./iris_confusion_matrix.json" labels={["setosa", "versicolor", "virginica"]} />',
      '<ConfusionMatrix matrix={[[52, 1], [1, 89]]} labels={["no", "yes"]} />',
      'The model reached <Metric name="ROC AUC" /> and <Metric name=" Scoring latency " />.',
      '<MetricsChart />',
      '<Callout type="insight" title="Why it worked">Features from support tickets.</Callout>',
      '<div class="note"><span>plain HTML</span></div>',
    ].join('\n\n');
    expect(check(body, context)).toEqual([]);
  });

  it('leaves props written as code and spreads to the render', () => {
    const { context } = caseStudy();
    const body = [
      '<Chart src={file} title="Loss" />',
      '<Chart src="./missing.csv" y={columns} title="Loss" />',
      '<Metric name={metricName} />',
      '<Chart {...props} />',
    ].join('\n\n');
    expect(check(body, context)).toEqual([]);
  });
});

describe('checkMdxElements: components and props', () => {
  it('names an unknown component with a did-you-mean and the available ones', () => {
    const { context } = caseStudy();
    expect(
      check('Intro.\n\n<Chrt src="./a.csv" title="A" />\n\n<Plotly />\n', context, 40),
    ).toEqual([
      `42: <Chrt>: unknown component (did you mean <Chart>?); ${AVAILABLE}`,
      `44: <Plotly>: unknown component; ${AVAILABLE}`,
    ]);
  });

  it('accepts <Figure> from the contract', () => {
    const { context } = caseStudy({ 'plot.png': 'png' });
    expect(
      check('<Figure src="./plot.png" alt="Loss by epoch" caption="Loss." />\n', context),
    ).toEqual([]);
  });

  it('reports a missing or empty chart title', () => {
    const { context } = caseStudy({ 'history.csv': HISTORY });
    const body = '<Chart src="./history.csv" />\n\n<Chart src="./history.csv" title="  " />\n';
    expect(check(body, context)).toEqual([
      '1: <Chart> title: required field is missing (expected text)',
      '3: <Chart> title: must not be empty',
    ]);
  });

  it('reports an unknown chart type with the allowed ones', () => {
    const { context } = caseStudy({ 'history.csv': HISTORY });
    expect(check('<Chart type="lines" src="./history.csv" title="Loss" />\n', context)).toEqual([
      '1: <Chart> type: expected one of "line" | "bar" | "horizontalBar" | "scatter", got "lines" (did you mean "line"?)',
    ]);
  });

  it('reports unknown props with the allowed ones', () => {
    const { context } = caseStudy({ 'history.csv': HISTORY });
    expect(check('<Chart src="./history.csv" title="Loss" colour="red" />\n', context)).toEqual([
      '1: <Chart> colour: unknown field (allowed: type, src, data, x, y, title, caption, xLabel, yLabel, unit, decimals, format)',
    ]);
    expect(check('<MetricsChart titel="Results" />\n', context)).toEqual([
      '1: <MetricsChart> titel: unknown field (did you mean "title"?)',
    ]);
  });

  it('reports a chart without data or with two sources', () => {
    const { context } = caseStudy({ 'history.csv': HISTORY });
    const body =
      '<Chart title="A" />\n\n<Chart src="./history.csv" data={[{ a: 1 }]} title="B" />\n';
    expect(check(body, context)).toEqual([
      '1: <Chart> src: required field is missing (give src="./file" or data={...})',
      '3: <Chart> data: give either src or data, not both',
    ]);
  });

  it('reports a Callout type outside note, insight and warning', () => {
    const { context } = caseStudy();
    expect(check('<Callout type="tip">Hi</Callout>\n', context)).toEqual([
      '1: <Callout> type: expected one of "note" | "insight" | "warning", got "tip"',
    ]);
  });
});

describe('checkMdxElements: <Metric> names', () => {
  it('suggests the near-miss name', () => {
    const { context } = caseStudy();
    expect(check('We reached <Metric name="Roc auc" />.\n', context)).toEqual([
      '1: <Metric> name: no metric "Roc auc" in the frontmatter (did you mean "ROC AUC"?)',
    ]);
  });

  it('lists the known names when nothing is close', () => {
    const { context } = caseStudy();
    expect(check('<Metric name="F1 (macro)" />\n', context)).toEqual([
      '1: <Metric> name: no metric "F1 (macro)" in the frontmatter (known: "ROC AUC", "Recall at top decile", "Scoring latency")',
    ]);
  });

  it('reports a Metric without a name', () => {
    const { context } = caseStudy();
    expect(check('<Metric />\n', context)).toEqual([
      '1: <Metric> name: required field is missing (expected text)',
    ]);
  });
});

describe('checkMdxElements: chart data', () => {
  it('reports a missing data file', () => {
    const { context } = caseStudy();
    expect(check('<Chart src="./history.csv" title="Loss" />\n', context)).toEqual([
      '1: <Chart> src: file not found: "./history.csv"',
    ]);
  });

  it('refuses a data file outside content/', () => {
    const { root, context } = caseStudy();
    fs.writeFileSync(path.join(root, 'secret.csv'), 'a,b\n1,2\n');
    expect(check('<Chart src="../../../secret.csv" title="Loss" />\n', context)).toEqual([
      '1: <Chart> src: path "../../../secret.csv" leaves the content folder; keep files next to the case study',
    ]);
  });

  it('names a missing column, the data file and the available columns', () => {
    const { context } = caseStudy({ 'history.csv': HISTORY });
    expect(
      check('<Chart src="./history.csv" y={["loss", "vall_loss"]} title="Loss" />\n', context),
    ).toEqual([
      '1: <Chart> y: no column "vall_loss" in ./history.csv (did you mean "val_loss"? available: "epoch", "loss", "val_loss", "note")',
    ]);
    expect(
      check('<Chart src="./history.csv" x="step" y="loss" title="Loss" />\n', context),
    ).toEqual([
      '1: <Chart> x: no column "step" in ./history.csv (available: "epoch", "loss", "val_loss", "note")',
    ]);
  });

  it('names the column and row of a non-numeric cell in a plotted column', () => {
    const { context } = caseStudy({ 'history.csv': HISTORY });
    expect(check('<Chart src="./history.csv" y="note" title="Notes" />\n', context)).toEqual([
      '1: <Chart> y: column "note" in ./history.csv has "warm-up" in row 2, not a number',
    ]);
  });

  it('numbers a bad cell by the same row as other problems in that CSV', () => {
    const { context } = caseStudy({
      'history.csv': 'epoch,loss\n1,0.5\n2,oops\n',
      'ragged.csv': 'epoch,loss\n1,0.5\n2\n',
    });
    expect(check('<Chart src="./ragged.csv" title="Loss" />\n', context)).toEqual([
      '1: <Chart> src: ./ragged.csv: row 3 has 1 cell but the header has 2',
    ]);
    expect(check('<Chart src="./history.csv" y="loss" title="Loss" />\n', context)).toEqual([
      '1: <Chart> y: column "loss" in ./history.csv has "oops" in row 3, not a number',
    ]);
  });

  it('names the row of a bad cell in inline data', () => {
    const { context } = caseStudy();
    expect(
      check(
        '<Chart data={[{ epoch: 1, loss: 0.5 }, { epoch: 2, loss: "n/a?" }]} y="loss" title="L" />\n',
        context,
      ),
    ).toEqual(['1: <Chart> y: column "loss" in inline data has "n/a?" in row 2, not a number']);
  });

  it('refuses a scatter plot over a text column', () => {
    const { context } = caseStudy({ 'history.csv': HISTORY });
    expect(
      check('<Chart type="scatter" src="./history.csv" x="note" y="loss" title="L" />\n', context),
    ).toEqual(['1: <Chart> x: a scatter plot needs numbers in column "note" of ./history.csv']);
  });

  it('refuses a data file over the size limit with a hint to downsample', () => {
    const { dir, context } = caseStudy({ 'steps.csv': 'step,loss\n' });
    fs.truncateSync(path.join(dir, 'steps.csv'), MAX_DATA_FILE_BYTES * 2);
    expect(check('<Chart src="./steps.csv" title="Loss" />\n', context)).toEqual([
      '1: <Chart> src: ./steps.csv is 10.00 MB, over the 5 MB limit for data files; downsample it (for example every 10th row) or keep only the columns you plot',
    ]);
  });

  it('reports a malformed data file with its name', () => {
    const { context } = caseStudy({ 'history.csv': 'epoch,loss,epoch\n1,2,3\n' });
    expect(check('<Chart src="./history.csv" title="Loss" />\n', context)).toEqual([
      '1: <Chart> src: ./history.csv: the header names column "epoch" twice',
    ]);
  });

  it('reports every problem in a body, each at its own line', () => {
    const { context } = caseStudy({ 'history.csv': HISTORY });
    const body = [
      '## Results',
      '',
      '<Chart src="./history.csv" y="acc" title="Accuracy" />',
      '',
      'We reached <Metric name="AUC" />.',
      '',
      '<Chart src="./other.csv" title="Other" />',
    ].join('\n');
    expect(check(body, context, 25)).toEqual([
      '27: <Chart> y: no column "acc" in ./history.csv (available: "epoch", "loss", "val_loss", "note")',
      '29: <Metric> name: no metric "AUC" in the frontmatter (known: "ROC AUC", "Recall at top decile", "Scoring latency")',
      '31: <Chart> src: file not found: "./other.csv"',
    ]);
  });
});

describe('checkMdxElements: confusion matrices', () => {
  it('reports labels that do not match the classes of a file (binary and multi-class)', () => {
    const { context } = caseStudy({}, ['confusion_matrix.json', 'iris_confusion_matrix.json']);
    const body = [
      '<ConfusionMatrix src="./confusion_matrix.json" labels={["no", "yes", "maybe"]} />',
      '<ConfusionMatrix src="./iris_confusion_matrix.json" labels={["setosa", "versicolor"]} />',
    ].join('\n\n');
    expect(check(body, context)).toEqual([
      '1: <ConfusionMatrix> labels: labels has 3 names but the matrix has 2 classes',
      '3: <ConfusionMatrix> labels: labels has 2 names but the matrix has 3 classes',
    ]);
  });

  it('reports a non-square inline matrix', () => {
    const { context } = caseStudy();
    expect(check('<ConfusionMatrix matrix={[[52, 1, 0], [1, 89, 0]]} />\n', context)).toEqual([
      '1: <ConfusionMatrix> matrix: row 1 has 3 counts; a 2-class matrix needs 2',
    ]);
  });

  it('reports a negative count from the props schema', () => {
    const { context } = caseStudy();
    expect(check('<ConfusionMatrix matrix={[[52, -1], [1, 89]]} />\n', context)).toEqual([
      '1: <ConfusionMatrix> matrix[0][1]: expected a number >= 0, got -1',
    ]);
  });

  it('reports a missing or broken matrix file with its name', () => {
    const { context } = caseStudy({ 'cm.csv': '52,1\n1,x\n' });
    const body = '<ConfusionMatrix src="./cm.json" />\n\n<ConfusionMatrix src="./cm.csv" />\n';
    expect(check(body, context)).toEqual([
      '1: <ConfusionMatrix> src: file not found: "./cm.json"',
      '3: <ConfusionMatrix> src: ./cm.csv: row 2 has "x", not a count',
    ]);
  });

  it('reports a ConfusionMatrix without src or matrix', () => {
    const { context } = caseStudy();
    expect(check('<ConfusionMatrix labels={["no", "yes"]} />\n', context)).toEqual([
      '1: <ConfusionMatrix> src: required field is missing (give src="./file" or matrix={...})',
    ]);
  });
});
