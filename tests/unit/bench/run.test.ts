import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  combineRuns,
  imageOutputs,
  median,
  notebookVerdicts,
  pairedDifferences,
  setAside,
  verdicts,
  type BuildMeasurement,
  type NotebookResult,
} from '../../../bench/run.ts';

function run(
  site: 'casefolio' | 'bare',
  wallMs: number,
  peakRss: number,
  ok = true,
): BuildMeasurement {
  return {
    site,
    n: 1000,
    ok,
    exitCode: ok ? 0 : 1,
    wallMs,
    cpuSeconds: wallMs / 1000,
    maxProcessRss: peakRss,
    treeRss: peakRss,
    peakRss,
    runsMs: [wallMs],
    htmlPages: 1065,
    caseStudyPages: ok ? 1000 : 0,
    logFile: `/tmp/${site}-${wallMs}.log`,
  };
}

describe('combining the runs of one build', () => {
  it('reports the median run, every wall time in run order, and the largest peak RSS', () => {
    const combined = combineRuns([
      run('casefolio', 24_000, 2.1e9),
      run('casefolio', 31_000, 2.0e9),
      run('casefolio', 22_000, 2.3e9),
    ]);
    expect(combined.wallMs).toBe(24_000);
    expect(combined.logFile).toBe('/tmp/casefolio-24000.log');
    expect(combined.runsMs).toEqual([24_000, 31_000, 22_000]);
    expect(combined.peakRss).toBe(2.3e9);
  });

  it('takes the faster of two runs', () => {
    expect(combineRuns([run('bare', 18_000, 1e9), run('bare', 16_000, 1e9)]).wallMs).toBe(16_000);
  });

  it('fails when any run failed', () => {
    const combined = combineRuns([run('bare', 16_000, 1e9), run('bare', 1_000, 1e9, false)]);
    expect(combined.ok).toBe(false);
  });
});

describe('the budget verdicts', () => {
  it('judge the time ratio on the median runs', () => {
    const casefolio = combineRuns([
      run('casefolio', 20_000, 2e9),
      run('casefolio', 40_000, 2e9),
      run('casefolio', 21_000, 2e9),
    ]);
    const bare = combineRuns([
      run('bare', 16_000, 1e9),
      run('bare', 17_000, 1e9),
      run('bare', 30_000, 1e9),
    ]);
    const [time, memory] = verdicts([casefolio, bare]);
    expect(time).toEqual({
      ok: true,
      text: 'time ratio to bare Astro at N = 1,000: 1.24 (budget ≤ 1.3); CPU-time ratio 1.24',
    });
    expect(memory?.ok).toBe(true);
  });
});

describe('the notebook scenario', () => {
  const page = (js: number, figures = { figures: 50, inlined: 0, missing: 0 }) => ({
    page: '/case-studies/tickets-analysis-0001/',
    html: 9_000,
    css: 20_000,
    js,
    interactionJs: 0,
    hasCharts: true,
    ...figures,
  });
  function build(wallMs: number, js: number, figures?: Parameters<typeof page>[1]) {
    return { ...run('casefolio', wallMs, 7e8), n: 20, caseStudyPages: 20, page: page(js, figures) };
  }
  function scenario(
    without: number[],
    withNotebook: number[],
    options: { js?: number; figures?: Parameters<typeof page>[1] } = {},
  ): NotebookResult {
    const off = without.map((ms) => build(ms, 58_000));
    const on = withNotebook.map((ms) => build(ms, options.js ?? 58_000, options.figures));
    const cold = pairedDifferences(off, on);
    return {
      n: 20,
      slug: 'tickets-analysis-0001',
      notebook: 'tests/fixtures/notebooks/fifty-figures.ipynb',
      figures: 50,
      cold: { without: combineRuns(off), with: combineRuns(on) },
      withRuns: on,
      withoutRuns: off,
      addedMs: cold.ms,
      addedCpuSeconds: cold.cpuSeconds,
      warmAddedMs: [],
      warmAddedCpuSeconds: [],
    };
  }

  it('counts the image outputs the page must show: fifty-figures.ipynb has 50', () => {
    const fixture = path.join(import.meta.dirname, '../../fixtures/notebooks/fifty-figures.ipynb');
    expect(imageOutputs(readFileSync(fixture, 'utf8'))).toBe(50);
    const cell = (data: Record<string, string>) => ({ outputs: [{ data }] });
    const notebook = { cells: [cell({ 'image/svg+xml': '<svg/>' }), cell({ 'text/plain': '1' })] };
    expect(imageOutputs(JSON.stringify(notebook))).toBe(1);
  });

  it('takes the median of the run-by-run differences, not the difference of the medians', () => {
    const { ms } = pairedDifferences(
      [5_000, 9_000, 5_200].map((ms) => build(ms, 0)),
      [5_600, 9_700, 5_900].map((ms) => build(ms, 0)),
    );
    expect(ms).toEqual([600, 700, 700]);
    expect(median(ms)).toBe(700);
    expect(median([3, 1, 2, 4])).toBe(2);
  });

  it('holds when the notebook adds under 5 s and no JavaScript, and its figures are files', () => {
    const verdicts = notebookVerdicts(scenario([5_000, 5_100, 4_900], [5_600, 5_800, 5_500]));
    expect(verdicts.map((verdict) => verdict.ok)).toEqual([true, true, true]);
    expect(verdicts[0]?.text).toBe(
      'a notebook with 50 image outputs adds +0.6 s to a cold build at N = 20 (budget ≤ 5.0 s; median of 3 runs: +0.6 s, +0.7 s, +0.6 s); CPU +0.6 s (+0.6 s, +0.7 s, +0.6 s)',
    );
    expect(verdicts[1]?.text).toBe(
      "JavaScript on the notebook's page: 56.6 KiB gzip; the same page without the notebook 56.6 KiB (budget: no more)",
    );
  });

  it('breaks when the notebook adds more than 5 s', () => {
    const [time] = notebookVerdicts(scenario([5_000, 5_000, 5_000], [10_100, 10_200, 9_000]));
    expect(time?.ok).toBe(false);
  });

  it('breaks when the page with the notebook has any more JavaScript', () => {
    const [, js] = notebookVerdicts(scenario([5_000], [5_500], { js: 58_001 }));
    expect(js?.ok).toBe(false);
  });

  it('breaks when a figure is inlined or missing', () => {
    const inlined = notebookVerdicts(
      scenario([5_000], [5_500], { figures: { figures: 50, inlined: 1, missing: 0 } }),
    );
    expect(inlined[2]).toEqual({
      ok: false,
      text: "the notebook's page shows 50 of its 50 figures, 1 inlined, 0 not in dist/",
    });
  });
});

describe('the folder of the run before', () => {
  it('is moved into the trash whole, not deleted, and a missing one is no error', () => {
    const bench = mkdtempSync(path.join(os.tmpdir(), 'bench-'));
    const dir = path.join(bench, 'casefolio-light-1000');
    mkdirSync(path.join(dir, 'dist'), { recursive: true });
    writeFileSync(path.join(dir, 'dist', 'index.html'), '<p>built</p>');
    const trash = path.join(bench, 'trash');
    setAside(dir, trash);
    setAside(dir, trash);
    expect(readdirSync(bench).sort()).toEqual(['trash']);
    const [aside, ...more] = readdirSync(trash);
    expect(more).toEqual([]);
    expect(aside).toMatch(/^casefolio-light-1000-/);
    expect(readFileSync(path.join(trash, aside ?? '', 'dist', 'index.html'), 'utf8')).toBe(
      '<p>built</p>',
    );
  });
});
