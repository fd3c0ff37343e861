import { mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import * as cheerio from 'cheerio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildSite,
  listFiles,
  projectRoot,
  readUnzipped,
  type BuildResult,
} from '../helpers/build.ts';
import { checkContent } from '../helpers/check-lines.ts';
import { startDevServer, type DevServer } from '../helpers/dev-server.ts';

/**
 * Notebooks written by a hostile or careless author, through `npm run
 * check`, a production build and `astro dev`. Those the check lets through
 * leave nothing active, nothing hidden and nothing that loads from elsewhere
 * in the output folder; those it refuses stop the build with the same
 * one-line problems, never a stack trace. The notebooks are written here,
 * into a content folder under .tmp/, so each attack reads beside its check.
 */

const work = path.join(projectRoot, '.tmp', 'notebook-hostile');

/** Markers planted where nothing may be published: comments, scripts, styles, metadata. */
const SECRET = 'SECRET-NB-7c1e';

type Json = Record<string, unknown>;
const nb = (cells: Json[]): string =>
  JSON.stringify({ nbformat: 4, nbformat_minor: 5, metadata: {}, cells });
const markdown = (source: string, extra: Json = {}): Json => ({
  cell_type: 'markdown',
  metadata: {},
  source,
  ...extra,
});
const code = (source: string, count: number | null, outputs: Json[] = []): Json => ({
  cell_type: 'code',
  metadata: {},
  source,
  execution_count: count,
  outputs,
});
const display = (data: Json, metadata: Json = {}): Json => ({
  output_type: 'display_data',
  data,
  metadata,
});
const stream = (text: string): Json => ({ output_type: 'stream', name: 'stdout', text });

/** A 1×1 PNG. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);
const GPS_JPEG = readFileSync(path.join(projectRoot, 'tests/fixtures/image-metadata/exif-gps.jpg'));

/** A case study's MDX around a body, its metrics given. */
function study(title: string, body: string, extra = ''): string {
  return `---
title: ${title}
summary: Notebooks written to attack the page.
organization: Red Team
role: Intern
period: { start: 2025-01, end: 2025-02 }
skills: [Security]
dataset: { name: Hand-written notebooks }
model: { name: None, task: other }
metrics:
  - { name: Scripts run, value: 0, baseline: 0, goal: lower }
${extra}stakeholders:
  - { role: Readers }
---

## Problem

Notebooks come from anywhere.

## Approach

${body}

## Results

Nothing runs.

## Impact

None.
`;
}

/** Writes a content folder (profile and files by path under content/), emptied first. */
function writeContent(dir: string, files: Record<string, string | Buffer | { link: string }>) {
  rmSync(dir, { recursive: true, force: true });
  const write = (relative: string, body: string | Buffer | { link: string }) => {
    const file = path.join(dir, relative);
    mkdirSync(path.dirname(file), { recursive: true });
    if (typeof body === 'object' && 'link' in body) symlinkSync(body.link, file);
    else writeFileSync(file, body);
  };
  write('profile.yaml', 'name: Red Team\nheadline: Publishes what others wrote\n');
  for (const [relative, body] of Object.entries(files)) write(relative, body);
}

// Everything below passes the check: the page must make it safe.

const HOSTILE_HTML = [
  `<table background="https://evil.example/t.png" style="background:url(https://evil.example/x)"><tr><td style="color:red" background="javascript:alert(1)"><svg onload="alert(1)"><circle/></svg>cell</td></tr></table>`,
  `<base href="https://evil.example/"><meta http-equiv="refresh" content="0;url=https://evil.example"><link rel="import" href="https://evil.example/x.html"><p>after the head tags</p>`,
  `<a href="jav&#x09;ascript:alert(1)">tab</a> <a href="https://example.org" onclick="alert(1)">web</a> <details open ontoggle="alert(1)"><summary>more</summary>less</details>`,
  `<img src="x" onerror="alert(1)"><img srcset="javascript:alert(1) 1x"><form action="https://evil.example"><input name="q"></form><iframe srcdoc="<script>alert(1)</script>"></iframe>`,
  `<!-- ${SECRET} --><style>@import url(https://evil.example/a.css); /* ${SECRET} */</style><script>document.title="${SECRET}"</script><p>text</p>`,
  `<abbr title="x&quot; onmouseover=&quot;alert(1)">quoted</abbr> <div id="main" class="hero" name="x">clobber</div> <math href="javascript:alert(1)"><mi>x</mi></math>`,
].map((html) => display({ 'text/html': html, 'text/plain': 'plain' }));

