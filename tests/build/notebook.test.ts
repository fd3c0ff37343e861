import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import type { CheerioAPI } from 'cheerio';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  buildSite,
  casefolioCacheDir,
  listFiles,
  loadPage,
  projectRoot,
  readUnzipped,
  textOf,
  type BuildResult,
} from '../helpers/build.ts';
import { checkFixture, patternsInOutput, problemLines } from '../helpers/check-lines.ts';
import { readTrace } from '../helpers/read-trace.ts';

/**
 * `<Notebook>` in a production build: real notebooks (one made with nbclient
 * for the tests, one written by someone else in nbformat 4.4 with no labels
 * or ids) rendered from the views the content check prepared, images through
 * Astro's image pipeline, nothing of the notebook run or published as it is;
 * hostile notebooks leave nothing active in the output; broken ones stop the
 * build with the lines `npm run check` prints.
 */

const BREAST_CANCER = 'case-studies/breast-cancer/';
const FEATURES = 'case-studies/feature-engineering/';

/** The page's `<script>` elements that run (JSON-LD is data), as written. */
function runningScripts($: CheerioAPI): string[] {
  return $('script')
    .toArray()
    .filter((script) => $(script).attr('type') !== 'application/ld+json')
    .map((script) => $.html(script));
}

describe('a case study embedding notebooks', () => {
  let result: BuildResult;
  let $: CheerioAPI;
  beforeAll(async () => {
    result = await buildSite({ fixture: 'notebook' });
    $ = loadPage(result.outDir, BREAST_CANCER);
  });

  it('builds, printing the check’s warnings about links to files the site does not publish', () => {
    expect(result.code).toBe(0);
    // One warning for the notebook's ten links to its siblings, not one each.
    const output = result.stdout + result.stderr;
    expect(output).toMatch(
      /feature-engineering\/index\.mdx:24: warning: <Notebook> src: 05\.04-Feature-Engineering\.ipynb: \d+ links to files beside the notebook are shown as plain text \("[^"]+\.ipynb" in the \d+\w\w cell, /,
    );
    expect(output.match(/feature-engineering\/index\.mdx:24: warning:.*plain text/g)).toHaveLength(
      1,
    );
    expect(checkFixture('notebook').status).toBe(0);
  });

  it('renders each notebook as a named section: Markdown, code with its prompt, outputs below', () => {
    const sections = $('section.notebook');
    expect(sections).toHaveLength(3);
    const first = sections.first();
    const nameId = first.attr('aria-labelledby') ?? '';
    expect(textOf($(`#${nameId}`))).toBe('Jupyter notebook analysis.ipynb');
    expect(textOf($(`#${sections.eq(1).attr('aria-labelledby') ?? ''}`))).toBe(
      'Jupyter notebook analysis.ipynb cells "report", "table", 8',
    );
    // Headings demoted under the case study's own (## Approach).
    expect(first.find('h3').first().text()).toBe('Breast cancer classifier');
    expect(textOf(first.find('.notebook__prompt').first())).toBe('In [1]:');
    const ids = sections.toArray().map((section) => $(section).attr('aria-labelledby'));
    expect(new Set(ids).size).toBe(3);
  });

  it('highlights code with the site’s Shiki theme, IPython magics included', () => {
    const code = $('section.notebook').first().find('pre.astro-code');
    expect(code.length).toBeGreaterThan(10);
    expect(code.first().attr('data-language')).toBe('python');
    expect($.html(code.first())).toContain(
      '<span class="line"><span class="code-token-function">%matplotlib</span> inline</span>',
    );
    expect(code.find('.code-token-keyword').length).toBeGreaterThan(20);
    // Shiki's colours are classes of code.css, never inline colours.
    expect($.html(code)).not.toMatch(/style="[^"]*color/);
  });

  it('publishes image outputs as optimised files with width, height and alt text, never as base64', () => {
    const images = $('section.notebook img').toArray();
    expect(images.length).toBeGreaterThanOrEqual(5);
    for (const image of images) {
      const src = $(image).attr('src') ?? '';
      expect(src).toMatch(/^\/_astro\/[\w.-]+\.(webp|svg)$/);
      expect(existsSync(path.join(result.outDir, src))).toBe(true);
      expect(Number($(image).attr('width'))).toBeGreaterThan(0);
      expect(Number($(image).attr('height'))).toBeGreaterThan(0);
      expect($(image).attr('alt')?.trim()).not.toBe('');
    }
    const alts = images.map((image) => $(image).attr('alt'));
    // From `#| fig-alt:`, from the alt prop, and a markdown cell's attachment.
    expect(alts).toEqual(
      expect.arrayContaining([
        'ROC curve of the classifier on the 143 test biopsies, rising almost straight up to a true-positive rate of 1',
        'Histogram of predicted probabilities, the two classes piled at opposite ends',
        'Bar chart of how many biopsies are benign and how many malignant',
        'A small teal square',
      ]),
    );
    for (const file of listFiles(result.outDir).filter((name) => name.endsWith('.html'))) {
      expect(readFileSync(path.join(result.outDir, file), 'utf8'), file).not.toMatch(
        /data:image\//,
      );
    }
    // The notebook itself is not published: it holds what the page leaves out.
    expect(listFiles(result.outDir).filter((file) => file.endsWith('.ipynb'))).toEqual([]);
  });

  it('shows a pandas table sanitised, in a scrolling region named for its cell', () => {
    const region = $('section.notebook').first().find('.notebook__html').first();
    expect(region.attr('role')).toBe('region');
    expect(region.attr('tabindex')).toBe('0');
    expect(region.attr('aria-label')).toBe('Output of In [9] in analysis.ipynb');
    expect(region.find('thead th').first().attr('scope')).toBe('col');
    expect(region.find('tbody th').first().attr('scope')).toBe('row');
    expect(region.find('table thead th').length).toBeGreaterThan(3);
    expect(textOf(region.find('tbody th').first())).toBe('malignant');
    // pandas' class, border and style attributes are gone.
    expect(region.find('[style], [class], [border]')).toHaveLength(0);
    // Named apart from the same table in the page's other notebook.
    const names = $('.notebook__html')
      .toArray()
      .map((element) => $(element).attr('aria-label'));
    expect(new Set(names).size).toBe(names.length);
  });

  it('shows streams and tracebacks with colours as classes and no escape code anywhere', () => {
    const streams = $('section.notebook').first().find('pre.notebook__stream');
    expect(streams.find('span.ansi-green-fg').length).toBeGreaterThan(0);
    expect(streams.filter('.notebook__stream--error').length).toBeGreaterThan(0);
    expect(textOf($('.notebook__omitted').first())).toBe('300 more lines not shown');
    const texts = listFiles(result.outDir).filter((file) =>
      /\.(html|css|js|json|xml|txt|svg)$/.test(file),
    );
    expect(texts.length).toBeGreaterThan(5);
    for (const file of texts) {
      const text = readUnzipped(path.join(result.outDir, file)).toString('utf8');
      expect(/[\u001b\u009b]/.test(text), file).toBe(false);
    }
  });

  it('renders markdown and LaTeX outputs, and math in Markdown cells, as MathML', () => {
    const first = $('section.notebook').first();
    expect(first.find('.notebook__rendered strong').text()).toBe('bold');
    expect(first.find('.notebook__rendered math').length).toBeGreaterThan(0);
    expect(first.find('.notebook__markdown math').length).toBeGreaterThan(0);
  });

  it('shows what cells, input, outputs and alt ask for', () => {
    const [, results, impact] = $('section.notebook')
      .toArray()
      .map((section) => $(section));
    // cells={["report", "table", 8]} input={false}
    expect(results?.find('.notebook__input')).toHaveLength(0);
    expect(results?.find('.notebook__cell')).toHaveLength(3);
    expect(results?.find('.notebook__markdown')).toHaveLength(0);
    expect(results?.find('.notebook__html table')).toHaveLength(1);
    expect(results?.find('img').attr('alt')).toBe(
      'The same histogram: nearly every biopsy scored close to 0 or 1',
    );
    // cells={["fit"]} outputs={false}
    expect(impact?.find('.notebook__cell')).toHaveLength(1);
    expect(impact?.find('.notebook__input')).toHaveLength(1);
    expect(impact?.find('.notebook__stream, .notebook__text, img')).toHaveLength(0);
    expect(impact?.find('pre.astro-code').text()).toContain('model.fit(Xtr, ytr)');
  });

  it('renders a notebook written by someone else: no labels or ids, sibling links as text, math, figures', () => {
    const page = loadPage(result.outDir, FEATURES);
    const notebook = page('section.notebook');
    expect(notebook).toHaveLength(1);
    expect(notebook.find('a[href$=".ipynb"]')).toHaveLength(0);
    expect(textOf(notebook)).toContain('see In Depth: Naive Bayes Classification.');
    expect(notebook.find('.notebook__markdown math').length).toBeGreaterThan(0);
    expect(
      notebook
        .find('img')
        .toArray()
        .map((image) => page(image).attr('alt')),
    ).toEqual([
      'Five points that a straight line cannot follow',
      'A straight line fitted badly through the five points',
      'A cubic curve passing close to all five points',
    ]);
    expect(notebook.find('.notebook__html table').length).toBeGreaterThanOrEqual(2);
  });

  it('adds no script to the page', () => {
    expect(runningScripts($)).toEqual(runningScripts(loadPage(result.outDir, '404.html')));
    expect($('section.notebook').find('script, iframe, object, embed')).toHaveLength(0);
  });
});

