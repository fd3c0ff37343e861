import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as cheerio from 'cheerio';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { prepareNotebook } from '../../src/notebooks/prepare.ts';
import type { NotebookView } from '../../src/notebooks/view.ts';
import { notebookSchema } from '../../src/schemas/notebook.ts';
import { renderNotebook, type NotebookImages } from '../../src/site/notebook-render.ts';
import { anyText, url } from './arbitraries.ts';
import { fuzzParameters } from './fuzz.ts';

/**
 * Notebooks: Markdown cells and outputs of every kind, built from hostile
 * fragments (scripts, handlers, frames, links of every scheme, CSS that
 * loads, terminal escapes, markup nested deep). `prepareNotebook` never
 * throws and words every problem on one line; what it lets through renders
 * (as the page renders it) to HTML with nothing active, and every SVG it
 * writes loads nothing from elsewhere.
 */

const root = mkdtempSync(path.join(os.tmpdir(), 'casefolio-fuzz-notebook-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Markup aimed at the page: each must be refused by the check or made inert on the page. */
const HOSTILE_MARKUP = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<svg onload=alert(1)><circle/></svg>',
  '<math href="javascript:alert(1)"><mi>x</mi></math>',
  '<a href="jav&#x09;ascript:alert(1)">a</a>',
  '<a href="https://example.org" onclick="alert(1)">b</a>',
  '<details open ontoggle=alert(1)><summary>s</summary></details>',
  '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
  '<object data="x"></object><embed src="x">',
  '<form action="https://evil.example"><input name="q"></form>',
  '<base href="https://evil.example/">',
  '<meta http-equiv="refresh" content="0;url=https://evil.example">',
  '<link rel="import" href="https://evil.example/x">',
  '<style>@import url(https://evil.example/a.css);</style>',
  '<p style="background:url(https://evil.example/t)">p</p>',
  '<table background="https://evil.example/t.png"><tr><td style="x">c</td></tr></table>',
  '<img srcset="javascript:alert(1) 1x, data:image/png;base64,AA 2x">',
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></p></noscript>',
  '<!-- <script>alert(1)</script> -->',
  '<div>',
  '</div>',
  '<abbr title="x&quot; onmouseover=alert(1)">a</abbr>',
  '<div id="main" class="hero">clobber</div>',
  '<a href="//evil.example/x">pr</a>',
];

const fragment: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_MARKUP) },
  { weight: 2, arbitrary: url.map((address) => `[link](${address})`) },
  { weight: 2, arbitrary: url.map((address) => `![image](${address})`) },
  { weight: 1, arbitrary: url.map((address) => `<${address}>`) },
  { weight: 1, arbitrary: url.map((address) => `[ref][r]\n\n[r]: ${address}`) },
  { weight: 1, arbitrary: fc.constantFrom('# Heading', '> quote', '- item', '$x^2$', '`code`') },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom('<div>', '> ', '- ', '[', '*a '), fc.integer({ min: 1, max: 300 }))
      .map(([open, times]) => `${open.repeat(times)}x`),
  },
  { weight: 2, arbitrary: anyText },
);

const markdownText = fc
  .array(fc.tuple(fragment, fc.constantFrom(' ', '\n', '\n\n')), { maxLength: 6 })
  .map((parts) => parts.map(([text, gap]) => `${text}${gap}`).join(''));

const ESC = '\u001b';

/** Terminal output: text, colours, and the escapes that are not colours. */
const terminalText = fc
  .array(
    fc.oneof(
      anyText,
      fc.constantFrom(
        `${ESC}[31m`,
        `${ESC}[0m`,
        `${ESC}]8;;javascript:alert(1)${ESC}\\`,
        `${ESC}]8;;https://evil.example\u0007`,
        `${ESC}]0;title\u0007`,
        `${ESC}[2J${ESC}[10;10H`,
        `${ESC}P dcs ${ESC}\\`,
        '\r',
        '\u009b31m',
        '<script>alert(1)</script>',
      ),
    ),
    { maxLength: 8 },
  )
  .map((parts) => parts.join(''));

/** An SVG figure with hostile parts. */
const svgText = fc
  .array(
    fc.constantFrom(
      '<script>alert(1)</script>',
      '<foreignObject><iframe src="javascript:alert(1)"></iframe></foreignObject>',
      '<use href="data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=#x"/>',
      '<image href="https://evil.example/pixel.png"/>',
      String.raw`<style>rect{fill:u\72l(https://evil.example/1)}</style>`,
      String.raw`<style>@\69mport "https://evil.example/2.css";</style>`,
      '<style>g{background:image-set("https://evil.example/3.png" 1x)}</style>',
      String.raw`<rect style="fill:u\rl(https://evil.example/4)"/>`,
      '<rect fill="url(https://evil.example/5)" clip-path="url(#ok)"/>',
      '<animate attributeName="href" to="javascript:alert(1)"/>',
      '<a href="javascript:alert(1)"><text>t</text></a>',
      '<g>',
      '</g>',
      '<rect width="1" height="1" style="fill: rgb(1, 2, 3)"/>',
    ),
    { maxLength: 6 },
  )
  .map(
    (parts) =>
      `<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10" onload="alert(1)">${parts.join('')}</svg>`,
  );

