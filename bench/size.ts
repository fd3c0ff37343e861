/**
 * Page weight report and budgets: for every page in a built site, the gzip
 * bytes of its HTML, CSS and JavaScript. Exits non-zero when a budget is
 * broken. Run by `npm run size` (after a build) and by `npm run bench`.
 *
 *   node bench/size.ts [dist]
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import * as cheerio from 'cheerio';

/** Budgets in gzip bytes (KiB = 1,024 bytes). */
export const BUDGETS = {
  /**
   * JavaScript any page loads before a reader touches it (issue 21): the
   * theme toggle, the home page's filter, and on a page with charts the
   * loader that waits for a reader to reach for one. Charts are drawn at
   * build time, so no page needs Chart.js to show them.
   */
  loadJs: 10 * 1024,
  /** What the loader imports when a reader reaches for a chart: Chart.js and the live chart. */
  interactionJs: 60 * 1024,
} as const;

export interface PageWeight {
  page: string;
  html: number;
  css: number;
  /** JavaScript loaded with the page: its scripts, inline or not, and the modules they import. */
  js: number;
  /** JavaScript its scripts import only when asked (`import()`): the live chart. */
  interactionJs: number;
  hasCharts: boolean;
}

function gzipSize(text: string | Buffer): number {
  return gzipSync(text).length;
}

/** Every .html file under a built site, in a stable order; none when the folder is missing. */
export function htmlFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) out.push(...htmlFiles(full));
    else if (name.endsWith('.html')) out.push(full);
  }
  return out;
}

/** Weighs one built page: its HTML plus every script and stylesheet it loads (inline or not). */
export function weighPage(dist: string, file: string, base = '/'): PageWeight {
  const html = readFileSync(file, 'utf8');
  const $ = cheerio.load(html);
  const asset = (url: string) => readFileSync(path.join(dist, url.slice(base.length - 1)));
  // Modules are followed through their imports: `import"./x.js"` and
  // `from"./x.js"` load with the page, `import("./x.js")` only when asked.
  const loaded = new Set<string>();
  const lazy = new Set<string>();
  const follow = (code: string, from: string, into: Set<string>) => {
    for (const [, call, specifier] of code.matchAll(
      /(import\(\s*|import\s*|from\s*)[`'"](\.{1,2}\/[^`'"]+\.js)[`'"]/g,
    )) {
      const url = path.posix.join(path.posix.dirname(from), specifier ?? '');
      const target = call?.startsWith('import(') ? lazy : into;
      if (loaded.has(url) || target.has(url)) continue;
      target.add(url);
      follow(asset(url).toString('utf8'), url, target);
    }
  };
  let js = 0;
  $('script').each((_, element) => {
    const node = $(element);
    const type = node.attr('type');
    if (type && type !== 'module' && type !== 'text/javascript') return; // data islands
    const src = node.attr('src');
    const code = src ? asset(src).toString('utf8') : node.text();
    js += gzipSize(code);
    if (type === 'module') follow(code, src ?? '/_astro/', loaded);
  });
  $('link[rel="modulepreload"]').each((_, element) => {
    const href = $(element).attr('href');
    if (href) loaded.add(href);
  });
  for (const url of loaded) js += gzipSize(asset(url));
  const interactionJs = [...lazy]
    .filter((url) => !loaded.has(url))
    .reduce((sum, url) => sum + gzipSize(asset(url)), 0);
  let css = 0;
  $('link[rel="stylesheet"]').each((_, element) => {
    const href = $(element).attr('href');
    if (href) css += gzipSize(asset(href));
  });
  $('style').each((_, element) => {
    css += gzipSize($(element).text());
  });
  return {
    page: `/${path.relative(dist, file).split(path.sep).join('/')}`.replace(/index\.html$/, ''),
    html: gzipSize(html),
    css,
    js,
    interactionJs,
    hasCharts: $('[data-chart]').length > 0,
  };
}

/** Budget problems for a set of pages, one line each. */
export function budgetProblems(pages: readonly PageWeight[]): string[] {
  return pages.flatMap((page) => [
    ...(page.js > BUDGETS.loadJs
      ? [
          `${page.page}: ${kib(page.js)} of JavaScript on load, over the ${kib(BUDGETS.loadJs)} budget`,
        ]
      : []),
    ...(page.interactionJs > BUDGETS.interactionJs
      ? [
          `${page.page}: ${kib(page.interactionJs)} of JavaScript on interaction, over the ${kib(BUDGETS.interactionJs)} budget`,
        ]
      : []),
  ]);
}

function kib(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KiB`;
}

function main(): void {
  const dist = path.resolve(process.argv[2] ?? 'dist');
  const base = process.env['BASE_PATH'] ?? '/';
  const pages = htmlFiles(dist).map((file) => weighPage(dist, file, base));
  const rows = pages.map((page) => [
    page.page,
    kib(page.html),
    kib(page.css),
    kib(page.js),
    page.interactionJs > 0 ? kib(page.interactionJs) : '',
    page.hasCharts ? 'charts' : '',
  ]);
  const header = ['page', 'HTML gz', 'CSS gz', 'JS gz', 'on touch', ''];
  const widths = header.map((_, i) =>
    Math.max(...[header, ...rows].map((row) => (row[i] ?? '').length)),
  );
  const line = (row: string[]) =>
    row
      .map((cell, i) => cell.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  console.log(line(header));
  for (const row of rows) console.log(line(row));
  const worst = (weight: (page: PageWeight) => number) => Math.max(0, ...pages.map(weight));
  console.log(
    `\nJavaScript budgets (gzip): on load ${kib(worst((page) => page.js))} of ${kib(BUDGETS.loadJs)} (largest page), on touching a chart ${kib(worst((page) => page.interactionJs))} of ${kib(BUDGETS.interactionJs)}`,
  );
  const problems = budgetProblems(pages);
  for (const problem of problems) console.error(problem);
  if (problems.length > 0) process.exitCode = 1;
}

if (import.meta.url === `file://${process.argv[1]}`) main();
