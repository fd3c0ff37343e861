import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { planContent, type PlanLocation } from '../../../src/content/plan.ts';
import { projectRoot } from '../../helpers/build.ts';

/** The drafts fixture: one published study, a folder-form draft and a single-file draft. */
const location: PlanLocation = {
  root: projectRoot,
  contentDir: path.join(projectRoot, 'tests/fixtures/drafts/content'),
  publicDir: path.join(projectRoot, 'tests/fixtures/public'),
};
const caseStudiesDir = path.join(location.contentDir, 'case-studies');

describe('the content plan of a production build', () => {
  it('loads every case study but the drafts, and keeps draft folders’ images out', async () => {
    const plan = await planContent(location, { showDrafts: false, forBuild: true });
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
    const plan = await planContent(location, { showDrafts: false, forBuild: true });
    expect(plan.cards.map((card) => card.path).sort()).toEqual([
      'og/case-studies/published-study.png',
      'og/home.png',
    ]);
  });

  it('holds one search record per published study, and none for drafts', async () => {
    const plan = await planContent(location, { showDrafts: false, forBuild: true });
    expect(plan.searchRecords.map((record) => record.url)).toEqual([
      '/case-studies/published-study/',
    ]);
    expect(JSON.stringify(plan.searchRecords)).not.toMatch(/canary/i);
  });

  it('names the files to load as soon as it knows them, the same as the plan', async () => {
    const heard: string[][] = [];
    const plan = await planContent(location, { showDrafts: false, forBuild: true }, (files) =>
      heard.push(files.caseStudyPatterns),
    );
    expect(heard).toEqual([plan.caseStudyPatterns]);
  });

  it('names them early even when the content has problems', async () => {
    const invalid = path.join(projectRoot, 'tests/fixtures/duplicate-slugs/content');
    const heard: string[][] = [];
    const plan = await planContent(
      { ...location, contentDir: invalid },
      { showDrafts: false, forBuild: true },
      (files) => heard.push(files.caseStudyPatterns),
    );
    expect(plan.problems).not.toEqual([]);
    expect(heard).toEqual([plan.caseStudyPatterns]);
  });
});

describe('the notebook images cache of a production build', () => {
  it('loses the images of notebooks the content no longer shows, keeping every study’s, drafts’ too', async () => {
    const temp = mkdtempSync(path.join(os.tmpdir(), 'casefolio-plan-images-'));
    try {
      // The notebook fixture, with its second study turned into a draft.
      const contentDir = path.join(temp, 'content');
      cpSync(path.join(projectRoot, 'tests/fixtures/notebook/content'), contentDir, {
        recursive: true,
      });
      const draft = path.join(contentDir, 'case-studies/feature-engineering/index.mdx');
      writeFileSync(draft, readFileSync(draft, 'utf8').replace(/^---\n/, '---\ndraft: true\n'));
      const imagesDir = path.join(temp, 'cache', 'notebook-images');
      mkdirSync(imagesDir, { recursive: true });
      // Left by a build of a notebook since changed, and a file another process is writing.
      const stale = path.join(imagesDir, `${'a'.repeat(64)}.png`);
      const writing = path.join(imagesDir, `${'b'.repeat(64)}.png.4242.tmp`);
      writeFileSync(stale, 'old figure');
      const yesterday = new Date(Date.now() - 24 * 60 * 60 * 1000);
      const where = { ...location, contentDir, notebookImagesDir: imagesDir };
      // `astro dev` decoded the images, drafts' included, yesterday.
      const devPlan = await planContent(where, { showDrafts: true, forBuild: false });
      for (const name of readdirSync(imagesDir)) {
        utimesSync(path.join(imagesDir, name), yesterday, yesterday);
      }
      writeFileSync(writing, 'half a figure');
      expect(existsSync(stale)).toBe(true);

      const plan = await planContent(where, { showDrafts: false, forBuild: true });
      expect(plan.problems).toEqual([]);
      expect(existsSync(stale)).toBe(false);
      expect(existsSync(writing)).toBe(true);
      // What the build shows, and what `astro dev` shows of the draft, are all there.
      expect(devPlan.notebookImages.length).toBeGreaterThan(plan.notebookImages.length);
      for (const file of devPlan.notebookImages) expect(existsSync(file), file).toBe(true);
      expect(readdirSync(imagesDir)).toHaveLength(
        devPlan.notebookImages.filter((file) => path.dirname(file) === imagesDir).length + 1,
      );
    } finally {
      rmSync(temp, { recursive: true, force: true });
    }
  });
});

describe('the content plan of the dev server', () => {
  it('loads drafts too, and paints no cards', async () => {
    const heard: string[][] = [];
    const plan = await planContent(location, { showDrafts: true, forBuild: false }, (files) =>
      heard.push(files.caseStudyPatterns),
    );
    expect(plan.caseStudyPatterns).toEqual(['*.mdx', '*/index.mdx', '!_*', '!_*/**']);
    // The dev server leaves out files that cannot be parsed, which only the full check knows.
    expect(heard).toEqual([]);
    expect(plan.draftFolders).toEqual([]);
    expect(plan.cards).toEqual([]);
  });
});

describe('a plan over content with problems', () => {
  it('lists them, sorted, and plans no cards', async () => {
    const invalid = path.join(projectRoot, 'tests/fixtures/duplicate-slugs/content');
    const plan = await planContent(
      { ...location, contentDir: invalid },
      { showDrafts: false, forBuild: true },
    );
    expect(plan.problems.map((problem) => problem.message)).toEqual([
      expect.stringMatching(/^duplicate slug "same-slug"/),
    ]);
    expect(plan.cards).toEqual([]);
  });
});
