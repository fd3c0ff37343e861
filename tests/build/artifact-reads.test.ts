import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildSite, projectRoot } from '../helpers/build.ts';

const study = path.join(projectRoot, 'tests/fixtures/valid/content/case-studies/from-artifacts');
const trace = path.join(projectRoot, '.tmp', 'artifact-reads', 'reads.tsv');

/**
 * What the from-artifacts study's metrics name in `from:`: two metrics read
 * classification_report.json, and every one of these files is also a
 * <Chart> source or a card's metric, except the report.
 */
const run = 'mlruns/873451918523740582/5f2c0e7a9b7d4c1e8f3a2b6d9c0e1f23/';
const isMetricArtifact = (file: string) =>
  ['classification_report.json', 'training.log', 'trainer_state.json'].includes(file) ||
  file.startsWith(run);

describe('artifact files in a production build', () => {
  it('are each read once, by the content check, however many metrics, charts and cards use them', async () => {
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
        CASEFOLIO_TRACE_UNDER: study,
        CASEFOLIO_TRACE_FILE: trace,
      },
    });
    expect(result.code, result.stderr).toBe(0);
    expect(existsSync(trace), 'the trace recorded no read at all').toBe(true);
    const reads = readFileSync(trace, 'utf8')
      .trim()
      .split('\n')
      .map((line) => line.split('\t') as [string, string]);
    const artifactReads = reads
      .filter(([, file]) => isMetricArtifact(file))
      .map(([, file]) => file);
    expect(artifactReads).toContain('classification_report.json');
    expect(artifactReads).toContain(`${run}metrics/val_auc`);
    // Each once: a repeated name would show here twice.
    expect(artifactReads.toSorted()).toEqual([...new Set(artifactReads)].toSorted());
    const processes = new Set(
      reads.filter(([, file]) => isMetricArtifact(file)).map(([pid]) => pid),
    );
    expect(processes.size, 'artifacts were read in more than one process').toBe(1);
  }, 180_000);
});
