import { describe, expect, it } from 'vitest';
import type { NotebookView } from '../../../src/notebooks/view.ts';
import { notebookPropsSchema } from '../../../src/schemas/components.ts';
import { highlightNotebookCode, shikiLanguage } from '../../../src/site/notebook-code.ts';
import { nameNotebook } from '../../../src/site/notebook-names.ts';
import { withScopedHeaders } from '../../../src/site/notebook-tables.ts';
import {
  promptOf,
  renderNotebook,
  withoutTrailingBlankLines,
  type NotebookImages,
} from '../../../src/site/notebook-render.ts';

/** Images as a test sees them: the file's name for `<Image>`, fixed attributes inline. */
const images: NotebookImages<string> = {
  output: (file) => Promise.resolve(`image:${file}`),
  inline: (file) =>
    Promise.resolve({ src: `/_astro/${file.split('/').pop()}`, width: 10, height: 5 }),
};

const image = (file: string) => ({ file, mime: 'image/png' as const, width: 640, height: 480 });

const VIEW: NotebookView = {
  language: 'python',
  cells: [
    {
      kind: 'markdown',
      index: 0,
      markdown:
        '### Fit\n\nThe curve: ![ROC](attachment:roc.png) and ![gone](https://evil.example/x.png)',
      images: { 'attachment:roc.png': image('/cache/ab12.png') },
    },
    {
      kind: 'code',
      index: 1,
      label: 'fit',
      executionCount: 12,
      source: '%matplotlib inline\nmodel.fit(X, y)',
      outputs: [
        {
          kind: 'ansi',
          html: '<span class="ansi-green-fg">ok</span>',
          stream: 'stdout',
          omittedLines: 3,
        },
        { kind: 'ansi', html: 'Traceback', stream: 'error', omittedLines: 1 },
        { kind: 'image', image: image('/cache/cd34.png'), alt: 'ROC curve', caption: 'AUC 0.91' },
        { kind: 'html', html: '<table><tr><td>1</td></tr></table>' },
        {
          kind: 'markdown',
          markdown: '**bold** <script>alert(1)</script> ![chart](chart.png)',
          images: { 'chart.png': image('/cache/ef56.png') },
        },
        { kind: 'latex', tex: '\\alpha + 1' },
        { kind: 'text', text: '<b>not markup</b>' },
      ],
    },
    { kind: 'code', index: 2, executionCount: null, outputs: [] },
  ],
};

describe('renderNotebook', () => {
  it('renders markdown cells with their own images and no others', async () => {
    const [markdown] = (await renderNotebook(VIEW, images, 'analysis.ipynb')).cells;
    expect(markdown).toEqual({
      kind: 'markdown',
      html: '<h3>Fit</h3>\n<p>The curve: <img src="/_astro/ab12.png" alt="ROC" width="10" height="5" loading="lazy" decoding="async"> and </p>',
    });
  });

  it('renders a code cell: its prompt, its highlighted code, its outputs below', async () => {
    const [, code] = (await renderNotebook(VIEW, images, 'analysis.ipynb')).cells;
    if (code?.kind !== 'code') throw new Error('expected a code cell');
    expect(code.prompt).toBe('In [12]:');
    expect(code.outputName).toBe('Output of In [12] in analysis.ipynb');
    expect(code.code).toBe(
      await highlightNotebookCode('%matplotlib inline\nmodel.fit(X, y)', 'python'),
    );
    expect(code.outputs).toEqual([
      {
        kind: 'ansi',
        html: '<span class="ansi-green-fg">ok</span>',
        error: false,
        omitted: '3 more lines not shown',
      },
      { kind: 'ansi', html: 'Traceback', error: true, omitted: '1 more line not shown' },
      { kind: 'image', image: 'image:/cache/cd34.png', alt: 'ROC curve', caption: 'AUC 0.91' },
      { kind: 'html', html: '<table><tr><td>1</td></tr></table>' },
      {
        kind: 'rendered',
        html: '<p><strong>bold</strong>  <img src="/_astro/ef56.png" alt="chart" width="10" height="5" loading="lazy" decoding="async"></p>',
      },
      {
        kind: 'rendered',
        html: expect.stringMatching(
          /^<div class="math-display" tabindex="0"><math display="block".*<mi>α<\/mi>/,
        ),
      },
      { kind: 'text', text: '<b>not markup</b>' },
    ]);
  });

  it('leaves out hidden code, and gives a cell that never ran an empty prompt', async () => {
    const [, , hidden] = (await renderNotebook(VIEW, images, 'analysis.ipynb')).cells;
    expect(hidden).toEqual({
      kind: 'code',
      prompt: 'In [ ]:',
      outputName: 'Output of In [ ] in analysis.ipynb',
      outputs: [],
    });
  });
});

describe('prompts', () => {
  it("writes Jupyter's prompt", () => {
    expect(promptOf(3)).toBe('In [3]:');
    expect(promptOf(null)).toBe('In [ ]:');
  });
});

