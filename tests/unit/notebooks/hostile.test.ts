import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { MAX_MARKUP_DEPTH } from '../../../src/notebooks/nesting.ts';
import { lintNotebook } from '../../../src/notebooks/lints.ts';
import { prepareNotebook } from '../../../src/notebooks/prepare.ts';
import type { NotebookSelection } from '../../../src/notebooks/view.ts';
import type { Notebook } from '../../../src/schemas/notebook.ts';
import { code, display, markdown, notebook, PNG_1X1, tempDir } from './notebooks.ts';

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
      `deep.ipynb, In [1] (the 1st cell): output 1: its text/html ${TOO_DEEP} (elements, quotes or lists inside one another), the limit; a table or a figure nests a few levels; hide the output (tag the cell remove-output)`,
      expect.stringMatching(
        /^deep\.ipynb, In \[1\] \(the 1st cell\): output 2: its text\/html nests/,
      ),
      expect.stringMatching(
        /^deep\.ipynb, In \[1\] \(the 1st cell\): output 3: its image\/svg\+xml data nests more than 100 levels deep .*; re-run the cell/,
      ),
      expect.stringMatching(
        /^deep\.ipynb, In \[1\] \(the 1st cell\): output 5: its text\/latex nests/,
      ),
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
      ['1st', '2nd', '3rd', '4th', '5th', '6th', '7th'].map(
        (cell) =>
          `deep.ipynb, the ${cell} cell: the Markdown ${TOO_DEEP} (elements, quotes or lists inside one another), the limit; a table or a figure nests a few levels; flatten it`,
      ),
    );
  });
});

/** A PNG that says it is `width` × `height` pixels (image data of one row, as a bomb keeps small). */
function pngOfSize(width: number, height: number): string {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(zlib.crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([1, 0, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(Buffer.alloc(1 + Math.ceil(width / 8)))),
    chunk('IEND', Buffer.alloc(0)),
  ]).toString('base64');
}

describe('an image whose pixels would not fit in memory (a decompression bomb)', () => {
  it('is a problem naming the output, its size and the fix, whatever its metadata says', () => {
    const { problems, view } = prepare(
      notebook([
        code('#| fig-alt: A huge figure\nshow()', 1, [
          {
            ...display({ 'image/png': pngOfSize(20_000, 20_000) }),
            metadata: { 'image/png': { width: 10, height: 10 } },
          },
          display({ 'image/png': pngOfSize(4_000, 3_000) }),
        ]),
      ]),
    );
    expect(problems).toEqual([
      "deep.ipynb, In [1] (the 1st cell): output 1: its image/png data is a PNG of 20000 × 20000 pixels, more than the 268 megapixels Astro's image pipeline reads (the page would get it unresized, for every reader to decode): save the figure smaller or at a lower dpi; re-run the cell and save the notebook, or hide the output (tag the cell remove-output)",
    ]);
    expect(view.cells[0]).toMatchObject({
      outputs: [{ kind: 'image', image: { width: 4000, height: 3000 } }],
    });
  });
});

describe('attachment names that are no attachment of the cell', () => {
  it('names an Object property (`__proto__`, `constructor`) as missing, not as an attachment that holds nothing', () => {
    const { problems } = prepare(
      notebook([
        markdown(
          '![a](attachment:__proto__) ![b](attachment:constructor) ![c](attachment:toString)',
          {
            attachments: {},
          },
        ),
      ]),
    );
    expect(problems).toEqual(
      ['__proto__', 'constructor', 'toString'].map(
        (name) =>
          `deep.ipynb, the 1st cell: image "attachment:${name}": the cell holds no attachment by that name; paste the image into the cell again in Jupyter and save the notebook`,
      ),
    );
  });
});

describe('labels and ids that are names of every object', () => {
  it('are cells like any other: a figure labelled `constructor` has no alt text, rather than a crash', () => {
    const nb = notebook([
      code('#| label: constructor\nshow()', 1, [display({ 'image/png': PNG_1X1 })]),
      code('show()', 2, [display({ 'image/png': PNG_1X1 })], { id: 'toString' }),
      code('#| label: hasOwnProperty\n#| fig-alt: A curve\nshow()', 3, [
        display({ 'image/png': PNG_1X1 }),
      ]),
    ]);
    const { view } = prepare(nb);
    expect(
      view.cells.map((cell) => (cell.kind === 'code' ? cell.outputs?.[0] : undefined)),
    ).toMatchObject([
      { kind: 'image', alt: '' },
      { kind: 'image', alt: '' },
      { kind: 'image', alt: 'A curve' },
    ]);
    expect(lintNotebook(nb, ALL).map((finding) => finding.message.split(':')[0])).toEqual([
      'cell "constructor"',
      'In [2] (the 2nd cell)',
    ]);
  });
});

describe('an SVG beside the notebook, which the site publishes as it is', () => {
  it('is refused when it holds what would run or load when opened on its own, naming it', () => {
    const contentDir = tempDir();
    const write = (name: string, svg: string) =>
      fs.writeFileSync(
        path.join(contentDir, name),
        `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="10" height="10">${svg}</svg>`,
      );
    write(
      'scripted.svg',
      '<script>alert(1)</script><rect onclick="alert(1)" width="1" height="1"/>',
    );
    write(
      'tracking.svg',
      '<image href="https://evil.example/pixel.png"/><style>g{fill:u\\72l(https://evil.example/x)}</style>',
    );
    write(
      'inkscape.svg',
      '<metadata><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"/></metadata><sodipodi:namedview xmlns:sodipodi="http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd"/><a href="https://example.org"><text>site</text></a><use xlink:href="#r"/><rect id="r" style="fill: url(#g)" width="1" height="1"/>',
    );
    const { problems, view } = prepareNotebook(
      notebook([markdown('![a](scripted.svg) ![b](tracking.svg) ![c](inkscape.svg)')]),
      ALL,
      {
        notebookFile: path.join(contentDir, 'figures.ipynb'),
        contentDir,
        imagesDir: path.join(tempDir(), 'images'),
      },
    );
    const fix =
      'which would run or load when the file is opened on its own; export the figure again without it, or as a PNG';
    expect(problems).toEqual([
      `figures.ipynb, the 1st cell: image "scripted.svg" is an SVG holding a <script> and an onclick handler, ${fix}`,
      `figures.ipynb, the 1st cell: image "tracking.svg" is an SVG holding an address outside the file (https://evil.example/pixel.png) and CSS that loads from elsewhere, ${fix}`,
    ]);
    expect(view.cells[0]).toMatchObject({ images: { 'inkscape.svg': { mime: 'image/svg+xml' } } });
  });
});

describe('long runs of one character', () => {
  it('are read in time that grows with their length: a style, a tag name, a Markdown cell, an address', () => {
    const run = 'a'.repeat(100_000);
    const started = performance.now();
    const { problems } = prepare(
      notebook([
        markdown(`<${run}`),
        markdown(`<a href="a${' '.repeat(100_000)}b">spaced</a>`),
        code('show()', 1, [
          display({ 'image/svg+xml': `<svg width="1" height="1"><style>${run}</style></svg>` }),
          display({ 'text/html': `<${run}` }),
        ]),
      ]),
    );
    expect(performance.now() - started).toBeLessThan(3_000);
    expect(problems).toEqual([]);
  });
});