const HOSTILE_SVG = String.raw`<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]>
<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10" onload="alert(1)" xml:base="javascript:">
  <metadata>${SECRET}</metadata><script>alert(1)</script><!-- ${SECRET} -->
  <foreignObject><iframe src="javascript:alert(1)"></iframe></foreignObject>
  <use href="data:image/svg+xml;base64,PHN2ZyBpZD0neCc+PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pjwvc3ZnPg==#x"/>
  <image href="https://evil.example/pixel.png" width="1" height="1"/>
  <style>rect{fill:u\72l(https://evil.example/1)} @\69mport "https://evil.example/2.css"; g{background:image-set("https://evil.example/3.png" 1x)}</style>
  <rect style="fill:u\rl(https://evil.example/4)" filter="-webkit-image-set('https://evil.example/5' 1x)" width="1" height="1"/>
  <animate attributeName="href" to="javascript:alert(1)"/><set attributeName="onload" to="alert(1)"/>
  <a href="javascript:alert(1)"><text>label &x;</text></a>
</svg>`;

const ESC = '\u001b';

const ALLOWED = {
  'case-studies/hostile/outputs.ipynb': nb([
    code(
      '#| label: tricks\n#| fig-alt: <img src=x onerror=alert(1)> "quoted"\n#| fig-cap: <script>alert(1)</script> caption\nshow()',
      1,
      [
        ...HOSTILE_HTML,
        display({ 'image/svg+xml': HOSTILE_SVG }),
        // A PNG with a page after its end: published only as Astro's re-encoding.
        display({
          'image/png': Buffer.concat([PNG, Buffer.from(`<script>alert("${SECRET}")</script>`)])
            .toString('base64')
            .replace(/.{76}/g, '$&\n'),
        }),
        display(
          { 'image/png': PNG.toString('base64') },
          { 'image/png': { width: 1e9, height: 1e9 } },
        ),
        display({ 'application/pdf': 'JVBERi0xLjQK', 'text/plain': 'a PDF' }),
        display({ 'application/javascript': `alert("${SECRET}")`, 'text/plain': 'JavaScript' }),
        stream(
          `a ${ESC}]8;;javascript:alert(1)${ESC}\\link${ESC}]8;;${ESC}\\ b ${ESC}]0;${SECRET}\u0007 c ${ESC}[2J${ESC}[10;10H d ${ESC}[31m<script>alert(1)</script>${ESC}[0m\n`,
        ),
        stream(Array.from({ length: 200_000 }, (_, line) => `line ${line}`).join('\n')),
        {
          output_type: 'error',
          ename: '<b>Error</b>',
          evalue: '<script>',
          traceback: [`${ESC}[31m<img src=x onerror=alert(1)>${ESC}[0m`],
        },
        display({
          'text/plain': `<script>alert(1)</script>${ESC}[31mred${ESC}]8;;javascript:x\u0007`,
        }),
        display({
          'text/markdown': '**bold** <abbr title="t">abbr</abbr> [web](https://example.org)',
        }),
      ],
    ),
    markdown(
      `<!-- ${SECRET} --> Comment hidden. <style>p { background: url(https://evil.example/s) } /* ${SECRET} */</style> <p style="background:url(https://evil.example/t)">styled</p>\n\n![weird](attachment:../x.png) ![slash](attachment:a/b.png)`,
      {
        attachments: {
          '../x.png': { 'image/png': PNG.toString('base64') },
          'a/b.png': { 'image/png': PNG.toString('base64') },
        },
      },
    ),
  ]),
  'case-studies/hostile/index.mdx': study(
    'Notebooks the check lets through',
    '<Notebook src="./outputs.ipynb" />\n\n<Notebook src="./outputs.ipynb" cells={["tricks"]} alt={{ tricks: "<b>alt</b> \\"quoted\\"" }} />',
  ),
};

