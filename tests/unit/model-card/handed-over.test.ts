import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { planContent, type PlanLocation } from '../../../src/content/plan.ts';
import { parseYaml, splitFrontmatter } from '../../../src/content/frontmatter.ts';
import { resolveMetric } from '../../../src/artifacts/resolve-metric.ts';
import { modelCardMarkdown } from '../../../src/model-card/model-card.ts';
import { isModelCardWritten, modelCardKey } from '../../../src/model-card/handed-over.ts';
import { modelCardPath, writeModelCards } from '../../../src/model-card/write.ts';
import { shareFairnessViews, checkedFairness } from '../../../src/processes/fairness-views.ts';
import { claimedModelCards, shareModelCards } from '../../../src/processes/model-cards.ts';
import { caseStudyPathSchema } from '../../../src/schemas/case-study.ts';
import { sortCaseStudies } from '../../../src/site/sorting.ts';
import { withSharedSpellings } from '../../../src/site/taxonomy.ts';
import { projectRoot } from '../../helpers/build.ts';

const contentDir = path.join(projectRoot, 'tests/fixtures/valid/content');
const location: PlanLocation = {
  root: projectRoot,
  contentDir,
  publicDir: path.join(projectRoot, 'tests/fixtures/public'),
};
const SITE = 'https://ada.example.com';
const BASE = '/portfolio/';
const AUTHOR = 'Ada Fixture';
const pageUrl = (slug: string) => `${SITE}${BASE}case-studies/${slug}/`;

/**
 * The published studies as the route is handed them, built the page's way
 * (site/portfolio.ts): each frontmatter through the collection's schema, its
 * metrics read from their files in this process, its fairness view as
 * shared, then sorted and spelled as the site spells them.
 */
function pageStudies(files: readonly { slug: string; absolutePath: string }[]) {
  const studies = files.map(({ slug, absolutePath }) => {
    const split = splitFrontmatter(readFileSync(absolutePath, 'utf8'));
    const parsed = split && parseYaml(split.frontmatter, 1);
    if (!parsed?.ok) throw new Error(`${slug} does not parse`);
    const data = caseStudyPathSchema.parse(parsed.yaml.data);
    const metrics = data.metrics.map((metric) => {
      const resolved = resolveMetric(metric, absolutePath, contentDir);
      if (!resolved.ok) throw new Error(resolved.message);
      return resolved.metric;
    });
    const asked = data.responsible?.fairness;
    const fairness = asked && checkedFairness(absolutePath, asked);
    return { ...data, slug, metrics, fairness };
  });
  return withSharedSpellings(sortCaseStudies(studies));
}

afterEach(() => {
  shareModelCards(Promise.resolve([]));
  shareFairnessViews([]);
});

describe('the model cards a build writes beside its bundle', () => {
  it('hold, under the key each route asks for, the card the route would write itself', async () => {
    const plan = await planContent(location, { showDrafts: false, forBuild: true });
    expect(plan.problems).toEqual([]);
    shareFairnessViews(plan.fairness);
    const written = new Map(
      writeModelCards(plan.publishedStudies, { site: SITE, base: BASE }).map((card) => [
        card.key,
        card,
      ]),
    );
    const files = plan.publishedStudies.map(({ slug }) => ({
      slug,
      absolutePath: path.join(
        contentDir,
        'case-studies',
        ['hostile', 'pricing-dashboard'].includes(slug) ? `${slug}.mdx` : `${slug}/index.mdx`,
      ),
    }));
    const studies = pageStudies(files);
    expect(studies.map((study) => study.slug).sort()).toEqual([
      'charts-demo',
      'from-artifacts',
      'full-study',
      'hostile',
      'pricing-dashboard',
    ]);
    expect(new Set(plan.publishedStudies.map((study) => study.author))).toEqual(new Set([AUTHOR]));
    for (const study of studies) {
      const url = pageUrl(study.slug);
      const card = written.get(modelCardKey(study, AUTHOR, url));
      expect(card?.markdown, study.slug).toBe(modelCardMarkdown(study, AUTHOR, url));
      expect(card?.path).toBe(`case-studies/${study.slug}/model-card.md`);
    }
  });

  it('are published for the same inputs and path, and only for them', async () => {
    const plan = await planContent(location, { showDrafts: false, forBuild: true });
    const study = plan.publishedStudies.find(({ slug }) => slug === 'full-study');
    if (!study) throw new Error('full-study is not published');
    const url = pageUrl(study.slug);
    const path = modelCardPath(study.slug);
    shareModelCards(Promise.resolve([[modelCardKey(study, AUTHOR, url), path]]));
    // Any other input, and the route renders its own: nothing is claimed.
    const renamed = { ...study, title: 'Another title' };
    expect(await isModelCardWritten(renamed, AUTHOR, url, path)).toBe(false);
    expect(await isModelCardWritten(study, 'Someone else', url, path)).toBe(false);
    expect(await isModelCardWritten(study, AUTHOR, pageUrl('elsewhere'), path)).toBe(false);
    expect(await isModelCardWritten(study, AUTHOR, url, modelCardPath('elsewhere'))).toBe(false);
    expect(claimedModelCards()).toEqual([]);
    // The same inputs: the written card is claimed, for the build to publish.
    expect(await isModelCardWritten(study, AUTHOR, url, path)).toBe(true);
    expect(claimedModelCards()).toEqual([path]);
  });

  it('are rendered by each route itself when the writer failed, or outside a build', async () => {
    const plan = await planContent(location, { showDrafts: false, forBuild: true });
    const study = plan.publishedStudies[0];
    if (!study) throw new Error('no published study');
    const url = pageUrl(study.slug);
    const path = modelCardPath(study.slug);
    shareModelCards(Promise.reject(new Error('the model-card writer stopped with code 1')));
    expect(await isModelCardWritten(study, AUTHOR, url, path)).toBe(false);
    delete (globalThis as Record<symbol, unknown>)[Symbol.for('casefolio.model-cards')];
    expect(await isModelCardWritten(study, AUTHOR, url, path)).toBe(false);
    expect(claimedModelCards()).toEqual([]);
  });
});
