import fs from 'node:fs';
import { projectRoot } from '../../helpers/build.ts';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  chosenMime,
  displaySize,
  latexAsMarkdown,
  MAX_OUTPUT_CHARS,
  MAX_OUTPUT_LINES,
  outputAlt,
  prepareOutputs,
  truncateOutput,
} from '../../../src/notebooks/outputs.ts';
import type { CodeCell } from '../../../src/schemas/notebook.ts';
import { code, display, error, notebook, PNG_1X1, result, stream, tempDir } from './notebooks.ts';

function outputsOf(...outputs: Record<string, unknown>[]) {
  const cell = notebook([code('x', 1, outputs)]).cells[0] as CodeCell;
  const dir = tempDir();
  return prepareOutputs(cell.outputs, {
    notebookFile: path.join(dir, 'a.ipynb'),
    contentDir: dir,
    imagesDir: path.join(dir, 'images'),
    alt: 'Alt',
    caption: 'Cap',
  });
}

describe('chosenMime', () => {
  it('prefers an image, then HTML, Markdown, LaTeX and plain text', () => {
    expect(chosenMime({ 'text/plain': 'a', 'text/html': '<b>', 'image/png': 'x' })).toBe(
      'image/png',
    );
    expect(chosenMime({ 'image/svg+xml': '<svg/>', 'image/jpeg': 'x' })).toBe('image/jpeg');
    expect(chosenMime({ 'text/plain': 'a', 'text/latex': '$x$', 'text/markdown': '*x*' })).toBe(
      'text/markdown',
    );
    expect(chosenMime({ 'application/json': {} })).toBeUndefined();
  });

  it('never shows a program: Plotly, Vega, widgets and JavaScript fall back to an image or plain text', () => {
    expect(
      chosenMime({
        'application/vnd.plotly.v1+json': {},
        'text/html': '<script>Plotly.newPlot()</script>',
        'text/plain': 'Figure',
      }),
    ).toBe('text/plain');
    expect(
      chosenMime({
        'application/vnd.vegalite.v5+json': {},
        'image/png': 'x',
        'text/html': '<div>',
      }),
    ).toBe('image/png');
    expect(
      chosenMime({ 'application/vnd.jupyter.widget-view+json': {}, 'text/html': '<div>' }),
    ).toBeUndefined();
    expect(
      chosenMime({ 'application/javascript': 'alert(1)', 'text/html': '<div>' }),
    ).toBeUndefined();
    // A pandas table with its table schema is a table, not a program.
    expect(chosenMime({ 'application/vnd.dataresource+json': {}, 'text/html': '<table>' })).toBe(
      'text/html',
    );
  });
});

describe('truncateOutput', () => {
  it(`keeps the first ${MAX_OUTPUT_LINES} lines and counts the rest`, () => {
    const text = Array.from({ length: 250 }, (_, i) => `epoch ${i}`).join('\n') + '\n';
    const cut = truncateOutput(text);
    expect(cut.text.split('\n')).toHaveLength(MAX_OUTPUT_LINES);
    expect(cut.text.endsWith('epoch 99')).toBe(true);
    expect(cut.omittedLines).toBe(150);
    expect(truncateOutput('short\n')).toEqual({ text: 'short\n', omittedLines: 0 });
  });

  it('cuts an enormous line and counts it', () => {
    const cut = truncateOutput(`a\n${'x'.repeat(50_000)}\nb`);
    expect(cut.text.length).toBeLessThanOrEqual(MAX_OUTPUT_CHARS + 1);
    expect(cut.omittedLines).toBe(2);
  });
});

describe('prepareOutputs', () => {
  it('reduces each output to one representation', () => {
    const { views, problems } = outputsOf(
      stream('loading '),
      stream(['done\n']),
      stream('careful\n', 'stderr'),
      result({
        'text/plain': "{'accuracy': 0.98}",
        'text/html': '<table onclick="x"><tr><td>1</td></tr></table>',
      }),
      display({ 'image/png': PNG_1X1, 'text/plain': '<Figure size 640x480>' }),
      display({ 'text/latex': '$$x^2$$', 'text/plain': 'x**2' }),
      display({ 'text/plain': '\u001b[1mbold\u001b[0m' }),
      error(['\u001b[0;31mValueError\u001b[0m: bad']),
      display({ 'application/vnd.jupyter.widget-view+json': { model_id: 'x' } }),
    );
    expect(problems).toEqual([]);
    expect(views).toEqual([
      { kind: 'ansi', html: 'loading done\n', stream: 'stdout', omittedLines: 0 },
      { kind: 'ansi', html: 'careful\n', stream: 'stderr', omittedLines: 0 },
      { kind: 'html', html: '<table><tbody><tr><td>1</td></tr></tbody></table>' },
      {
        kind: 'image',
        image: expect.objectContaining({ mime: 'image/png', width: 1, height: 1 }),
        alt: 'Alt',
        caption: 'Cap',
      },
      { kind: 'latex', tex: '$$x^2$$' },
      { kind: 'text', text: 'bold' },
      {
        kind: 'ansi',
        html: '<span class="ansi-red-fg">ValueError</span>: bad',
        stream: 'error',
        omittedLines: 0,
      },
    ]);
  });

  it('names the output of an image it refuses', () => {
    const { views, problems } = outputsOf(stream('x'), display({ 'image/jpeg': PNG_1X1 }));
    expect(views).toHaveLength(1);
    expect(problems).toEqual([
      'output 2: its image/jpeg data is not a JPEG image: its bytes are a PNG; re-run the cell and save the notebook, or hide the output (tag the cell remove-output)',
    ]);
  });

  it('renders text/markdown outputs through the Markdown transform', () => {
    const { views, warnings, unlinked } = outputsOf(
      display({ 'text/markdown': '# Result\n[more](report.html)' }),
    );
    expect(views).toEqual([{ kind: 'markdown', markdown: '### Result\n\nmore' }]);
    expect(warnings).toEqual([]);
    expect(unlinked).toEqual(['report.html']);
  });
});