/** An element's attributes that could run, load or leave the page. */
function activeAttributes($: cheerio.CheerioAPI): string[] {
  return $('*')
    .toArray()
    .flatMap((element) =>
      Object.entries('attribs' in element ? element.attribs : {}).flatMap(([name, value]) => {
        const url = ['href', 'src', 'action', 'formaction', 'background', 'poster', 'data'];
        if (/^on/i.test(name)) return [`${name}=${value}`];
        if (name === 'style' && /url\(|expression|@import/i.test(value)) return [`style=${value}`];
        if (url.includes(name) && !/^(https?:|mailto:|\/|#|\.\.?\/|[^:]*$)/i.test(value.trim())) {
          return [`${name}=${value}`];
        }
        if (name === 'srcset' && /javascript:|data:/i.test(value)) return [`srcset=${value}`];
        return [];
      }),
    );
}

describe('hostile notebooks the check lets through', () => {
  const content = path.join(work, 'allowed', 'content');
  let result: BuildResult;
  let $: cheerio.CheerioAPI;
  beforeAll(async () => {
    writeContent(content, ALLOWED);
    result = await buildSite({
      fresh: true,
      label: 'notebook-hostile-allowed',
      env: { CASEFOLIO_CONTENT_DIR: content },
    });
    $ = cheerio.load(
      readFileSync(path.join(result.outDir, 'case-studies/hostile/index.html'), 'utf8'),
    );
  });

  it('build, as the check passes them', () => {
    expect(result.stderr).not.toMatch(/^\s+at /m);
    expect(result.code).toBe(0);
    expect(checkContent(content).status).toBe(0);
    expect($('section.notebook')).toHaveLength(2);
  });

  it('leave no script, handler, frame, form or address of another scheme on the page', () => {
    const notebooks = $('section.notebook');
    expect(
      notebooks.find(
        'script, style, iframe, object, embed, base, form, meta, link, svg, math:not(:has(mi, mn, mo))',
      ),
    ).toHaveLength(0);
    expect(activeAttributes(cheerio.load(notebooks.toString()))).toEqual([]);
    // The page's own scripts are the layout's: a page without notebooks has the same.
    const scripts = (page: cheerio.CheerioAPI) =>
      page('script:not([type="application/ld+json"])')
        .toArray()
        .map((script) => page(script).attr('type') ?? page(script).attr('src') ?? 'inline');
    const plain = cheerio.load(readFileSync(path.join(result.outDir, '404.html'), 'utf8'));
    expect(scripts($)).toEqual(scripts(plain));
  });

  it('publish no escape code, no hidden text and no original of a re-encoded image', () => {
    for (const file of listFiles(result.outDir)) {
      const text = readUnzipped(path.join(result.outDir, file)).toString('latin1');
      expect(text.includes(SECRET), file).toBe(false);
      if (/\.(html|svg|xml|json)$/.test(file)) expect(text.includes(ESC), file).toBe(false);
    }
    expect(listFiles(result.outDir).filter((file) => /^_astro\/.*\.png$/.test(file))).toEqual([]);
  });

  it('publish SVG files that load nothing from elsewhere when opened on their own', () => {
    const svgs = listFiles(result.outDir).filter((file) => /^_astro\/.*\.svg$/.test(file));
    expect(svgs).toHaveLength(1);
    const svg = readFileSync(path.join(result.outDir, svgs[0] ?? ''), 'utf8')
      // The namespaces are names, never fetched.
      .replace(/xmlns(:\w+)?="[^"]*"/g, '');
    expect(svg).not.toMatch(
      /https?:|javascript:|data:image\/svg|@import|image-set|\\|<script|\son\w+=/i,
    );
    expect(svg).toContain('<text>label');
  });
});

// Everything below the check refuses: each is one line, and the build prints the same.

/** A PNG that says it is `size` × `size` pixels in a few kilobytes, as a decompression bomb. */
function pngBomb(size: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const frame = Buffer.alloc(8);
    frame.writeUInt32BE(data.length, 0);
    return Buffer.concat([frame.subarray(0, 4), body, crc(body)]);
  };
  const crc = (body: Buffer) => {
    const out = Buffer.alloc(4);
    out.writeUInt32BE(zlib.crc32(body));
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([1, 0, 0, 0, 0], 8);
  const row = Buffer.alloc(1 + Math.ceil(size / 8));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(Buffer.concat(Array.from({ length: 64 }, () => row)))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const DEEP = 20_000;

const REFUSED = {
  'case-studies/draft/index.mdx': study('A draft', 'Not yet.').replace(
    '---\n\n',
    'draft: true\n---\n\n',
  ),
  'case-studies/draft/secret.png': PNG,
  'case-studies/refused/deep.ipynb': nb([
    code('#| fig-alt: Deep\nshow()', 1, [
      display({ 'text/html': '<div>'.repeat(DEEP) + 'x' }),
      display({ 'image/svg+xml': `<svg width="1" height="1">${'<g>'.repeat(DEEP)}</svg>` }),
      display({ 'text/latex': `$x$ ${'<span>'.repeat(DEEP)}` }),
    ]),
    markdown('>'.repeat(DEEP) + ' quoted'),
    markdown('- '.repeat(DEEP) + 'listed'),
  ]),
  'case-studies/refused/images.ipynb': nb([
    markdown(
      'The draft figure: ![secret](../draft/secret.png), and through a link: ![linked](linked.png); a scripted one: ![scripted](scripted.svg)',
    ),
    code('#| fig-alt: A bomb\nshow()', 2, [
      display({ 'image/png': pngBomb(20_000).toString('base64') }),
    ]),
    code('#| fig-alt: A map\nshow()', 3, [
      display({
        'image/svg+xml': `<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><image href="data:image/jpeg;base64,${GPS_JPEG.toString('base64')}" width="10" height="10"/></svg>`,
      }),
    ]),
  ]),
  'case-studies/refused/linked.png': { link: '../draft/secret.png' },
  'case-studies/draft/notes.ipynb': nb([markdown('Not yet published.')]),
  'case-studies/refused/linked.ipynb': { link: '../draft/notes.ipynb' },
  'case-studies/refused/scripted.svg': `<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert("${SECRET}")</script></svg>`,
  'case-studies/refused/twice.ipynb': nb([
    code('#| label: score\nfirst()', 1, [display({ 'text/plain': '0.5' })]),
    code('#| label: score\nsecond()', 2, [display({ 'text/plain': '0.9' })]),
  ]),
  'case-studies/refused/index.mdx': study(
    'Notebooks the check refuses',
    '<Notebook src="./deep.ipynb" />\n\n<Notebook src="./images.ipynb" />\n\n<Notebook src="./twice.ipynb" cells={["score"]} />\n\n<Notebook src="./linked.ipynb" />',
    '  - { name: Score, from: "./twice.ipynb#score", baseline: 0 }\n',
  ),
};

describe('hostile notebooks the check refuses', () => {
  const content = path.join(work, 'refused', 'content');
  const shown = '.tmp/notebook-hostile/refused/content/case-studies/refused/index.mdx';
  let result: BuildResult;
  let check: ReturnType<typeof checkContent>;
  beforeAll(async () => {
    writeContent(content, REFUSED);
    check = checkContent(content);
    result = await buildSite({
      fresh: true,
      label: 'notebook-hostile-refused',
      env: { CASEFOLIO_CONTENT_DIR: content },
    });
  });

  it('stop the check with one line per problem, naming the notebook, the cell and the fix', () => {
    expect(check.output).not.toMatch(/^\s+at /m);
    expect(check.status).toBe(1);
    const tooDeep =
      'nests more than 100 levels deep (elements, quotes or lists inside one another), the limit; a table or a figure nests a few levels';
    const draft =
      'is a file of the draft "draft", which is not published; copy it into this case study\'s folder, or publish the draft';
    const hide = 'hide the output (tag the cell remove-output)';
    expect(check.lines).toEqual([
      `${shown}:12: metrics[1].from: ./twice.ipynb#score: label "score" names 2 cells (cells 1 and 2), so which one is meant is unclear; give each cell a label of its own (metric "Score")`,
      `${shown}:23: <Notebook> src: deep.ipynb, In [1] (the 1st cell): output 1: its text/html ${tooDeep}; ${hide}`,
      `${shown}:23: <Notebook> src: deep.ipynb, In [1] (the 1st cell): output 2: its image/svg+xml data ${tooDeep}; re-run the cell and save the notebook, or ${hide}`,
      `${shown}:23: <Notebook> src: deep.ipynb, In [1] (the 1st cell): output 3: its text/latex ${tooDeep}; ${hide}`,
      `${shown}:23: <Notebook> src: deep.ipynb, the 2nd cell: the Markdown ${tooDeep}; flatten it`,
      `${shown}:23: <Notebook> src: deep.ipynb, the 3rd cell: the Markdown ${tooDeep}; flatten it`,
      `${shown}:25: <Notebook> src: images.ipynb, the 1st cell: image "scripted.svg" is an SVG holding a <script>, which would run or load when the file is opened on its own; export the figure again without it, or as a PNG`,
      `${shown}:25: <Notebook> src: images.ipynb, In [2] (the 2nd cell): output 1: its image/png data is a PNG of 20000 × 20000 pixels, more than the 268 megapixels Astro's image pipeline reads (the page would get it unresized, for every reader to decode): save the figure smaller or at a lower dpi; re-run the cell and save the notebook, or ${hide}`,
      `${shown}:25: <Notebook> src: images.ipynb, In [3] (the 3rd cell): an image it shows is an SVG image holding a JPEG image with a GPS location in its EXIF data, which would be published; re-export it without location data (for example \`exiftool -location:all= FILE\`) and build again`,
      // The image named, and the link that leads to it.
      `${shown}:25: <Notebook> src: images.ipynb, the 1st cell: image: "../draft/secret.png" ${draft}`,
      `${shown}:25: <Notebook> src: images.ipynb, the 1st cell: image: "../draft/secret.png" ${draft}`,
      `${shown}:27: <Notebook> src: twice.ipynb: label "score" names 2 cells (cells 1 and 2), so which one is meant is unclear; give each cell a label of its own`,
      `${shown}:29: <Notebook> src: "./linked.ipynb" is a file of the draft "draft", which is not published; copy it into this case study's folder, or publish the draft`,
    ]);
  });

  it('stop the build with the same lines, and no trace', () => {
    expect(result.code).toBe(1);
    expect(check.lines).toHaveLength(13);
    expect(result.stdout + result.stderr).not.toMatch(/^\s+at |Maximum call stack/m);
    expect(
      (result.stdout + result.stderr).split('\n').filter((line) => line.startsWith('.tmp/')),
    ).toEqual(check.lines);
  });
});

describe('a notebook broken while astro dev runs', () => {
  const content = path.join(work, 'dev', 'content');
  const notebook = path.join(content, 'case-studies/hostile/outputs.ipynb');
  const page = '/case-studies/hostile/';
  let server: DevServer;
  beforeAll(async () => {
    writeContent(content, {
      'case-studies/hostile/outputs.ipynb': nb([markdown('FIRST-VERSION')]),
      'case-studies/hostile/index.mdx': study(
        'A notebook in the making',
        '<Notebook src="./outputs.ipynb" />',
      ),
    });
    server = await startDevServer(content);
  });
  afterAll(() => server?.stop());

  /** The page's text once `done` holds for it, or what the server printed at the deadline. */
  async function pageUntil(done: (status: number, text: string) => boolean): Promise<string> {
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline) {
      const response = await fetch(`${server.origin}${page}`).catch(() => undefined);
      const text = response ? await response.text() : '';
      if (response && done(response.status, text)) return text;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    throw new Error(`the page never changed as expected:\n${server.output()}`);
  }

  it('shows the one-line problem, never a trace, and recovers when the notebook is fixed', async () => {
    await pageUntil((status, text) => status === 200 && text.includes('FIRST-VERSION'));
    const before = server.output().length;
    // Markup nested deeper than the parsers walk: it used to stop the check with a RangeError.
    writeFileSync(
      notebook,
      nb([code('show()', 1, [display({ 'text/html': '<div>'.repeat(DEEP) })])]),
    );
    await pageUntil((status) => status === 500);
    const printed = server.output().slice(before);
    expect(printed).toContain(
      '<Notebook> src: outputs.ipynb, In [1] (the 1st cell): output 1: its text/html nests more than 100 levels deep',
    );
    expect(printed).not.toMatch(/Maximum call stack|^\s+at /m);
    writeFileSync(notebook, nb([markdown('SECOND-VERSION')]));
    await pageUntil((status, text) => status === 200 && text.includes('SECOND-VERSION'));
  });
});
