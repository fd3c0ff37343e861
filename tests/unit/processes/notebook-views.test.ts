import os from 'node:os';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkedNotebook, shareNotebookViews } from '../../../src/processes/notebook-views.ts';
import { notebookSelection, prepareNotebookFile } from '../../../src/content/mdx/notebooks.ts';
import { planContent, type PlanLocation } from '../../../src/content/plan.ts';
import { notebookPropsSchema } from '../../../src/schemas/components.ts';
import { projectRoot } from '../../helpers/build.ts';

const contentDir = path.join(projectRoot, 'tests/fixtures/notebook/content');
const mdxFile = path.join(contentDir, 'case-studies', 'breast-cancer', 'index.mdx');

/** The fixture's notebooks, each with the props its `<Notebook>` gets from MDX. */
const written = [
  {
    src: './analysis.ipynb',
    alt: {
      8: 'Histogram of predicted probabilities, the two classes piled at opposite ends',
      svg: 'Bar chart of how many biopsies are benign and how many malignant',
    },
  },
  {
    src: './analysis.ipynb',
    cells: ['report', 'table', 8],
    input: false,
    alt: { 8: 'The same histogram: nearly every biopsy scored close to 0 or 1' },
  },
  { src: './analysis.ipynb', cells: ['fit'], outputs: false },
];

const dirs: string[] = [];
afterEach(() => {
  shareNotebookViews([]);
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function location(): PlanLocation {
  const cache = fs.mkdtempSync(path.join(os.tmpdir(), 'casefolio-notebook-views-'));
  dirs.push(cache);
  return {
    root: projectRoot,
    contentDir,
    publicDir: path.join(projectRoot, 'tests/fixtures/public'),
    notebookImagesDir: path.join(cache, 'notebook-images'),
  };
}

describe('notebooks the content check prepared', () => {
  it('are found by the page for the props MDX gives it, the same as preparing the notebook again', async () => {
    const where = location();
    const plan = await planContent(where, { showDrafts: false, forBuild: true });
    expect(plan.problems).toEqual([]);
    // Three in this study, one in the study of someone else's notebook.
    expect(plan.notebooks).toHaveLength(written.length + 1);
    // Every figure of both studies and the markdown cell's attachment, decoded
    // into the cache before Vite lists them.
    expect(plan.notebookImages.length).toBeGreaterThanOrEqual(7);
    for (const file of plan.notebookImages) {
      expect(path.dirname(file)).toBe(where.notebookImagesDir);
      expect(fs.existsSync(file)).toBe(true);
    }
    shareNotebookViews(plan.notebooks);
    for (const props of written) {
      const parsed = notebookPropsSchema.parse(props);
      const fresh = prepareNotebookFile(parsed.src, notebookSelection(parsed), {
        mdxFile,
        contentDir,
        imagesDir: where.notebookImagesDir ?? '',
        maxBytes: 20 * 1024 * 1024,
      });
      expect(fresh.ok).toBe(true);
      expect(checkedNotebook(mdxFile, parsed)).toEqual(fresh.ok ? fresh.view : undefined);
    }
  });

  it('are not found for other props or another file, which the page prepares itself', async () => {
    shareNotebookViews(
      (await planContent(location(), { showDrafts: false, forBuild: true })).notebooks,
    );
    const parsed = notebookPropsSchema.parse(written[1]);
    expect(checkedNotebook(mdxFile, parsed)).toBeDefined();
    expect(checkedNotebook(mdxFile, { ...parsed, input: true })).toBeUndefined();
    expect(checkedNotebook(path.join(contentDir, 'other.mdx'), parsed)).toBeUndefined();
  });
});
