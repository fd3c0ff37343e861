import { appendFileSync, cpSync, rmSync } from 'node:fs';
import path from 'node:path';
import * as cheerio from 'cheerio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, projectRoot, text } from '../helpers/build.ts';
import { editFile, startDevServer, type DevServer } from '../helpers/dev-server.ts';
import { readTrace, type TracedRead } from '../helpers/read-trace.ts';

const fixture = path.join(projectRoot, 'tests/fixtures/valid/content');
const studies = path.join(fixture, 'case-studies');

/**
 * Every file a metric (`from:`), a <Chart src> or a <ConfusionMatrix src>
 * names in the fixture, relative to the case-studies folder. Most are named
 * more than once: two metrics read classification_report.json, the training
 * log, the MLflow run and trainer_state.json are each a metric's and a
 * chart's source, and a card shows a metric too.
 */
const run = 'from-artifacts/mlruns/873451918523740582/5f2c0e7a9b7d4c1e8f3a2b6d9c0e1f23/';
const NAMED = [
  'from-artifacts/classification_report.json',
  'from-artifacts/training.log',
  'from-artifacts/trainer_state.json',
  'from-artifacts/roc_curve_full.csv',
  'from-artifacts/confusion_matrix.csv',
  'charts-demo/history.csv',
  'charts-demo/long-run.csv',
  'charts-demo/segments.csv',
  'charts-demo/confusion.json',
];
const isNamed = (file: string) => NAMED.includes(file) || file.startsWith(run);

/** Every file of the MLflow run that was read, however often. */
const runFilesRead = (reads: readonly TracedRead[]) =>
  [...new Set(reads.map(({ file }) => file).filter((file) => file.startsWith(run)))].sort();

/** Each of `files` read once. */
const onceEach = (files: readonly string[]) => Object.fromEntries(files.map((file) => [file, 1]));

describe('artifact files in a production build', () => {
  it('are each read once, by the content check, however many metrics, charts, matrices and cards use them', async () => {
    const trace = readTrace('artifact-reads', studies);
    const result = await buildSite({
      fixture: 'valid',
      // Fresh: the trace is written while the build runs, so it must really run.
      fresh: true,
      label: 'artifact-reads',
      env: trace.env,
    });
    expect(result.code, result.stderr).toBe(0);
    const reads = trace.reads().filter(({ file }) => isNamed(file));
    // Each once: a file read twice, or not at all, would show here.
    expect(trace.timesRead(NAMED)).toEqual(onceEach(NAMED));
    const runFiles = runFilesRead(reads);
    expect(runFiles).toContain(`${run}metrics/val_auc`);
    expect(trace.timesRead(runFiles)).toEqual(onceEach(runFiles));
    const processes = new Set(reads.map(({ pid }) => pid));
    expect(processes.size, 'named files were read in more than one process').toBe(1);
  }, 180_000);
});

describe('artifact files in astro dev', () => {
  // Inside the project, so Vite serves and watches it like the real content/.
  const content = path.join(projectRoot, '.tmp', 'artifact-reads-dev', 'content');
  const devTrace = readTrace('artifact-reads-dev-trace', path.join(content, 'case-studies'));
  const PAGES = ['/case-studies/from-artifacts/', '/case-studies/charts-demo/'];
  let server: DevServer;

  const page = async (pathname: string) => {
    const response = await fetch(`${server.origin}${pathname}`);
    return { status: response.status, $: cheerio.load(await response.text()) };
  };
  const resultValue = ($: cheerio.CheerioAPI, name: string) =>
    text($, `.results__list > li:has(.result__name:contains("${name}")) .result__value`);
  /** Waits until the case study shows `value` for the metric `name`, as the reload after a save does. */
  const showsValue = async (name: string, value: string) => {
    const deadline = Date.now() + 30_000;
    let shown = '';
    while (Date.now() < deadline) {
      const { status, $ } = await page(PAGES[0] ?? '');
      shown = status === 200 ? resultValue($, name) : `status ${status}`;
      if (shown === value) return;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    throw new Error(`${name} shows ${shown}, not ${value}\n${server.output()}`);
  };

  beforeAll(async () => {
    rmSync(path.dirname(content), { recursive: true, force: true });
    cpSync(fixture, content, { recursive: true });
    server = await startDevServer(content, {
      env: devTrace.env,
    });
  }, 90_000);

  afterAll(() => {
    server?.stop();
    rmSync(path.dirname(content), { recursive: true, force: true });
  });

  it('are each read once, at start-up: pages read none of them, however often they are viewed', async () => {
    for (const pathname of [...PAGES, ...PAGES]) {
      expect((await page(pathname)).status, pathname).toBe(200);
    }
    expect(devTrace.timesRead(NAMED)).toEqual(onceEach(NAMED));
  });

  it('a saved artifact is read again, and no other file a metric, chart or matrix names', async () => {
    const { $ } = await page(PAGES[0] ?? '');
    expect(resultValue($, 'Macro F1')).toBe('0.985');
    devTrace.reset();
    editFile(
      path.join(content, 'case-studies/from-artifacts/classification_report.json'),
      '"f1-score": 0.9850104821802935',
      '"f1-score": 0.7123',
    );
    await showsValue('Macro F1', '0.7123');
    for (const pathname of PAGES) expect((await page(pathname)).status, pathname).toBe(200);
    const files = new Set(
      devTrace
        .reads()
        .filter(({ file }) => isNamed(file))
        .map(({ file }) => file),
    );
    expect([...files]).toEqual(['from-artifacts/classification_report.json']);
  });

  it('a file saved inside an MLflow run is read again, and not the rest of the run', async () => {
    devTrace.reset();
    appendFileSync(
      path.join(content, 'case-studies', run, 'metrics/val_auc'),
      '1718035523000 0.9377 3\n',
    );
    await showsValue('Validation AUC', '0.9377');
    const files = new Set(
      devTrace
        .reads()
        .filter(({ file }) => isNamed(file))
        .map(({ file }) => file),
    );
    expect([...files]).toEqual([`${run}metrics/val_auc`]);
  });
});
