import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { builtChart, chartKey, shareBuiltCharts } from '../../../src/processes/built-charts.ts';
import { loadChart } from '../../../src/charts/source.ts';
import { planContent, type PlanLocation } from '../../../src/content/plan.ts';
import { chartPropsSchema } from '../../../src/schemas/components.ts';
import { projectRoot } from '../../helpers/build.ts';

const contentDir = path.join(projectRoot, 'tests/fixtures/contract-example/content');
const location: PlanLocation = {
  root: projectRoot,
  contentDir,
  publicDir: path.join(projectRoot, 'tests/fixtures/public'),
};
const mdxFile = path.join(contentDir, 'case-studies/churn-model/index.mdx');

/** The props the page's `<Chart>` gets from MDX for the chart in that file, as written there. */
const written = {
  type: 'line',
  src: './history.csv',
  x: 'epoch',
  y: ['loss', 'val_loss'],
  title: 'Training and validation loss',
  caption: 'Validation loss flattens after epoch 30.',
};

afterEach(() => shareBuiltCharts([]));

describe('charts the content check built', () => {
  it('are found by the page for the props MDX gives it, the same as a fresh build of the file', async () => {
    const plan = await planContent(location, { showDrafts: false, forBuild: true });
    expect(plan.problems).toEqual([]);
    expect(plan.charts).toHaveLength(1);
    shareBuiltCharts(plan.charts);
    const props = chartPropsSchema.parse(written);
    const fresh = loadChart(props, mdxFile, contentDir);
    expect(fresh.ok).toBe(true);
    expect(builtChart(mdxFile, props)).toEqual(fresh.ok ? fresh.chart : undefined);
  });

  it('are not found for other props or another file, which the page builds itself', async () => {
    shareBuiltCharts((await planContent(location, { showDrafts: false, forBuild: true })).charts);
    const props = chartPropsSchema.parse(written);
    expect(builtChart(mdxFile, chartPropsSchema.parse({ ...written, y: 'loss' }))).toBeUndefined();
    expect(builtChart(path.join(contentDir, 'other.mdx'), props)).toBeUndefined();
  });

  it('are handed to the dev server’s pages too, but not shared by astro sync, nor for a build’s drafts', async () => {
    const dev = await planContent(location, { showDrafts: true, forBuild: false });
    expect(dev.charts.map(([key]) => key)).toEqual([
      chartKey(mdxFile, chartPropsSchema.parse(written)),
    ]);
    const sync = await planContent(location, { showDrafts: false, forBuild: false });
    expect(sync.charts).toEqual([]);
    // The same study, made a draft.
    const copy = path.join(mkdtempSync(path.join(os.tmpdir(), 'built-charts-')), 'content');
    cpSync(contentDir, copy, { recursive: true });
    const draftFile = path.join(copy, 'case-studies/churn-model/index.mdx');
    writeFileSync(
      draftFile,
      readFileSync(draftFile, 'utf8').replace(/^---\n/, '---\ndraft: true\n'),
    );
    const build = await planContent(
      { ...location, contentDir: copy },
      { showDrafts: false, forBuild: true },
    );
    expect(build.problems).toEqual([]);
    expect(build.caseStudyPatterns).toContain('!churn-model/index.mdx');
    expect(build.charts).toEqual([]);
  });
});
