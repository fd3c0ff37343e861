import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkedConfusion, shareConfusionViews } from '../../../src/processes/confusion-views.ts';
import { loadConfusion } from '../../../src/charts/confusion-source.ts';
import { planContent, type PlanLocation } from '../../../src/content/plan.ts';
import { confusionMatrixPropsSchema } from '../../../src/schemas/components.ts';
import { projectRoot } from '../../helpers/build.ts';

const contentDir = path.join(projectRoot, 'tests/fixtures/valid/content');
const location: PlanLocation = {
  root: projectRoot,
  contentDir,
  publicDir: path.join(projectRoot, 'tests/fixtures/public'),
};
const study = (slug: string) => path.join(contentDir, 'case-studies', slug, 'index.mdx');

/** The fixture's three matrices, each with the props its page's `<ConfusionMatrix>` gets from MDX. */
const written = [
  {
    mdxFile: study('from-artifacts'),
    props: { src: './confusion_matrix.csv', title: 'Test-set confusion matrix' },
  },
  {
    mdxFile: study('charts-demo'),
    props: {
      src: './confusion.json',
      labels: ['stayed', 'churned'],
      title: 'Test-set confusion matrix',
    },
  },
  {
    mdxFile: study('charts-demo'),
    props: {
      matrix: [
        [10, 2, 0],
        [1, 12, 3],
        [0, 2, 14],
      ],
      labels: ['setosa', 'versicolor', 'virginica'],
      title: 'Three classes',
    },
  },
];

afterEach(() => shareConfusionViews([]));

describe('confusion matrices the content check read', () => {
  it('are found by the page for the props MDX gives it, the same as reading the file again', async () => {
    const plan = await planContent(location, { showDrafts: false, forBuild: true });
    expect(plan.problems).toEqual([]);
    expect(plan.confusions).toHaveLength(written.length);
    shareConfusionViews(plan.confusions);
    for (const { mdxFile, props } of written) {
      const parsed = confusionMatrixPropsSchema.parse(props);
      const fresh = loadConfusion(parsed, mdxFile, contentDir);
      expect(fresh.ok).toBe(true);
      expect(checkedConfusion(mdxFile, parsed)).toEqual(fresh.ok ? fresh.view : undefined);
    }
  });

  it('are not found for other props or another file, which the page reads itself', async () => {
    shareConfusionViews(
      (await planContent(location, { showDrafts: false, forBuild: true })).confusions,
    );
    const [{ mdxFile, props }] = written as [(typeof written)[0]];
    const parsed = confusionMatrixPropsSchema.parse(props);
    expect(checkedConfusion(mdxFile, parsed)).toBeDefined();
    expect(
      checkedConfusion(mdxFile, confusionMatrixPropsSchema.parse({ ...props, labels: ['a', 'b'] })),
    ).toBeUndefined();
    expect(checkedConfusion(study('charts-demo'), parsed)).toBeUndefined();
  });
});