const output = fc.oneof(
  markdownText.map((html) => ({
    output_type: 'display_data',
    metadata: {},
    data: { 'text/html': html },
  })),
  markdownText.map((text) => ({
    output_type: 'display_data',
    metadata: {},
    data: { 'text/markdown': text },
  })),
  markdownText.map((tex) => ({
    output_type: 'display_data',
    metadata: {},
    data: { 'text/latex': tex },
  })),
  svgText.map((svg) => ({
    output_type: 'display_data',
    metadata: {},
    data: { 'image/svg+xml': svg },
  })),
  fc.base64String({ maxLength: 40 }).map((data) => ({
    output_type: 'display_data',
    metadata: {},
    data: { 'image/png': data, 'text/plain': 'figure' },
  })),
  terminalText.map((text) => ({ output_type: 'stream', name: 'stdout', text })),
  terminalText.map((text) => ({
    output_type: 'display_data',
    metadata: {},
    data: { 'text/plain': text },
  })),
  fc.array(terminalText, { maxLength: 3 }).map((traceback) => ({
    output_type: 'error',
    ename: '<b>E</b>',
    evalue: '<script>',
    traceback,
  })),
);

const cell = fc.oneof(
  markdownText.map((source) => ({ cell_type: 'markdown', metadata: {}, source })),
  fc
    .tuple(anyText, fc.option(fc.nat(20)), fc.array(output, { maxLength: 3 }))
    .map(([label, count, outputs]) => ({
      cell_type: 'code',
      metadata: {},
      source: `#| label: ${JSON.stringify(label)}\n#| fig-alt: ${label.replace(/\n/g, ' ')}\nshow()`,
      execution_count: count,
      outputs,
    })),
);

const notebook = fc
  .array(cell, { minLength: 1, maxLength: 4 })
  .map((cells) => notebookSchema.parse({ nbformat: 4, nbformat_minor: 5, metadata: {}, cells }));

/** Images as a test sees them: a fixed address, never the notebook's data. */
const images: NotebookImages<string> = {
  output: (file) => Promise.resolve(file),
  inline: () => Promise.resolve({ src: '/_astro/image.png', width: 1, height: 1 }),
};

/** The pieces of HTML a rendered view puts on the page. */
async function pageHtml(view: NotebookView): Promise<string> {
  const rendered = await renderNotebook(view, images, 'fuzz.ipynb');
  return rendered.cells
    .flatMap((cell) =>
      cell.kind === 'markdown'
        ? [cell.html]
        : [
            cell.code ?? '',
            ...cell.outputs.map((output) =>
              'html' in output ? output.html : output.kind === 'text' ? '' : '',
            ),
          ],
    )
    .join('\n');
}

/** What in HTML could run, load or leave the page: elements, handlers, addresses of other schemes. */
function activeParts(html: string): string[] {
  const $ = cheerio.load(html, null, false);
  const elements = $('script, iframe, object, embed, base, form, meta, link, style, svg, frame')
    .toArray()
    .map((element) => `<${element.tagName}>`);
  const attributes = $('*')
    .toArray()
    .flatMap((element) =>
      Object.entries('attribs' in element ? element.attribs : {}).flatMap(([name, value]) => {
        if (/^on/i.test(name)) return [`${name}=`];
        // Shiki's and Temml's own styles lay out; none may load or run.
        if (name === 'style' && /url\(|image-set|expression|@import|\\/i.test(value)) {
          return [`style=${value}`];
        }
        const address = ['href', 'src', 'action', 'formaction', 'background'].includes(name);
        if (address && !/^(https?:|mailto:|\/|#|\.{0,2}\/|[^:]*$)/i.test(value.trim())) {
          return [`${name}=${value}`];
        }
        return [];
      }),
    );
  return [...elements, ...attributes];
}

describe('fuzzing notebooks', () => {
  it('never throws, words problems on one line, and lets through only inert HTML and SVG', async () => {
    await fc.assert(
      fc.asyncProperty(notebook, async (nb) => {
        const contentDir = path.join(root, 'content');
        const prepared = prepareNotebook(
          nb,
          { input: true, outputs: true, alt: {} },
          {
            notebookFile: path.join(contentDir, 'fuzz.ipynb'),
            contentDir,
            imagesDir: path.join(root, 'images'),
          },
        );
        for (const line of [...prepared.problems, ...prepared.warnings]) {
          expect(line).not.toMatch(/[\n\r\u2028\u2029]/u);
        }
        expect(activeParts(await pageHtml(prepared.view))).toEqual([]);
        for (const viewCell of prepared.view.cells) {
          for (const shown of viewCell.kind === 'code' ? (viewCell.outputs ?? []) : []) {
            if (shown.kind === 'ansi')
              expect(shown.html).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/u);
            if (shown.kind !== 'image' || shown.image.mime !== 'image/svg+xml') continue;
            const svg = readFileSync(shown.image.file, 'utf8').replace(/xmlns(:\w+)?="[^"]*"/g, '');
            expect(svg).not.toMatch(/https?:|javascript:|@import|image-set|\\|<script|\son\w+=/i);
          }
        }
      }),
      fuzzParameters(1000),
    );
  });
});
