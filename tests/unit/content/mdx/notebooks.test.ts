import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkAll } from '../../../../src/content/check-all.ts';
import { formatFinding } from '../../../../src/problems/problem.ts';
import { siteOptionsSchema, type SiteOptions } from '../../../../src/schemas/site-options.ts';
import { projectRoot } from '../../../helpers/build.ts';
import {
  code,
  display,
  markdown,
  notebookJson,
  PNG_1X1,
  result,
  stream,
} from '../../notebooks/notebooks.ts';

/**
 * `<Notebook>` in the content check and the lints: every problem and
 * finding as the `file:line: message` line `npm run check` prints, on the
 * element's line.
 */

const GPS_JPEG = fs
  .readFileSync(path.join(projectRoot, 'tests/fixtures/image-metadata/exif-gps.jpg'))
  .toString('base64');

/** The notebook of most tests: a markdown cell with an image beside it, a fit, a figure, a table. */
const ANALYSIS = notebookJson([
  markdown('# Analysis\n\nThe data, as plotted: ![data](./figures/data.png)'),
  code('#| label: fit\nmodel.fit(X, y)', 1, [stream('fitted\n')]),
  code('#| label: roc\nplot_roc()', 2, [display({ 'image/png': PNG_1X1, 'text/plain': 'fig' })]),
  code('df.head()', 3, [result({ 'text/html': '<table><tr><td>1</td></tr></table>' }, 3)]),
]);

/** The analysis notebook and the figure its markdown cell shows, in churn/. */
const ANALYSIS_FILES = {
  'churn/analysis.ipynb': ANALYSIS,
  'churn/figures/data.png': Buffer.from(PNG_1X1, 'base64'),
};

const temporaryDirs: string[] = [];

