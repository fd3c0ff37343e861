import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkMdxBody } from '../../../../src/content/mdx/checks.ts';
import { scanMdx } from '../../../../src/content/mdx/elements.ts';
import { urlProblem } from '../../../../src/schemas/url.ts';

const temporaryDirs: string[] = [];

afterEach(() => {
  for (const dir of temporaryDirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** The problems of a body in content/case-studies/churn/index.mdx, as `line: message`. */
function check(body: string, files: Record<string, string> = {}): string[] {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'casefolio-mdx-safety-'));
  temporaryDirs.push(root);
  const contentDir = path.join(root, 'content');
  const dir = path.join(contentDir, 'case-studies', 'churn');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(root, 'secret.txt'), 'outside');
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
  const mdxFile = path.join(dir, 'index.mdx');
  const scan = scanMdx(body, 1);
  if (!scan.ok) throw new Error(`line ${scan.line}: ${scan.message}`);
  return checkMdxBody(scan, { mdxFile, contentDir, metricNames: [] }).map(
    ({ line, message }) => `${line}: ${message}`,
  );
}

const REFUSED = (got: string) =>
  `only https, http, mailto and relative links are allowed, got ${JSON.stringify(got)}; use a web address or a file beside the case study instead`;

describe('urlProblem: the link rules, read as a browser reads a URL', () => {
  it.each([
    'https://example.com/',
    'http://example.com/',
    'mailto:ada@example.com',
    'HTTPS://EXAMPLE.COM/',
    './plot.png',
    '../other/',
    '/case-studies/churn/',
    '#results',
    '?q=1',
    '//cdn.example.com/x.png',
    '',
    'plain words',
    '&amp;#106;avascript:alert(1)'.slice(5), // `#106;avascript:` has no `&`: a fragment
  ])('allows %j', (url) => {
    expect(urlProblem(url)).toBeUndefined();
  });

  it.each([
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    ' \t javascript:alert(1)',
    'java\tscript:alert(1)',
    'java\nscript:alert(1)',
    '\u0001javascript:alert(1)',
    '&#106;avascript:alert(1)',
    '&#x6A;avascript:alert(1)',
    '&#106avascript:alert(1)',
    'javascript&colon;alert(1)',
    'java&Tab;script:alert(1)',
    'vbscript:msgbox(1)',
    'data:text/html,<script>alert(1)</script>',
    'data:image/png;base64,AAAA',
    'file:///etc/passwd',
    'tel:+15550100',
  ])('refuses %j', (url) => {
    expect(urlProblem(url)).toBe(REFUSED(url));
  });
});

describe('checkMdxBody: Markdown links, images and reference definitions', () => {
  it('holds every kind to the link rules, with its line', () => {
    const body = [
      '[ok](https://example.com/) [mail](mailto:a@example.com) [rel](./data.csv) [top](#problem)',
      '[bad](javascript:alert(1)) [encoded](&#106;avascript:alert(2))',
      '![picture](vbscript:x)',
      '[used][ref]',
      '[ref]: data:text/html,hi',
      '[unused]: javascript:alert(3)',
    ].join('\n\n');
    expect(check(body)).toEqual([
      `3: link: ${REFUSED('javascript:alert(1)')}`,
      `3: link: ${REFUSED('javascript:alert(2)')}`,
      `5: image: ${REFUSED('vbscript:x')}`,
      `9: [ref]: ${REFUSED('data:text/html,hi')}`,
      `11: [unused]: ${REFUSED('javascript:alert(3)')}`,
    ]);
  });

  it('leaves links inside code alone', () => {
    expect(
      check('```md\n[x](javascript:alert(1))\n<script>alert(1)</script>\n```\n\n`<iframe>`'),
    ).toEqual([]);
  });
});

