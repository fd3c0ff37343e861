import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { notebookLanguage, prepareNotebook } from '../../../src/notebooks/prepare.ts';
import { readNotebook } from '../../../src/notebooks/read.ts';
import type { NotebookSelection } from '../../../src/notebooks/view.ts';
import type { Notebook } from '../../../src/schemas/notebook.ts';
import {
  code,
  display,
  markdown,
  notebook,
  PNG_1X1,
  result,
  SHARED_NOTEBOOK,
  stream,
  tempDir,
} from './notebooks.ts';

const ALL: NotebookSelection = { input: true, outputs: true, alt: {} };

function prepare(nb: Notebook, selection: Partial<NotebookSelection> = {}) {
  const contentDir = tempDir();
  const imagesDir = path.join(tempDir(), 'images');
  const prepared = prepareNotebook(
    nb,
    { ...ALL, ...selection },
    { notebookFile: path.join(contentDir, 'analysis.ipynb'), contentDir, imagesDir },
  );
  return { ...prepared, imagesDir };
}

describe('prepareNotebook on a notebook run by nbclient', () => {
  const read = readNotebook(SHARED_NOTEBOOK);
  if (!read.ok) throw new Error(read.message);

  it('shows every cell: Markdown demoted, code, the stream, the table, the figure as a file, the value, the traceback', () => {
    const { view, problems, warnings, imagesDir } = prepare(read.notebook, {
      alt: { 3: 'ROC curve' },
    });
    expect(problems).toEqual([]);
    expect(warnings).toEqual([]);
    expect(view.language).toBe('python');
    expect(view.cells.map((cell) => cell.kind)).toEqual([
      'markdown',
      'code',
      'code',
      'code',
      'code',
      'code',
    ]);
    const [intro, fit, table, figure, value, failure] = view.cells;
    expect(intro).toMatchObject({
      kind: 'markdown',
      markdown: expect.stringMatching(/^### Breast cancer classifier\n/),
    });
    expect(fit).toMatchObject({
      kind: 'code',
      index: 1,
      label: '7c51cbf4',
      executionCount: 1,
      outputs: [{ kind: 'ansi', html: 'train 426 test 143\n', stream: 'stdout', omittedLines: 0 }],
    });
    const html = table?.kind === 'code' ? table.outputs?.[0] : undefined;
    expect(html).toMatchObject({
      kind: 'html',
      html: expect.stringContaining('<th>macro avg</th>'),
    });
    expect(html?.kind === 'html' && html.html).not.toMatch(/style|class=|border/);
    expect(figure).toMatchObject({
      kind: 'code',
      source: expect.stringMatching(/^%matplotlib inline\n/),
      outputs: [
        { kind: 'image', alt: 'ROC curve', image: { mime: 'image/png', width: 185, height: 177 } },
      ],
    });
    const image = figure?.kind === 'code' ? figure.outputs?.[0] : undefined;
    expect(image?.kind === 'image' && path.dirname(image.image.file)).toBe(imagesDir);
    expect(value).toMatchObject({ outputs: [{ kind: 'text', text: '0.986013986013986' }] });
    expect(failure).toMatchObject({
      outputs: [
        {
          kind: 'ansi',
          stream: 'error',
          html: expect.stringContaining(
            '<span class="ansi-red-fg">ValueError</span>: example error output',
          ),
        },
      ],
    });
  });

  it('shows only the chosen cells and parts', () => {
    const { view } = prepare(read.notebook, { cells: [3, '5fafc78f'], input: false });
    expect(view.cells).toEqual([
      expect.objectContaining({
        index: 3,
        outputs: [expect.objectContaining({ kind: 'image', alt: '' })],
      }),
      {
        kind: 'code',
        index: 4,
        label: '5fafc78f',
        executionCount: 4,
        outputs: [{ kind: 'text', text: '0.986013986013986' }],
      },
    ]);
    const { view: codeOnly } = prepare(read.notebook, { cells: [4], outputs: false });
    expect(codeOnly.cells).toEqual([
      { kind: 'code', index: 4, label: '5fafc78f', executionCount: 4, source: "rep['accuracy']" },
    ]);
  });
});

describe('prepareNotebook', () => {
  it('strips option lines, takes the label, alt and caption from them, and honours the tags', () => {
    const nb = notebook([
      code('#| label: roc\n#| fig-cap: The ROC curve\n\nplot()', 7, [
        display({ 'image/png': PNG_1X1 }),
      ]),
      code('secret_setup()', 8, [stream('x')], { metadata: { tags: ['remove-input'] } }),
      code('noisy()', 9, [stream('x')], { metadata: { tags: ['remove-output'] } }),
      code('hidden()', 10, [stream('x')], { metadata: { tags: ['remove-cell'] } }),
      code('', null),
    ]);
    const { view } = prepare(nb);
    expect(view.cells).toEqual([
      {
        kind: 'code',
        index: 0,
        label: 'roc',
        executionCount: 7,
        source: 'plot()',
        outputs: [
          {
            kind: 'image',
            image: expect.any(Object),
            alt: 'The ROC curve',
            caption: 'The ROC curve',
          },
        ],
      },
      {
        kind: 'code',
        index: 1,
        executionCount: 8,
        outputs: [expect.objectContaining({ html: 'x' })],
      },
      { kind: 'code', index: 2, executionCount: 9, source: 'noisy()' },
    ]);
  });

  it('names the notebook and the cell in every problem and warning, all in one run', () => {
    const nb = notebook([
      markdown('See [the data](data.csv) and ![fig](figs/missing.png)'),
      code('#| label: fig\nplot()', 3, [display({ 'image/png': 'not base64!' })]),
      code('x', 4, [result({ 'image/jpeg': PNG_1X1 })]),
    ]);
    const { problems, warnings } = prepare(nb, { cells: ['fig', 4, 'fgi', 1] });
    expect(problems).toEqual([
      expect.stringMatching(
        /^analysis\.ipynb: no cell "fgi" in the notebook \(did you mean "fig"\?\); it has labels "fig" and execution counts 3-4;/,
      ),
      expect.stringMatching(/^analysis\.ipynb: no cell ran as In \[1\] in the notebook;/),
      'analysis.ipynb, cell "fig": output 1: its image/png data is not valid base64, so it is no image; re-run the cell and save the notebook, or hide the output (tag the cell remove-output)',
      'analysis.ipynb, In [4] (the 3rd cell): output 1: its image/jpeg data is not a JPEG image: its bytes are a PNG; re-run the cell and save the notebook, or hide the output (tag the cell remove-output)',
    ]);
    expect(warnings).toEqual([]);
    const all = prepare(nb);
    expect(all.problems[0]).toBe(
      'analysis.ipynb, the 1st cell: image: file not found: "figs/missing.png"; images a notebook\'s Markdown shows must be beside the notebook, inside content/',
    );
    expect(all.warnings).toEqual([
      'analysis.ipynb: a link to a file beside the notebook is shown as plain text ("data.csv" in the 1st cell): the site publishes the notebook\'s cells, not the files beside them; leaving them as text is fine, or point a link at a published copy with a full address (https://github.com/... or https://nbviewer.org/...) to keep it',
    ]);
  });

  it('warns once for all the links to files beside the notebook, listing the first three', () => {
    const nb = notebook([
      markdown('< [Previous](05.02.ipynb) | [Contents](Index.ipynb) | [Next](05.04.ipynb) >'),
      code('x', 1, [display({ 'text/markdown': 'See [data](data.csv)' })]),
      markdown('< [Previous](05.02.ipynb) | [Contents](Index.ipynb) >'),
    ]);
    expect(prepare(nb).warnings).toEqual([
      'analysis.ipynb: 6 links to files beside the notebook are shown as plain text ("05.02.ipynb" in the 1st cell, "Index.ipynb" in the 1st cell, "05.04.ipynb" in the 1st cell and 3 more): the site publishes the notebook\'s cells, not the files beside them; leaving them as text is fine, or point a link at a published copy with a full address (https://github.com/... or https://nbviewer.org/...) to keep it',
    ]);
  });

  it('names the notebook and the cell of a formula that does not render', () => {
    const nb = notebook([
      markdown('# Method\n\nA review costs $5 and a miss $180.'),
      markdown('The loss is $\\fracc{1}{1 + e^{-z}}$.'),
      code('#| label: eq\nMath(r"\\sigmaa")', 2, [result({ 'text/latex': '$\\sigmaa$' }, 2)]),
    ]);
    const { problems, warnings } = prepare(nb);
    expect(problems).toEqual([
      'analysis.ipynb, the 2nd cell: math: $\\fracc{1}{1 + e^{-z}}$: unknown command \\fracc (did you mean \\frac?)',
    ]);
    expect(warnings).toEqual([
      expect.stringMatching(
        /^analysis\.ipynb, cell "eq": output 1: math: \$\\sigmaa\$: unknown command \\sigmaa \(did you mean \\sigma\?\); the page shows this LaTeX output as code;/,
      ),
    ]);
  });

  it('checks every alt key: one naming no cell stops the build, one for a cell without a shown figure is a warning', () => {
    const nb = notebook([
      markdown('# Derived features'),
      code('plt.scatter(x, y)', 10, [display({ 'image/png': PNG_1X1 })]),
      code('print(X2)', 12, [stream('[[1. 1. 1.]]')]),
      code('plt.plot(x, yfit)', 13, [display({ 'image/png': PNG_1X1 })]),
    ]);
    // Keyed by the place a message gives ("In [13] (the 4th cell)"), not by In [13]; and a label typo.
    const { problems, warnings, view } = prepare(nb, {
      cells: [10, 12],
      alt: { 10: 'Five scattered points', 4: 'A cubic fit', rco: 'ROC', 12: 'Printed', 13: 'Fit' },
    });
    expect(problems).toEqual([
      'analysis.ipynb: alt={{ 4: … }}: no cell ran as In [4] in the notebook; it has execution counts 10, 12-13 but no #| label: lines; write one of these, or add a line "#| label: NAME" at the top of the cell you mean',
      'analysis.ipynb: alt={{ "rco": … }}: no cell "rco" in the notebook; it has execution counts 10, 12-13 but no #| label: lines; write one of these, or add a line "#| label: NAME" at the top of the cell you mean',
    ]);
    expect(warnings).toEqual([
      'analysis.ipynb: alt={{ 12: … }} is for In [12] (the 3rd cell), which shows no figure here; remove it from alt, or key it by the cell of the figure',
      'analysis.ipynb: alt={{ 13: … }} is for In [13] (the 4th cell), which this <Notebook> does not show; remove it from alt, or add 13 to cells',
    ]);
    expect(view.cells[0]).toMatchObject({
      outputs: [expect.objectContaining({ alt: 'Five scattered points' })],
    });
    // Every key right: nothing to say.
    expect(prepare(nb, { alt: { 10: 'Points', 13: 'Fit' } })).toMatchObject({
      problems: [],
      warnings: [],
    });
  });

  it('leaves no active markup from a hostile notebook in anything a page renders', () => {
    const hostileSvg =
      '<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4" onload="alert(1)"><script>alert(2)</script><a href="javascript:alert(3)"><rect width="1" height="1"/></a></svg>';
    const nb = notebook([
      markdown('# Hi <b>there</b>'),
      code('x', 1, [
        display({
          'text/html':
            '<script>alert(1)</script><img src=x onerror=alert(1)><a href="javascript:alert(1)">x</a><table><tr><td onmouseover="alert(1)">1</td></tr></table>',
        }),
        display({ 'image/svg+xml': hostileSvg }),
        display({ 'application/javascript': 'alert(1)', 'text/html': '<script>alert(1)</script>' }),
        display({
          'application/vnd.plotly.v1+json': {},
          'text/html': '<div id="p"></div><script>Plotly.newPlot("p")</script>',
          'text/plain': 'Figure()',
        }),
        stream(
          '\u001b]8;;javascript:alert(1)\u0007click\u001b]8;;\u0007 <script>alert(1)</script>\n',
        ),
        display({
          'text/markdown': '[x](javascript:alert(1)) <iframe src="https://evil.example"></iframe>',
        }),
      ]),
    ]);
    const { view, problems, imagesDir } = prepare(nb, { alt: { 1: 'Alt' } });
    const rendered = JSON.stringify(
      view.cells
        .flatMap((cell) => (cell.kind === 'code' ? (cell.outputs ?? []) : []))
        .filter((output) => output.kind !== 'markdown'),
    );
    expect(rendered).not.toMatch(/<script|onerror|onload|onmouseover|javascript:|<iframe/i);
    expect(rendered).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    for (const file of fs.readdirSync(imagesDir)) {
      expect(fs.readFileSync(path.join(imagesDir, file), 'utf8')).not.toMatch(
        /script|onload|javascript/,
      );
    }
    // The Markdown output's dangers are problems that stop the build.
    expect(problems).toEqual([
      expect.stringMatching(
        /^analysis\.ipynb, In \[1\] \(the 2nd cell\): output 6: link "x": only https, http, mailto/,
      ),
      expect.stringMatching(
        /^analysis\.ipynb, In \[1\] \(the 2nd cell\): output 6: <iframe>: not allowed/,
      ),
    ]);
  });
});

describe('notebookLanguage', () => {
  it("takes the kernel's language, else language_info's, else Python", () => {
    expect(
      notebookLanguage(
        notebook([], { kernelspec: { name: 'ir', display_name: 'R', language: 'R' } }),
      ),
    ).toBe('r');
    expect(notebookLanguage(notebook([], { language_info: { name: 'julia' } }))).toBe('julia');
    expect(notebookLanguage(notebook([]))).toBe('python');
  });
});