describe('math in outputs', () => {
  it('refuses a text/markdown formula that does not render, as in a Markdown cell', () => {
    const { problems, warnings } = outputsOf(
      display({ 'text/markdown': 'AUC $\\hatt{a}$, costs $5 and $10' }),
    );
    expect(problems).toEqual([
      'output 1: math: $\\hatt{a}$: unknown command \\hatt (did you mean \\hat?)',
    ]);
    expect(warnings).toEqual([]);
  });

  it('warns about a text/latex formula that does not render: the page shows it as code', () => {
    const { views, problems, warnings } = outputsOf(
      result({ 'text/latex': '$\\displaystyle \\alpha + \\beta$', 'text/plain': 'a + b' }),
      result({ 'text/latex': '\\mathbbb{R}^n', 'text/plain': 'R**n' }),
    );
    expect(problems).toEqual([]);
    expect(warnings).toEqual([
      'output 2: math: $$ \\mathbbb{R}^n $$: unknown command \\mathbbb (did you mean \\mathbb?); the page shows this LaTeX output as code; change the TeX the cell writes and run it again, or hide the output (tag the cell remove-output)',
    ]);
    expect(views).toEqual([
      { kind: 'latex', tex: '$\\displaystyle \\alpha + \\beta$' },
      { kind: 'latex', tex: '\\mathbbb{R}^n' },
    ]);
  });

  it('reads text/latex as display math unless it brings its own delimiters', () => {
    expect(latexAsMarkdown(' \\frac{1}{2} ')).toBe('$$\n\\frac{1}{2}\n$$');
    expect(latexAsMarkdown('$x^2$')).toBe('$x^2$');
  });
});

describe('outputAlt', () => {
  const cell = (source: string, count: number | null = 12, id = 'abc') =>
    notebook([code(source, count, [], { id })]).cells[0] as CodeCell;

  it('takes the alt prop by label, id or execution count, else fig-alt, else fig-cap', () => {
    expect(outputAlt(cell('#| fig-alt: A\n#| fig-cap: C\nx'), { 12: 'P' })).toBe('P');
    expect(outputAlt(cell('#| fig-alt: A\n#| fig-cap: C\nx'), { 13: 'P' })).toBe('A');
    expect(outputAlt(cell('#| fig-cap: C\nx'), {})).toBe('C');
    expect(outputAlt(cell('#| label: roc\nx'), { roc: 'R', 12: 'P' })).toBe('R');
    expect(outputAlt(cell('x'), { abc: 'I', 12: 'P' })).toBe('I');
    expect(outputAlt(cell('x'), { 12: 'P' })).toBe('P');
    expect(outputAlt(cell('x', null), { 12: 'P' })).toBe('');
  });
});

describe('displaySize', () => {
  const image = { width: 1137, height: 868 };

  it('takes the size Jupyter shows a retina figure at, from the output metadata', () => {
    expect(displaySize({ 'image/png': { width: 568, height: 434 } }, 'image/png', image)).toEqual({
      width: 568,
      height: 434,
    });
    // The height follows the image's shape when the metadata leaves it out.
    expect(displaySize({ 'image/png': { width: 568 } }, 'image/png', image)).toEqual({
      width: 568,
      height: 434,
    });
  });

  it('ignores a size that would blur or distort the image, or is not a size', () => {
    for (const metadata of [
      {},
      { 'image/png': { width: 2274, height: 1736 } },
      { 'image/png': { width: 1137 } },
      { 'image/png': { width: 568, height: 100 } },
      { 'image/png': { width: '568' } },
      { 'image/png': { width: 0 } },
      { 'image/png': { width: 56.5 } },
      { 'image/jpeg': { width: 568 } },
      null,
    ]) {
      expect(displaySize(metadata, 'image/png', image)).toBeUndefined();
    }
  });

  it('puts it on the image view of a retina figure IPython saved', () => {
    // A 2x2-inch figure at 144 dpi, as `figure_format = 'retina'` saves it: 288x216 pixels, shown at 144x108.
    const retina = fs
      .readFileSync(path.join(projectRoot, 'tests/fixtures/notebooks/retina-figure.png'))
      .toString('base64');
    const cell = notebook([
      code('plot()', 1, [
        {
          output_type: 'display_data',
          data: { 'image/png': retina, 'text/plain': '<Figure>' },
          metadata: { 'image/png': { width: 144, height: 108 } },
        },
      ]),
    ]).cells[0] as CodeCell;
    const dir = tempDir();
    const { views } = prepareOutputs(cell.outputs, {
      notebookFile: path.join(dir, 'a.ipynb'),
      contentDir: dir,
      imagesDir: path.join(dir, 'images'),
      alt: 'A line',
    });
    expect(views).toMatchObject([
      { kind: 'image', image: { width: 288, height: 216 }, display: { width: 144, height: 108 } },
    ]);
  });
});
