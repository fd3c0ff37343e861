import { describe, expect, it } from 'vitest';
import { combineRuns, verdicts, type BuildMeasurement } from '../../../bench/run.ts';

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