describe('checkMdxBody: HTML elements and attributes', () => {
  it('holds every URL attribute to the link rules, however it is spelled or written', () => {
    const body = [
      '<a href="javascript:a()">x</a>',
      '<a href="&#106;avascript:b()">x</a>',
      '<a href={"javascript:c()"}>x</a>',
      '<a href={`vbscript:d`}>x</a>',
      '<img src="data:text/html,e" alt="e" />',
      '<button formAction="javascript:f()">x</button>',
      '<video poster="javascript:g()" />',
      '<img srcSet="a.png 1x, javascript:h() 2x" alt="h" />',
      '<svg><a xlink:href="javascript:i()"><text>i</text></a></svg>',
      '<svg><a xlinkHref="javascript:j()"><text>j</text></a></svg>',
      '<blockquote cite="javascript:k()">k</blockquote>',
      '<svg><set attributeName="href" to="javascript:l()" /></svg>',
    ].join('\n\n');
    const found = check(body);
    expect(found.map((line) => line.split(': only')[0])).toEqual([
      '1: <a> href',
      '3: <a> href',
      '5: <a> href',
      '7: <a> href',
      '9: <img> src',
      '11: <button> formAction',
      '13: <video> poster',
      '15: <img> srcSet',
      '17: <a> xlink:href',
      '19: <a> xlinkHref',
      '21: <blockquote> cite',
      '23: <set> to',
    ]);
    expect(found[1]).toBe(`3: <a> href: ${REFUSED('javascript:b()')}`);
  });

  it('accepts HTML that stays on the page', () => {
    const body = [
      '<a href="https://example.com/">x</a> <a href="../other/">y</a> <a href>z</a>',
      '<img src="https://example.com/a.png" srcset="a.png 1x, b.png 2x" alt="a" />',
      '<div class="note" style="color: red" data-x="javascript:is-just-data">note</div>',
      '<svg><animate attributeName="opacity" values="0;1" dur="1s" /></svg>',
      '<style>{`.note { color: red; }`}</style>',
      '<details><summary>More</summary>Text</details>',
    ].join('\n\n');
    expect(check(body)).toEqual([]);
  });

  it('refuses the elements that run code, embed, post or move links, saying what to do', () => {
    const names = ['script', 'iframe', 'object', 'embed', 'base', 'form', 'meta', 'link', 'frame'];
    const found = check(names.map((name) => `<${name} />`).join('\n\n'));
    expect(found.map((line) => line.split(':').slice(0, 2).join(':'))).toEqual(
      names.map((name, index) => `${index * 2 + 1}: <${name}>`),
    );
    expect(found[1]).toBe(
      '3: <iframe>: not allowed in a case study (it would load another site or a plugin into the page; link to it instead, or embed a video through a component you add on purpose)',
    );
    expect(found[4]).toBe(
      '9: <base>: not allowed in a case study (it would send every relative link of the page elsewhere; remove it)',
    );
  });

  it('refuses event handlers in any spelling', () => {
    expect(
      check(
        '<img src="a.png" alt="a" onerror="x()" />\n\n<div onClick={go} on-mouse-over="y">d</div>',
      ),
    ).toEqual([
      '1: <img> onerror: event handlers are not allowed (nothing in a case study runs); remove the attribute',
      '3: <div> onClick: event handlers are not allowed (nothing in a case study runs); remove the attribute',
      '3: <div> on-mouse-over: event handlers are not allowed (nothing in a case study runs); remove the attribute',
    ]);
  });

  it('refuses a <style> that imports, however the @import is hidden', () => {
    for (const css of [
      '@import url(https://evil.example/x.css);',
      '@IMPORT "x.css";',
      '@/**/import "x.css";'.replace('/**/', ''),
      '/* c */ @\\\\69mport "x.css";',
    ]) {
      expect(check(`<style>{\`${css}\`}</style>`), css).toEqual([
        '1: <style>: @import is not allowed (it loads a stylesheet from elsewhere into the page); write the rules themselves',
      ]);
    }
    expect(check('<style>{css}</style>')).toEqual([
      '1: <style>: its text is written as code, so it cannot be checked; write the CSS as text',
    ]);
  });

  it('refuses URL attributes and spreads written as code, which cannot be checked', () => {
    expect(check('<a href={url} {...rest}>x</a>')).toEqual([
      '1: <a> {...}: attributes spread from code cannot be checked; write each attribute as name="value"',
      '1: <a> href: written as code, so it cannot be checked; write the address as text (href="https://...")',
    ]);
  });

  it('treats a lower-case name read from an object as a component, not as HTML', () => {
    expect(check('<motion.div />')[0]).toMatch(/^1: <motion\.div>: unknown component/);
  });
});

describe('checkMdxBody: imports', () => {
  it('accepts packages and files inside content/', () => {
    const body = [
      "import rows from './rows.json'",
      "import raw from './rows.json?raw'",
      "import { Chart as ChartJs } from 'chart.js/auto'",
      "import slugify from '@sindresorhus/slugify'",
      '',
      'Text.',
    ].join('\n');
    expect(check(body, { 'rows.json': '[]' })).toEqual([]);
  });

  it('refuses paths out of content/, absolute paths, Node modules and other schemes', () => {
    const body = [
      "import a from '../../../secret.txt'",
      "import b from '/etc/passwd'",
      "import c from 'node:fs'",
      "import { readFileSync } from 'fs'",
      "import d from 'virtual:casefolio/config'",
      "import e from '#internal'",
      "import f from 'astro/../../src/integration.ts'",
      "export * from '../../../secret.txt'",
      "export const g = import.meta.glob('/src/**')",
      '',
      "{import('node:child_process')}",
      '',
      '{import(name)}',
    ].join('\n');
    const only =
      'only packages and files inside content/ (written "./file.json") can be imported; Casefolio\'s components need no import';
    const builtin =
      "Node's built-in modules are not allowed (they reach the machine, not the content); remove the import";
    const leaves =
      'path "../../../secret.txt" leaves the content folder; keep files next to the case study';
    expect(check(body)).toEqual([
      `1: import "../../../secret.txt": ${leaves}`,
      `2: import "/etc/passwd": ${only}`,
      `3: import "node:fs": ${builtin}`,
      `4: import "fs": ${builtin}`,
      `5: import "virtual:casefolio/config": ${only}`,
      `6: import "#internal": ${only}`,
      `7: import "astro/../../src/integration.ts": ${only}`,
      `8: import "../../../secret.txt": ${leaves}`,
      '8: export: only export const name = value may be exported (nothing in a case study runs); import what you need instead (import rows from "./rows.json"); see "Nothing in the body runs" in README.md',
      '9: import.meta: reads the build and the files of the project, which a case study may not; remove it',
      `11: import() "node:child_process": ${builtin}`,
      '13: import(): the module is computed, so it cannot be checked; name a package or a file inside content/ as text',
    ]);
  });

  it('refuses an import in an attribute or a spread', () => {
    expect(
      check(
        '<Chart data={await import(\'node:fs\')} title="t" />\n\n<div {...import.meta.env}>x</div>',
      ),
    ).toEqual([
      `1: import() "node:fs": Node's built-in modules are not allowed (they reach the machine, not the content); remove the import`,
      '3: <div> {...}: attributes spread from code cannot be checked; write each attribute as name="value"',
      '3: import.meta: reads the build and the files of the project, which a case study may not; remove it',
    ]);
  });
});
