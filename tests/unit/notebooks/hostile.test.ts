import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_MARKUP_DEPTH } from '../../../src/notebooks/nesting.ts';
import { prepareNotebook } from '../../../src/notebooks/prepare.ts';
import type { NotebookSelection } from '../../../src/notebooks/view.ts';
import type { Notebook } from '../../../src/schemas/notebook.ts';
import { code, display, markdown, notebook, tempDir } from './notebooks.ts';

/**
 * Notebooks written to break the check, as a hostile or careless author
 * would: each gives one-line problems naming the cell, never a throw, and
 * in a time that does not grow with the square of the input.
 */

const ALL: NotebookSelection = { input: true, outputs: true, alt: {} };

function prepare(nb: Notebook) {
  const contentDir = tempDir();
  return prepareNotebook(nb, ALL, {
    notebookFile: path.join(contentDir, 'deep.ipynb'),
    contentDir,
    imagesDir: path.join(tempDir(), 'images'),
  });
}

const TOO_DEEP = `nests more than ${MAX_MARKUP_DEPTH} levels deep`;

describe('markup nested deeper than the parsers can walk', () => {
  it('is a problem naming the output, for text/html and SVG outputs', () => {
    const { problems } = prepare(
      notebook([
        code('show()', 1, [
          display({ 'text/html': '<div>'.repeat(50_000) + 'x' }),
          display({ 'text/html': '<table><tr><td>'.repeat(200) + 'x' }),
          display({ 'image/svg+xml': '<svg width="1" height="1">' + '<g>'.repeat(50_000) }),
          display({ 'text/html': '<div>'.repeat(20) + 'fine' }),
          display({ 'text/latex': '$x$ ' + '<span>'.repeat(50_000) }),
        ]),
      ]),
    );
    expect(problems).toEqual([
      `deep.ipynb, cell 1 (In [1]): output 1: its text/html ${TOO_DEEP} (elements, quotes or lists inside one another), the limit; a table or a figure nests a few levels; hide the output (tag the cell remove-output)`,
      expect.stringMatching(/^deep\.ipynb, cell 1 \(In \[1\]\): output 2: its text\/html nests/),
      expect.stringMatching(
        /^deep\.ipynb, cell 1 \(In \[1\]\): output 3: its image\/svg\+xml data nests more than 100 levels deep .*; re-run the cell/,
      ),
      expect.stringMatching(/^deep\.ipynb, cell 1 \(In \[1\]\): output 5: its text\/latex nests/),
    ]);
  });

  it('is a problem naming the cell, for Markdown nested by quotes, lists, brackets or HTML, found fast', () => {
    const started = performance.now();
    const { problems } = prepare(
      notebook([
        markdown('>'.repeat(100_000) + ' x'),
        markdown('- '.repeat(5_000) + 'x'),
        markdown(Array.from({ length: 2_000 }, (_, i) => `${' '.repeat(i * 2)}- x`).join('\n')),
        markdown('['.repeat(10_000) + 'x' + ']'.repeat(10_000) + '(https://example.org)'),
        markdown('*a '.repeat(2_000) + 'b' + ' c*'.repeat(2_000)),
        markdown('<div>\n\n'.repeat(5_000) + 'x'),
        markdown('<span>'.repeat(50_000) + 'x'),
        markdown('> quoted\n>\n> > twice\n\n- a\n  - b\n\n[link](https://example.org)'),
      ]),
    );
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(problems).toEqual(
      [1, 2, 3, 4, 5, 6, 7].map(
        (cell) =>
          `deep.ipynb, cell ${cell}: the Markdown ${TOO_DEEP} (elements, quotes or lists inside one another), the limit; a table or a figure nests a few levels; flatten it`,
      ),
    );
  });
});
