import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { planContent, type PlanLocation } from '../../../src/content/plan.ts';
import { formatProblem } from '../../../src/problems/problem.ts';
import { siteOptionsSchema } from '../../../src/schemas/site-options.ts';
import { projectRoot } from '../../helpers/build.ts';

function location(fixture: string): PlanLocation {
  return {
    root: projectRoot,
    contentDir: path.join(projectRoot, 'tests/fixtures/build-gate', fixture, 'content'),
    // The fixture's own folder: the tests never read the project's public/.
    publicDir: path.join(projectRoot, 'tests/fixtures/build-gate', fixture, 'public'),
  };
}

const build = { showDrafts: false, forBuild: true };

describe('the lints in the content plan', () => {
  it('make what `npm run check` calls an error a problem that stops the build', async () => {
    const plan = await planContent(location('missing-alt'), build);
    expect(plan.problems.map(formatProblem)).toEqual([
      'tests/fixtures/build-gate/missing-alt/content/case-studies/churn-model/index.mdx:24: image ./plot.png has no alt text: write ![what it shows](./plot.png)',
    ]);
    expect(plan.warnings).toEqual([]);
    // Nothing is prepared for pages that will not be built.
    expect(plan.cards).toEqual([]);
  });

  it('keep warnings apart, and build the rest as usual', async () => {
    const plan = await planContent(location('warning-only'), build);
    expect(plan.problems).toEqual([]);
    expect(plan.warnings.map(formatProblem)).toEqual([
      'tests/fixtures/build-gate/warning-only/content/case-studies/churn-model.mdx:11: metrics[1] (Precision) has no baseline: a result reads better against what it replaced',
    ]);
    expect(plan.cards.map((card) => card.path).sort()).toEqual([
      'og/case-studies/churn-model.png',
      'og/home.png',
    ]);
  });

  it('use the options of casefolio() in astro.config.mjs', async () => {
    const lints = siteOptionsSchema.parse({ sections: ['Problem', 'Discussion'] });
    const plan = await planContent(location('warning-only'), { ...build, lints });
    expect(plan.problems.map(formatProblem)).toEqual([
      'tests/fixtures/build-gate/warning-only/content/case-studies/churn-model.mdx:16: missing section "## Discussion" (every case study has Problem, Discussion)',
    ]);
  });
});
