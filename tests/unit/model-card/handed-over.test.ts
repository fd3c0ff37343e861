import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { planContent, type PlanLocation } from '../../../src/content/plan.ts';
import { parseYaml, splitFrontmatter } from '../../../src/content/frontmatter.ts';
import { resolveMetric } from '../../../src/artifacts/resolve-metric.ts';
import { modelCardMarkdown } from '../../../src/model-card/model-card.ts';
import { modelCardFor, modelCardKey } from '../../../src/model-card/handed-over.ts';
import { writeModelCards } from '../../../src/model-card/write.ts';
import { shareFairnessViews, checkedFairness } from '../../../src/processes/fairness-views.ts';
import { shareModelCards } from '../../../src/processes/model-cards.ts';
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
    const written = new Map(writeModelCards(plan.publishedStudies, { site: SITE, base: BASE }));
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
      expect(written.get(modelCardKey(study, AUTHOR, url)), study.slug).toBe(
        modelCardMarkdown(study, AUTHOR, url),
      );
    }
  });

  it('are what the route returns for the same inputs, and only for them', async () => {
    const plan = await planContent(location, { showDrafts: false, forBuild: true });
    const study = plan.publishedStudies.find(({ slug }) => slug === 'full-study');
    if (!study) throw new Error('full-study is not published');
    const url = pageUrl(study.slug);
    shareModelCards(Promise.resolve([[modelCardKey(study, AUTHOR, url), 'the written card']]));
    expect(await modelCardFor(study, AUTHOR, url)).toBe('the written card');
    // Any other input, and the route writes its own.
    const renamed = { ...study, title: 'Another title' };
    expect(await modelCardFor(renamed, AUTHOR, url)).toBe(modelCardMarkdown(renamed, AUTHOR, url));
    expect(await modelCardFor(study, 'Someone else', url)).toBe(
      modelCardMarkdown(study, 'Someone else', url),
    );
    const other = pageUrl('elsewhere');
    expect(await modelCardFor(study, AUTHOR, other)).toBe(modelCardMarkdown(study, AUTHOR, other));
  });

  it('are written by the route itself when the writer failed', async () => {
    const plan = await planContent(location, { showDrafts: false, forBuild: true });
    const study = plan.publishedStudies[0];
    if (!study) throw new Error('no published study');
    shareModelCards(Promise.reject(new Error('the model-card writer stopped with code 1')));
    const url = pageUrl(study.slug);
    expect(await modelCardFor(study, AUTHOR, url)).toBe(modelCardMarkdown(study, AUTHOR, url));
  });
});