describe('code cells', () => {
  it('are highlighted with the site theme, as classes code.css colours', async () => {
    expect(await highlightNotebookCode('import numpy as np', 'python')).toBe(
      '<pre class="astro-code css-variables" style="overflow-x:auto" tabindex="0" data-language="python"><code><span class="line"><span class="code-token-keyword">import</span><span class="code-foreground"> numpy </span><span class="code-token-keyword">as</span><span class="code-foreground"> np</span></span></code></pre>',
    );
  });

  it("show IPython's magics and shell commands as commands, not broken Python", async () => {
    const html = await highlightNotebookCode(
      '%matplotlib inline\n%%time\n  !pip install -q scikit-learn\nx = 1 % 2',
      'python',
    );
    expect(html).toContain(
      '<span class="line"><span class="code-token-function">%matplotlib</span> inline</span>',
    );
    expect(html).toContain(
      '<span class="line"><span class="code-token-function">%%time</span></span>',
    );
    expect(html).toContain(
      '<span class="line">  <span class="code-token-function">!pip</span> install -q scikit-learn</span>',
    );
    // A modulo inside a line is Python's.
    expect(html).toContain('<span class="code-token-keyword"> %</span>');
  });

  it("take the notebook's language when Shiki knows it, else plain text", () => {
    expect(shikiLanguage('python')).toBe('python');
    expect(shikiLanguage('R')).toBe('r');
    expect(shikiLanguage('Julia')).toBe('julia');
    expect(shikiLanguage('brainfog')).toBe('plaintext');
    expect(shikiLanguage('constructor')).toBe('plaintext');
  });
});

describe('tables', () => {
  it('get their header cells scoped: columns in the head or a row of headers, rows in the body', () => {
    expect(
      withScopedHeaders(
        '<table><thead><tr><th></th><th>recall</th></tr></thead><tbody><tr><th>benign</th><td>0.98</td></tr></tbody></table>',
      ),
    ).toBe(
      '<table><thead><tr><th scope="col"></th><th scope="col">recall</th></tr></thead><tbody><tr><th scope="row">benign</th><td>0.98</td></tr></tbody></table>',
    );
    expect(
      withScopedHeaders(
        '<table><tr><th>a</th><th scope="colgroup">b</th></tr><tr><td>1</td><td>2</td></tr></table>',
      ),
    ).toBe(
      '<table><tbody><tr><th scope="col">a</th><th scope="colgroup">b</th></tr><tr><td>1</td><td>2</td></tr></tbody></table>',
    );
    expect(withScopedHeaders('<p>no table</p>')).toBe('<p>no table</p>');
  });
});

describe('withoutTrailingBlankLines', () => {
  it('drops the blank lines that end a stream, inside its last spans too, and keeps the rest', () => {
    // print(classification_report(...)) prints a text that ends in a line break, and print adds one.
    expect(withoutTrailingBlankLines('  accuracy  0.98\n\n')).toBe('  accuracy  0.98');
    expect(withoutTrailingBlankLines('<span class="ansi-green-fg">ok\n \n</span></span>')).toBe(
      '<span class="ansi-green-fg">ok</span></span>',
    );
    expect(withoutTrailingBlankLines('\n\nfirst\n\nlast')).toBe('\n\nfirst\n\nlast');
    expect(withoutTrailingBlankLines('')).toBe('');
  });

  it('is applied to streams on the page', async () => {
    const view: NotebookView = {
      language: 'python',
      cells: [
        {
          kind: 'code',
          index: 0,
          executionCount: 1,
          outputs: [{ kind: 'ansi', html: 'report\n\n', stream: 'stdout', omittedLines: 0 }],
        },
      ],
    };
    const [cell] = (await renderNotebook(view, images, 'analysis.ipynb')).cells;
    expect(cell?.kind === 'code' && cell.outputs).toEqual([
      { kind: 'ansi', html: 'report', error: false },
    ]);
  });
});

describe('notebook names', () => {
  it('tell the page’s notebooks apart: by the cells they show, else by a count', () => {
    const taken = new Set<string>();
    const props = (extra: object) =>
      notebookPropsSchema.parse({ src: './nb/analysis.ipynb', ...extra });
    const whole = nameNotebook(props({}), taken);
    const some = nameNotebook(props({ cells: ['fit', 12] }), taken);
    const again = nameNotebook(props({}), taken);
    const one = nameNotebook(props({ cells: ['roc'] }), taken);
    expect(
      [whole, some, again, one].map(({ file, detail, label }) => ({ file, detail, label })),
    ).toEqual([
      { file: 'analysis.ipynb', detail: undefined, label: 'analysis.ipynb' },
      {
        file: 'analysis.ipynb',
        detail: 'cells "fit", 12',
        label: 'analysis.ipynb, cells "fit", 12',
      },
      { file: 'analysis.ipynb', detail: '(2)', label: 'analysis.ipynb (2)' },
      { file: 'analysis.ipynb', detail: 'cell "roc"', label: 'analysis.ipynb, cell "roc"' },
    ]);
    expect(new Set([whole.id, some.id, again.id, one.id]).size).toBe(4);
    // The same on every build.
    expect(nameNotebook(props({}), new Set()).id).toBe(whole.id);
  });
});