afterEach(() => {
  for (const dir of temporaryDirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

interface Project {
  /** The body of churn/index.mdx, whose line 16 is the body's first. */
  body: string;
  /** The frontmatter's dataset. */
  dataset?: string;
  /** Files under content/case-studies/, by path: text, JSON for a notebook, or `{ link }` for a symbolic link. */
  files?: Record<string, string | Buffer | object>;
  options?: SiteOptions;
  /** The frontmatter's metrics list, one line per metric. */
  metrics?: string;
}

/**
 * A project with one case study (churn/index.mdx, whose body starts on line
 * 16), checked as `npm run check` does: the lines it prints and what it read.
 */
async function check({
  body,
  dataset = '{ name: Events }',
  files = {},
  options = {},
  metrics = '  - { name: Recall, value: 0.82, baseline: 0.61 }',
}: Project) {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'casefolio-notebook-check-'));
  temporaryDirs.push(root);
  const contentDir = path.join(root, 'content');
  const studies = path.join(contentDir, 'case-studies');
  const write = (name: string, data: string | Buffer) => {
    fs.mkdirSync(path.dirname(name), { recursive: true });
    fs.writeFileSync(name, data);
  };
  write(path.join(contentDir, 'profile.yaml'), 'name: Ada Lovelace\nheadline: Intern\n');
  write(
    path.join(studies, 'churn', 'index.mdx'),
    `---
title: Predicting churn
summary: A churn model lifted recall from 0.61 to 0.82.
organization: Acme
role: Data Science Intern
period: { start: 2025-06, end: 2025-08 }
dataset: ${dataset}
model: { name: Gradient-boosted trees, task: classification }
metrics:
${metrics}
stakeholders:
  - { role: Head of Retention }
responsible: { limitations: [Untested on business customers.] }
---

${body}

## Problem

## Approach

## Results

## Impact
`,
  );
  for (const [name, data] of Object.entries(files)) {
    const file = path.join(studies, name);
    if (typeof data === 'object' && 'link' in data && typeof data.link === 'string') {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.symlinkSync(data.link, file);
    } else {
      write(file, typeof data === 'string' || Buffer.isBuffer(data) ? data : JSON.stringify(data));
    }
  }
  const imagesDir = path.join(root, 'cache', 'notebook-images');
  const { portfolios, findings } = await checkAll(
    { root, contentDir, publicDir: path.join(root, 'public'), notebookImagesDir: imagesDir },
    siteOptionsSchema.parse(options),
  );
  const report = portfolios[0]!.report;

  const lines = findings.map((finding) =>
    formatFinding(finding)
      .replace(/^content\/case-studies\/churn\/index\.mdx:/, '')
      .trim(),
  );
  const parsed = report.caseStudies[0]?.parsed;
  return { lines, parsed, imagesDir, studies };
}

const AT = '<Notebook> src:';

describe('<Notebook> in the content check', () => {
  it('reads, prepares and keeps a notebook the page can show, its images decoded into the cache', async () => {
    const { lines, parsed, imagesDir } = await check({
      body: '<Notebook src="./analysis.ipynb" alt={{ roc: "ROC curve" }} />',
      files: ANALYSIS_FILES,
    });
    expect(lines).toEqual([]);
    expect(parsed?.notebooks).toHaveLength(1);
    const [, view] = parsed?.notebooks?.[0] ?? [];
    expect(view?.cells.map((cell) => cell.kind)).toEqual(['markdown', 'code', 'code', 'code']);
    // The figure is a file of the cache; the markdown cell's image is published from where it is.
    const images = parsed?.notebookImages ?? [];
    expect(images).toHaveLength(2);
    expect(images.filter((file) => file.startsWith(imagesDir + path.sep))).toHaveLength(1);
    for (const file of images) expect(fs.existsSync(file)).toBe(true);
  });

  it('says on the element line what is wrong with src: missing, no notebook, over the size limit', async () => {
    const { lines } = await check({
      body: [
        '<Notebook src="./missing.ipynb" />',
        '',
        '<Notebook src="./notes.txt" />',
        '',
        '<Notebook src="./analysis.ipynb" alt={{ roc: "ROC curve" }} />',
      ].join('\n'),
      files: { 'churn/analysis.ipynb': ANALYSIS, 'churn/notes.txt': 'notes' },
      options: { notebookSizeLimit: 0.0001 },
    });
    expect(lines).toEqual([
      `16: ${AT} file not found: "./missing.ipynb"`,
      `18: ${AT} expected a Jupyter notebook (a .ipynb file), got "./notes.txt"`,
      expect.stringMatching(
        new RegExp(
          `^20: ${AT} \\./analysis\\.ipynb: the notebook is 0\\.00 MB, over the [\\d.]+ MB limit for notebooks; clear the outputs`,
        ),
      ),
    ]);
  });

  it('holds a metric read from a notebook to the same size limit', async () => {
    const { lines } = await check({
      body: '',
      metrics: '  - { name: Recall, from: ./analysis.ipynb#fit, baseline: 0.61 }',
      files: { 'churn/analysis.ipynb': ANALYSIS },
      options: { notebookSizeLimit: 0.0001 },
    });
    expect(lines).toEqual([
      expect.stringMatching(
        /^10: metrics\[0\]\.from: \.\/analysis\.ipynb: the notebook is 0\.00 MB, over the [\d.]+ MB limit for notebooks/,
      ),
    ]);
  });

  it('names the notebook and the cell for a problem in it, and a cell it cannot find', async () => {
    const { lines } = await check({
      body: '<Notebook src="./analysis.ipynb" cells={["fit", "nope"]} />',
      files: { 'churn/analysis.ipynb': ANALYSIS },
    });
    expect(lines).toEqual([
      `16: ${AT} analysis.ipynb: no cell "nope" in the notebook; it has labels "fit", "roc" and execution counts 1-3; write one of these, or add a line "#| label: NAME" at the top of the cell you mean`,
    ]);
  });

  it('stops on a formula of the notebook that does not render, as in the body, and warns about a LaTeX output', async () => {
    const { lines } = await check({
      body: [
        'A review costs $5 and a missed churner $180.',
        '',
        '<Notebook src="./math.ipynb" />',
        '',
        "The body's own $\\fracc{1}{2}$.",
      ].join('\n'),
      files: {
        'churn/math.ipynb': notebookJson([
          markdown('# Loss\n\nIt costs $5 and $10. The loss is $\\fracc{1}{2}$.'),
          code('#| label: eq\nMath(r"\\sigmaa(z)")', 1, [
            result({ 'text/latex': '$\\displaystyle \\sigmaa(z)$', 'text/plain': 'σ(z)' }, 1),
          ]),
        ]),
      },
    });
    expect(lines).toEqual([
      `18: ${AT} math.ipynb, the 1st cell: math: $\\fracc{1}{2}$: unknown command \\fracc (did you mean \\frac?)`,
      `18: warning: ${AT} math.ipynb, cell "eq": output 1: math: $\\displaystyle \\sigmaa(z)$: unknown command \\sigmaa (did you mean \\sigma?); the page shows this LaTeX output as code; change the TeX the cell writes and run it again, or hide the output (tag the cell remove-output)`,
      '20: math: $\\fracc{1}{2}$: unknown command \\fracc (did you mean \\frac?)',
    ]);
  });

  it('reports a figure without alt text as an error that gives the fix for that cell', async () => {
    const { lines } = await check({
      body: '<Notebook src="./analysis.ipynb" />',
      files: ANALYSIS_FILES,
    });
    expect(lines).toEqual([
      `16: ${AT} analysis.ipynb, cell "roc": its image output has no alt text, which people using a screen reader need; add alt={{ roc: "…" }} to <Notebook>, or add a line "#| fig-alt: …" at the top of the cell, describing what the figure shows`,
    ]);
  });

  it('warns, on the element line, about a notebook that was never run', async () => {
    const { lines } = await check({
      body: '<Notebook src="./draft.ipynb" />',
      files: { 'churn/draft.ipynb': notebookJson([code('x = 1', null)]) },
    });
    expect(lines).toEqual([
      `16: warning: ${AT} draft.ipynb: the notebook has no saved outputs (it was saved without being run, or its outputs were cleared), so the page shows its code only; Casefolio never runs notebooks: run it in Jupyter (Run > Run All Cells), save it, and build again`,
    ]);
  });

  it('applies the confidentiality lint to what the page shows of the notebook, not to cells it leaves out', async () => {
    const leaky = notebookJson([
      code('#| label: load\nload()', 1, [
        stream('connected to db01.acme.internal as ada@acme.com\n'),
      ]),
      code('#| label: fit\nfit()', 2, [stream('call +1 415 555 0134\n')]),
    ]);
    const body = '<Notebook src="./leaky.ipynb" cells={["load"]} />';
    const files = { 'churn/leaky.ipynb': leaky };
    expect((await check({ body, files })).lines).toEqual([]);
    const { lines } = await check({
      body,
      files,
      dataset: '{ name: Events, access: confidential }',
    });
    const rest =
      'in a case study whose dataset is confidential; remove it from the notebook, or leave the cell out with cells={[...]}, before publishing';
    expect(lines).toEqual([
      `16: ${AT} leaky.ipynb, cell "load": an email address (ada@acme.com), ${rest}`,
      `16: ${AT} leaky.ipynb, cell "load": an internal host name (db01.acme.internal), ${rest}`,
    ]);
  });

  it('reads a long output of a confidential case study in time that grows with its length', async () => {
    // A printed base64 blob or token: one run of word characters, which the
    // email and host name patterns used to try from every position to the end.
    const blob = 'QUJD'.repeat(50_000);
    const started = performance.now();
    const { lines } = await check({
      body: '<Notebook src="./blob.ipynb" />',
      files: {
        'churn/blob.ipynb': notebookJson([
          code('print(blob)', 1, [
            stream(
              `${blob}\n${blob}.${blob}@${blob}.${blob}\n${'ab-'.repeat(30_000)}\n${'a.'.repeat(30_000)}\nada@acme.com\n`,
            ),
          ]),
        ]),
      },
      dataset: '{ name: Events, access: confidential }',
    });
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(lines).toEqual([
      `16: ${AT} blob.ipynb, In [1] (the 1st cell): an email address (ada@acme.com), in a case study whose dataset is confidential; remove it from the notebook, or leave the cell out with cells={[...]}, before publishing`,
    ]);
  });

  it('refuses an image output with a GPS position, as it refuses such a photo', async () => {
    const { lines } = await check({
      body: '<Notebook src="./photo.ipynb" />',
      files: {
        'churn/photo.ipynb': notebookJson([
          code('#| fig-alt: The site\nshow()', 1, [display({ 'image/jpeg': GPS_JPEG })]),
        ]),
      },
    });
    expect(lines).toEqual([
      `16: ${AT} photo.ipynb, In [1] (the 1st cell): an image it shows is a JPEG image with a GPS location in its EXIF data, which would be published; re-export it without location data (for example \`exiftool -location:all= FILE\`) and build again`,
    ]);
  });

  it('refuses an SVG output that holds a photo with a GPS position', async () => {
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><image href="data:image/jpeg;base64,${GPS_JPEG}" width="10" height="10"/></svg>`;
    const { lines } = await check({
      body: '<Notebook src="./photo.ipynb" />',
      files: {
        'churn/photo.ipynb': notebookJson([
          code('#| fig-alt: The site\nshow()', 1, [display({ 'image/svg+xml': svg })]),
        ]),
      },
    });
    expect(lines).toEqual([
      `16: ${AT} photo.ipynb, In [1] (the 1st cell): an image it shows is an SVG image holding a JPEG image with a GPS location in its EXIF data, which would be published; re-export it without location data (for example \`exiftool -location:all= FILE\`) and build again`,
    ]);
  });

  it('refuses props computed from code, naming each, since the check must see what the page shows', async () => {
    const { lines, parsed } = await check({
      body: 'export const picked = ["fit"]\nexport const shown = { src: "./analysis.ipynb" }\n\n<Notebook src="./analysis.ipynb" cells={picked} />\n\n<Notebook {...shown} />',
      files: ANALYSIS_FILES,
    });
    expect(lines.filter((line) => line.includes('<Notebook>'))).toEqual([
      '19: <Notebook> cells: computed from code; write the value out, as in cells={["fit", 12]}, so the check sees what the page shows',
      '21: <Notebook> props: spread props ({...props}) are not allowed; write each prop out, as in <Notebook src="./analysis.ipynb" cells={["fit", 12]} />, so the check sees what the page shows',
    ]);
    expect(parsed?.notebooks).toEqual([]);
  });
});

