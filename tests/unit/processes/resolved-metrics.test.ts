import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { planContent, type PlanLocation } from '../../../src/content/plan.ts';
import { parseYaml, splitFrontmatter } from '../../../src/content/frontmatter.ts';
import { resolveMetric } from '../../../src/artifacts/resolve-metric.ts';
import { shareResolvedMetrics, sharedResolvedMetric } from '../../../src/processes/resolved-metrics.ts';
import { caseStudyPathSchema } from '../../../src/schemas/case-study.ts';
import { metricSchema, type Metric } from '../../../src/schemas/metric.ts';
import { readFileSync } from 'node:fs';
import { projectRoot } from '../../helpers/build.ts';

const contentDir = path.join(projectRoot, 'tests/fixtures/valid/content');
const location: PlanLocation = {
  root: projectRoot,
  contentDir,
  publicDir: path.join(projectRoot, 'tests/fixtures/public'),
};
const mdxFile = path.join(contentDir, 'case-studies/from-artifacts/index.mdx');

/** The study's metrics as a page gets them: its frontmatter after the collection's schema. */
function pageMetrics(): Metric[] {
  const split = splitFrontmatter(readFileSync(mdxFile, 'utf8'));
  const parsed = split && parseYaml(split.frontmatter, 1);
  if (!parsed?.ok) throw new Error('the fixture does not parse');
  return caseStudyPathSchema.parse(parsed.yaml.data).metrics;
}

afterEach(() => shareResolvedMetrics([]));

describe('metrics the content check read from artifacts', () => {
  it('are found by the page for each from metric, equal to reading the file again', async () => {
    const plan = await planContent(location, { showDrafts: false, forBuild: true });
    expect(plan.problems).toEqual([]);
    shareResolvedMetrics(plan.metrics);
    const metrics = pageMetrics();
    expect(metrics.filter((metric) => metric.from)).toHaveLength(5);
    for (const metric of metrics.filter((m) => m.from)) {
      const fresh = resolveMetric(metric, mdxFile, contentDir);
      expect(fresh.ok).toBe(true);
      expect(sharedResolvedMetric(mdxFile, metric)).toEqual(fresh.ok ? fresh.metric : undefined);
    }
  });

  it('give the cards the values the pages show', async () => {
    const plan = await planContent(location, { showDrafts: false, forBuild: true });
    const card = plan.cards.find((candidate) => candidate.path.includes('from-artifacts'));
    // Accuracy, read from classification_report.json (0.9859...), as the page shows it.
    expect(card?.card.metric).toEqual({
      value: 'Accuracy 0.986',
      delta: '+0.357 vs baseline',
      verdict: 'better',
    });
  });

  it('are not found for a changed metric or another file, which the page reads itself', async () => {
    shareResolvedMetrics(
      (await planContent(location, { showDrafts: false, forBuild: true })).metrics,
    );
    const [accuracy] = pageMetrics();
    if (!accuracy) throw new Error('no metric');
    expect(sharedResolvedMetric(mdxFile, accuracy)).toBeDefined();
    expect(
      sharedResolvedMetric(mdxFile, metricSchema.parse({ ...accuracy, key: 'macro avg.recall' })),
    ).toBeUndefined();
    expect(sharedResolvedMetric(path.join(contentDir, 'other.mdx'), accuracy)).toBeUndefined();
  });

  it('are handed to the dev server’s pages too, but not shared by astro sync', async () => {
    const dev = await planContent(location, { showDrafts: true, forBuild: false });
    const build = await planContent(location, { showDrafts: false, forBuild: true });
    expect(dev.metrics.filter(([key]) => key.includes('from-artifacts'))).toEqual(
      build.metrics.filter(([key]) => key.includes('from-artifacts')),
    );
    const sync = await planContent(location, { showDrafts: false, forBuild: false });
    expect(sync.metrics).toEqual([]);
  });
});
