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
  /** A page with charts: the chart module plus the theme toggle. */
  chartPageJs: 60 * 1024,
  /** Any page without charts: the theme toggle only. */
  plainPageJs: 10 * 1024,
} as const;

export interface PageWeight {
  page: string;
  html: number;
  css: number;
  js: number;
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
  let js = 0;
  $('script').each((_, element) => {
    const node = $(element);
    const type = node.attr('type');
    if (type && type !== 'module' && type !== 'text/javascript') return; // data islands
    const src = node.attr('src');
    js += gzipSize(src ? asset(src) : node.text());
  });
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
    hasCharts: $('[data-chart]').length > 0,
  };
}

/** Budget problems for a set of pages, one line each. */
export function budgetProblems(pages: readonly PageWeight[]): string[] {
  return pages.flatMap((page) => {
    const budget = page.hasCharts ? BUDGETS.chartPageJs : BUDGETS.plainPageJs;
    return page.js > budget
      ? [`${page.page}: ${kib(page.js)} of JavaScript, over the ${kib(budget)} budget`]
      : [];
  });
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
    page.hasCharts ? 'charts' : '',
  ]);
  const header = ['page', 'HTML gz', 'CSS gz', 'JS gz', ''];
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
  const worst = (charts: boolean) =>
    Math.max(0, ...pages.filter((page) => page.hasCharts === charts).map((page) => page.js));
  console.log(
    `\nJavaScript budgets (gzip): chart pages ${kib(worst(true))} of ${kib(BUDGETS.chartPageJs)}, other pages ${kib(worst(false))} of ${kib(BUDGETS.plainPageJs)}`,
  );
  const problems = budgetProblems(pages);
  for (const problem of problems) console.error(problem);
  if (problems.length > 0) process.exitCode = 1;
}

if (import.meta.url === `file://${process.argv[1]}`) main();