describe('<Notebook> in the file lints', () => {
  it('counts the notebook and the images its Markdown shows as used, and nothing else', async () => {
    const { lines } = await check({
      body: '<Notebook src="./analysis.ipynb" alt={{ roc: "ROC curve" }} />',
      files: { ...ANALYSIS_FILES, 'churn/figures/old.png': Buffer.from(PNG_1X1, 'base64') },
    });
    expect(lines).toEqual([
      'warning: figures/old.png is not used by this case study; remove it or prefix it with _ to keep it as a note',
    ]);
  });

  it("refuses a notebook kept in a draft's folder", async () => {
    const { lines } = await check({
      body: '<Notebook src="../wip/analysis.ipynb" alt={{ roc: "ROC curve" }} />',
      files: {
        'wip/index.mdx': '---\ntitle: WIP\ndraft: true\n---\n',
        'wip/analysis.ipynb': ANALYSIS,
        'wip/figures/data.png': Buffer.from(PNG_1X1, 'base64'),
      },
    });
    expect(lines).toContain(
      `16: ${AT} "../wip/analysis.ipynb" is a file of the draft "wip", which is not published; copy it into this case study's folder, or publish the draft`,
    );
  });

  it("refuses an image a published notebook's Markdown shows from a draft's folder, named or through a link", async () => {
    const { lines } = await check({
      body: '<Notebook src="./analysis.ipynb" />',
      files: {
        'churn/analysis.ipynb': notebookJson([
          markdown('The draft figure: ![secret](../wip/secret.png)'),
          markdown('Through a link: ![secret](linked.png)'),
        ]),
        'churn/linked.png': { link: '../wip/secret.png' },
        'wip/index.mdx': '---\ntitle: WIP\ndraft: true\n---\n',
        'wip/secret.png': Buffer.from(PNG_1X1, 'base64'),
      },
    });
    const draftFile = (cell: string) =>
      `16: ${AT} analysis.ipynb, the ${cell} cell: image: "../wip/secret.png" is a file of the draft "wip", which is not published; copy it into this case study's folder, or publish the draft`;
    expect(lines).toEqual(expect.arrayContaining([draftFile('1st'), draftFile('2nd')]));
  });
});
