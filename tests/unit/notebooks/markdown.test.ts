import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  formulaProblems,
  prepareMarkdown,
  type MarkdownContext,
} from '../../../src/notebooks/markdown.ts';
import { PNG_1X1, tempDir } from './notebooks.ts';

/** A content folder with a notebook in a case study's folder, and a figure beside it. */
function context(extra: Partial<MarkdownContext> = {}): MarkdownContext {
  const contentDir = tempDir();
  const study = path.join(contentDir, 'case-studies', 'churn');
  fs.mkdirSync(path.join(study, 'figs'), { recursive: true });
  fs.writeFileSync(path.join(study, 'figs', 'roc.png'), Buffer.from(PNG_1X1, 'base64'));
  fs.writeFileSync(path.join(study, 'notes.txt'), 'not an image');
  fs.writeFileSync(path.join(contentDir, 'outside.png'), Buffer.from(PNG_1X1, 'base64'));
  return {
    notebookFile: path.join(study, 'analysis.ipynb'),
    contentDir,
    imagesDir: path.join(tempDir(), 'images'),
    ...extra,
  };
}

describe('prepareMarkdown', () => {
  it("demotes headings under the case study's own, keeping math and GFM", () => {
    const prepared = prepareMarkdown(
      '# Title\n\n## Part\n\n##### Deep\n\n###### Deepest\n\nLoss $L = -\\sum y \\log p$\n\n$$\nE = mc^2\n$$\n\n| a | b |\n| - | - |\n| 1 | 2 |\n\n~~old~~ [web](https://example.org) [top](#title)',
      context(),
    );
    expect(prepared).toEqual({
      markdown:
        '### Title\n\n#### Part\n\n###### Deep\n\n###### Deepest\n\nLoss $L = -\\sum y \\log p$\n\n$$\nE = mc^2\n$$\n\n| a | b |\n| - | - |\n| 1 | 2 |\n\n~~old~~ [web](https://example.org) [top](#title)',
      images: {},
      problems: [],
      warnings: [],
      unlinked: [],
    });
  });

  it('refuses each formula that does not render, quoting it, wherever it stands', () => {
    const prepared = prepareMarkdown(
      [
        'The loss $\\fracc{1}{2}$ is fine, $x^2$ too.',
        '',
        '$$',
        '\\begin{aligned} a &= b \\end{align}',
        '$$',
        '',
        '```math',
        'x^',
        '```',
        '',
        '- [see $\\sqrtt{2}$](other.ipynb)',
      ].join('\n'),
      context(),
    );
    expect(prepared.problems).toEqual([
      'math: $\\fracc{1}{2}$: unknown command \\fracc (did you mean \\frac?)',
      'math: $$ \\begin{aligned} a &= b \\end{align} $$: \\begin{aligned} is closed by \\end{align}; the names must match',
      'math: ```math x^ ```: ^ at the end has nothing to raise; write x^{2}, or remove it',
      'math: $\\sqrtt{2}$: unknown command \\sqrtt (did you mean \\sqrt?)',
    ]);
  });

  it('keeps dollar amounts text, by the rule MDX bodies follow, and $$ in a sentence display math', () => {
    const prepared = prepareMarkdown(
      'It costs $5 and $10, a fee of $5-$10; $ x $ too.\n\nThe loss $L$, and $$x \\tag{1}$$ in a sentence.',
      context(),
    );
    expect(prepared.problems).toEqual([]);
    // Written back escaped, so the page's parser cannot pair them differently.
    expect(prepared.markdown).toBe(
      'It costs \\$5 and \\$10, a fee of \\$5-\\$10; \\$ x \\$ too.\n\nThe loss $L$, and $$x \\tag{1}$$ in a sentence.',
    );
  });

  it('turns links to files the site does not publish into their text, listing each for the warning', () => {
    const prepared = prepareMarkdown(
      '< [Previous](05.02-Naive.ipynb) | [*Data*](data/train.csv) | [ref][r] >\n\n[r]: ../other.ipynb',
      context(),
    );
    expect(prepared.markdown).toBe('< Previous | *Data* | ref >');
    expect(prepared.problems).toEqual([]);
    expect(prepared.warnings).toEqual([]);
    expect(prepared.unlinked).toEqual(['05.02-Naive.ipynb', 'data/train.csv', '../other.ipynb']);
  });

  it('refuses javascript: and other schemes in links, definitions, images and raw HTML', () => {
    const prepared = prepareMarkdown(
      [
        '[click](javascript:alert(1))',
        '[x][bad]',
        '![img](data:image/png;base64,AAAA)',
        '<a href="jav&#x61;script:alert(1)">a</a>',
        '<img src="x.png" onerror="alert(1)">',
        '<script>alert(1)</script>',
        '<iframe src="https://example.org"></iframe>',
        '<form action="/x"></form><object data="x"></object><embed src="x"><base href="/"><meta http-equiv="refresh"><link rel="stylesheet" href="x.css">',
        '',
        '[bad]: vbscript:msgbox',
      ].join('\n\n'),
      context(),
    );
    expect(prepared.problems).toEqual([
      '[bad]: only https, http, mailto and relative links are allowed, got "vbscript:msgbox"; use a web address or a file beside the case study instead',
      'link "click": only https, http, mailto and relative links are allowed, got "javascript:alert(1)"; use a web address or a file beside the case study instead',
      'link "x": only https, http, mailto and relative links are allowed, got "vbscript:msgbox"; use a web address or a file beside the case study instead',
      'image "data:image/png;base64,AAAA": only https, http and relative images are allowed; paste the image into the cell in Jupyter (it is saved as an attachment) or put the file beside the notebook',
      '<a href>: only https, http, mailto and relative links are allowed, got "javascript:alert(1)"; use a web address or a file beside the case study instead',
      '<img onerror>: event handlers are not allowed (nothing on a page runs); remove the attribute from the cell',
      "<script>: not allowed in a notebook's Markdown (nothing on a page runs: show code in a code cell or a ``` code block)",
      "<iframe>: not allowed in a notebook's Markdown (it would load another site or a plugin into the page; link to it instead, or embed a video through a component you add on purpose)",
      expect.stringMatching(/^<form>: not allowed/),
      expect.stringMatching(/^<object>: not allowed/),
      expect.stringMatching(/^<embed>: not allowed/),
      expect.stringMatching(/^<base>: not allowed/),
      expect.stringMatching(/^<meta>: not allowed/),
      expect.stringMatching(/^<link>: not allowed/),
    ]);
    expect(prepared.markdown).not.toMatch(/\]\(javascript:/);
  });

  it('resolves an image beside the notebook, and refuses one that is missing, outside content/ or no image', () => {
    const ctx = context();
    const prepared = prepareMarkdown(
      '![ROC](figs/roc.png) ![gone](figs/gone.png) ![out](../../../outside.png) ![txt](notes.txt) ![web](https://example.org/a.png)',
      ctx,
    );
    const roc = path.join(path.dirname(ctx.notebookFile), 'figs', 'roc.png');
    expect(prepared.images).toEqual({
      'figs/roc.png': { file: fs.realpathSync(roc), mime: 'image/png', width: 1, height: 1 },
    });
    expect(prepared.problems).toEqual([
      'image: file not found: "figs/gone.png"; images a notebook\'s Markdown shows must be beside the notebook, inside content/',
      'image: path "../../../outside.png" leaves the content folder; keep files next to the case study; images a notebook\'s Markdown shows must be beside the notebook, inside content/',
      'image "notes.txt" is no image format Casefolio reads (PNG, JPEG, GIF, WebP, SVG)',
    ]);
  });

  it('decodes attachments into the images folder and points the image at the file', () => {
    const ctx = context({
      attachments: {
        'image.png': { 'image/png': PNG_1X1 },
        'bad.png': { 'image/png': 'not base64!' },
        'doc.txt': { 'text/plain': 'x' },
      },
    });
    const prepared = prepareMarkdown(
      '![chart](attachment:image.png)\n\n![b](attachment:bad.png) ![m](attachment:missing.png) ![d](attachment:doc.txt)',
      ctx,
    );
    const [file] = Object.keys(prepared.images);
    expect(file).toMatch(new RegExp(`^${ctx.imagesDir}/[0-9a-f]{64}\\.png$`));
    expect(fs.existsSync(file ?? '')).toBe(true);
    expect(prepared.markdown.split('\n')[0]).toBe(`![chart](${file})`);
    expect(prepared.problems).toEqual([
      'image "attachment:bad.png": the attachment\'s image/png data is not valid base64, so it is no image; paste the image into the cell again in Jupyter and save the notebook',
      'image "attachment:missing.png": the cell holds no attachment by that name; paste the image into the cell again in Jupyter and save the notebook',
      'image "attachment:doc.txt": the attachment is not an image Casefolio publishes (it holds text/plain); attach a PNG, JPEG, GIF, WebP or SVG',
    ]);
  });
});

describe('formulaProblems', () => {
  it('reads the formulas of Markdown as the page renders it', () => {
    expect(formulaProblems('$$\n\\alpha + \\betaa\n$$')).toEqual([
      'math: $$ \\alpha + \\betaa $$: unknown command \\betaa (did you mean \\beta?)',
    ]);
    expect(formulaProblems('$\\displaystyle \\alpha + \\beta$ costs $5')).toEqual([]);
  });
});