/**
 * What a browser could run, or be sent elsewhere by, in a page or an SVG:
 * the patterns of the hostile-body test. The site's own scripts are the
 * layout's, compared above; a notebook's are looked for by their content.
 */
const ACTIVE = [
  /javascript:/i,
  /vbscript:/i,
  /data:text\/html/i,
  /<(iframe|object|embed|base|form|frame|applet)\b/i,
  /\son[a-z]+\s*=/i,
  /alert\(|evil\.example/,
  /<script[^>]*>[^<]*(alert|document\.cookie|fetch)/i,
];

describe('hostile notebooks', () => {
  let result: BuildResult;
  beforeAll(async () => {
    result = await buildSite({ fixture: 'notebook-hostile' });
  });

  it('build, shown by their safe forms', () => {
    expect(result.code).toBe(0);
    const $ = loadPage(result.outDir, 'case-studies/hostile/');
    const shown = textOf($('section.notebook'));
    expect(shown).toMatch(/SAFE/);
    // Plotly's static image stands in for its script.
    expect($('section.notebook img[alt="A line through three points"]')).toHaveLength(1);
    expect(runningScripts($)).toEqual(runningScripts(loadPage(result.outDir, '404.html')));
  });

  it('leave no script, handler, frame or script address in any page or image', () => {
    const published = patternsInOutput(result.outDir, ACTIVE).filter((line) =>
      /\.(html|svg):/.test(line),
    );
    expect(published).toEqual([]);
  });
});

describe('broken notebooks', () => {
  it('stop the build with the lines npm run check prints, one per problem, on the element’s line', async () => {
    const result = await buildSite({ fixture: 'notebook-broken' });
    expect(result.code).toBe(1);
    expect(result.stderr).not.toMatch(/^\s+at /m);
    const lines = problemLines(result.stderr);
    const file = 'tests/fixtures/notebook-broken/content/case-studies/broken/index.mdx';
    expect(lines.map((line) => line.slice(file.length + 1).replace(/: .*/, ''))).toEqual([
      '18',
      '20',
      '22',
      '24',
      '28',
      '30',
      '30',
      '30',
      '32',
      '32',
      '32',
      '32',
      '32',
      '32',
      '32',
      '32',
      '36',
      '38',
      '40',
      '42',
    ]);
    expect(lines.every((line) => /^\S+:\d+: <Notebook> (src|alt): /.test(line))).toBe(true);
    expect(checkFixture('notebook-broken')).toEqual({ status: 1, lines });
  });
});

describe('the content check in a production build', () => {
  const studies = path.join(projectRoot, 'tests/fixtures/notebook/content/case-studies');
  // Every read of a file under the case studies is recorded.
  const trace = readTrace('notebook-reads', studies);
  const imagesDir = path.join(casefolioCacheDir('notebook'), 'notebook-images');
  // Left in the cache by an earlier build of a notebook since changed.
  const stale = path.join(imagesDir, `${'0'.repeat(64)}.png`);
  let result: BuildResult;
  beforeAll(async () => {
    mkdirSync(imagesDir, { recursive: true });
    writeFileSync(stale, 'a figure no notebook shows any more');
    const lastWeek = new Date(Date.now() - 7 * 24 * 60 * 60 * 1000);
    utimesSync(stale, lastWeek, lastWeek);
    result = await buildSite({
      fixture: 'notebook',
      fresh: true,
      label: 'notebook-reads',
      env: trace.env,
    });
  });

  it('reads each notebook in its own process only: the pages render the views it handed over', () => {
    expect(result.code).toBe(0);
    const reads = trace.reads().filter(({ file }) => file.endsWith('.ipynb'));
    // One read of each notebook, however many <Notebook> elements show it
    // (three of one file, one of the other): the check's read cache.
    expect(reads.map(({ file }) => file).sort()).toEqual([
      'breast-cancer/analysis.ipynb',
      'feature-engineering/05.04-Feature-Engineering.ipynb',
    ]);
    // All in the check's process: Astro's prepares none again.
    expect(new Set(reads.map(({ pid }) => pid)).size).toBe(1);
  });

  it('removes the images of notebooks the content no longer shows from the cache', () => {
    expect(result.code).toBe(0);
    expect(existsSync(stale)).toBe(false);
    // The figures of the pages just built stay, for the next build.
    expect(readdirSync(imagesDir).length).toBeGreaterThanOrEqual(7);
  });
});
