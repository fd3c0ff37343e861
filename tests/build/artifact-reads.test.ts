import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildSite, projectRoot } from '../helpers/build.ts';

const studies = path.join(projectRoot, 'tests/fixtures/valid/content/case-studies');
const trace = path.join(projectRoot, '.tmp', 'artifact-reads', 'reads.tsv');

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

describe('artifact files in a production build', () => {
  it('are each read once, by the content check, however many metrics, charts, matrices and cards use them', async () => {
    rmSync(path.dirname(trace), { recursive: true, force: true });
    mkdirSync(path.dirname(trace), { recursive: true });
    const preload = pathToFileURL(path.join(projectRoot, 'tests/build/trace-reads.mjs')).href;
    const result = await buildSite({
      fixture: 'valid',
      // Fresh: the trace is written while the build runs, so it must really run.
      fresh: true,
      label: 'artifact-reads',
      env: {
        NODE_OPTIONS: `${process.env['NODE_OPTIONS'] ?? ''} --import ${preload}`.trim(),
        CASEFOLIO_TRACE_UNDER: studies,
        CASEFOLIO_TRACE_FILE: trace,
      },
    });
    expect(result.code, result.stderr).toBe(0);
    expect(existsSync(trace), 'the trace recorded no read at all').toBe(true);
    const reads = readFileSync(trace, 'utf8')
      .trim()
      .split('\n')
      .map((line) => line.split('\t') as [string, string]);
    const named = reads.filter(([, file]) => isNamed(file));
    const timesRead = new Map<string, number>();
    for (const [, file] of named) timesRead.set(file, (timesRead.get(file) ?? 0) + 1);
    // Each once: a file read twice, or not at all, would show here.
    expect(Object.fromEntries(NAMED.map((file) => [file, timesRead.get(file)]))).toEqual(
      Object.fromEntries(NAMED.map((file) => [file, 1])),
    );
    const runFiles = [...timesRead].filter(([file]) => file.startsWith(run));
    expect(runFiles.map(([file]) => file)).toContain(`${run}metrics/val_auc`);
    expect(runFiles.filter(([, times]) => times !== 1)).toEqual([]);
    const processes = new Set(named.map(([pid]) => pid));
    expect(processes.size, 'named files were read in more than one process').toBe(1);
  }, 180_000);
});
