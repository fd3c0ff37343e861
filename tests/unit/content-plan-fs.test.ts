import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runChildJob } from '../../src/lib/child-process-fs.ts';
import { planContent, type ContentPlan, type PlanLocation } from '../../src/lib/content-plan-fs.ts';
import { projectRoot } from '../helpers/build.ts';

/** The drafts fixture: one published study, a folder-form draft and a single-file draft. */
const location: PlanLocation = {
  root: projectRoot,
  contentDir: path.join(projectRoot, 'tests/fixtures/drafts/content'),
  publicDir: path.join(projectRoot, 'public'),
};
const caseStudiesDir = path.join(location.contentDir, 'case-studies');

describe('the content plan of a production build', () => {
  it('loads every case study but the drafts, and keeps draft folders’ images out', async () => {
    const plan = await planContent(location, { showDrafts: false, paintCards: true });
    expect(plan.problems).toEqual([]);
    expect(plan.caseStudyPatterns).toEqual([
      '*.mdx',
      '*/index.mdx',
      '!_*',
      '!_*/**',
      '!secret-draft/index.mdx',
      '!single-draft.mdx',
    ]);
    expect(plan.draftFolders).toEqual([path.join(caseStudiesDir, 'secret-draft')]);
  });

  it('paints a card for the home page and each published study only', async () => {
    const plan = await planContent(location, { showDrafts: false, paintCards: true });
    expect(plan.cards.map((card) => card.path).sort()).toEqual([
      'og/case-studies/published-study.png',
      'og/home.png',
    ]);
  });

  it('is worked out the same in the child process a build starts', async () => {
    const inProcess = await planContent(location, { showDrafts: false, paintCards: true });
    const inChild = await runChildJob<ContentPlan>(
      new URL('../../src/lib/content-plan-child.ts', import.meta.url),
      { location, showDrafts: false, paintCards: true },
      { name: 'the content check' },
    );
    expect(inChild).toEqual(inProcess);
  });
});

describe('the content plan of the dev server', () => {
  it('loads drafts too, and paints no cards', async () => {
    const plan = await planContent(location, { showDrafts: true, paintCards: false });
    expect(plan.caseStudyPatterns).toEqual(['*.mdx', '*/index.mdx', '!_*', '!_*/**']);
    expect(plan.draftFolders).toEqual([]);
    expect(plan.cards).toEqual([]);
  });
});

describe('a plan over content with problems', () => {
  it('lists them, sorted, and plans no cards', async () => {
    const invalid = path.join(projectRoot, 'tests/fixtures/duplicate-slugs/content');
    const plan = await planContent(
      { ...location, contentDir: invalid },
      { showDrafts: false, paintCards: true },
    );
    expect(plan.problems.map((problem) => problem.message)).toEqual([
      expect.stringMatching(/^duplicate slug "same-slug"/),
    ]);
    expect(plan.cards).toEqual([]);
  });
});
