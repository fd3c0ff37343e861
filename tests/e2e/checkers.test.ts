// Outside checkers against the built sample site: html-validate, a link checker
// (linkinator, kept on loopback), axe-core in Chromium on every page type, and
// Lighthouse with the desktop preset.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { launch, type LaunchedChrome } from 'chrome-launcher';
import { FileSystemConfigLoader, HtmlValidate } from 'html-validate';
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import { LinkChecker, LinkState, type LinkResult } from 'linkinator';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, listFiles, projectRoot } from '../helpers/build.ts';
import {
  axeViolations,
  launchChromium,
  openPage,
  serveDist,
  type StaticServer,
} from '../helpers/browser.ts';

const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

/** A built variant of the sample site, served on loopback under its base path. */
interface Site {
  outDir: string;
  base: string;
  server: StaticServer;
  /** `origin + base`, e.g. `http://127.0.0.1:41234/portfolio/` */
  root: string;
}

const sites: Site[] = [];
let sample: Site;
let underBase: Site;
/** Built with SITE_URL set to the origin it is served at: canonical links, sitemap, absolute feed. */
let withSite: Site;

async function build(
  label: string,
  base: string,
  args: string[],
  serveFirst = false,
): Promise<Site> {
  const outDir = path.join(projectRoot, '.tmp', 'builds', label);
  // The site-URL variant needs its origin before it is built: the server reads
  // the folder per request, so it can start on the not-yet-built folder.
  const server = serveFirst ? await serveDist(outDir, base) : undefined;
  const env: Record<string, string> = server ? { SITE_URL: server.origin } : {};
  let result = await buildSite({ label, args, env });
  // Builds share the .astro cache with whatever else is building; retry once.
  if (result.code !== 0) result = await buildSite({ label, args, env });
  if (result.code !== 0) await server?.close();
  expect(result.code, `${label}: ${result.stdout}\n${result.stderr}`).toBe(0);
  const served = server ?? (await serveDist(outDir, base));
  const site = { outDir, base, server: served, root: `${served.origin}${base}` };
  sites.push(site);
  return site;
}

beforeAll(async () => {
  // One at a time: the builds share the project's .astro cache.
  sample = await build('checkers', '/', []);
  underBase = await build('checkers-base', '/portfolio/', ['--base', '/portfolio/']);
  withSite = await build('checkers-lh', '/', [], true);
});

afterAll(async () => {
  await Promise.all(sites.map((site) => site.server.close()));
});

/** `case-studies/x/index.html` -> `/case-studies/x/` */
function urlPathOf(file: string): string {
  return `/${file.replace(/(^|\/)index\.html$/, '$1')}`;
}

function htmlFiles(site: Site): string[] {
  return listFiles(site.outDir).filter((file) => file.endsWith('.html'));
}

function firstPageUnder(site: Site, folder: string): string {
  const page = htmlFiles(site).find((file) => file.startsWith(`${folder}/`));
  expect(page, `no page under ${folder}/`).toBeDefined();
  return urlPathOf(page ?? '');
}

/** The case study with the most charts: the heaviest page the generator makes. */
function caseStudyWithCharts(site: Site): string {
  const ranked = htmlFiles(site)
    .filter((file) => file.startsWith('case-studies/'))
    .map((file) => ({
      file,
      charts: readFileSync(path.join(site.outDir, file), 'utf8').split('class="chart').length - 1,
    }))
    .sort((a, b) => b.charts - a.charts || a.file.localeCompare(b.file));
  expect(ranked[0]?.charts ?? 0, 'no case study has a chart').toBeGreaterThan(0);
  return urlPathOf(ranked[0]?.file ?? '');
}

// ---------------------------------------------------------------------------
// 1. html-validate

/**
 * Why each rule in .htmlvalidate.json differs from html-validate:recommended.
 * JSON has no comments and html-validate's config schema rejects unknown keys
 * ("$comment" included), so the reasons live here and a test keeps the two lists equal.
 */
const ruleReasons: Record<string, string> = {
  'no-inline-style':
    "Shiki's dual-theme code blocks colour every token with inline CSS variables and scroll " +
    'with `overflow-x:auto` (shikiConfig `wrap: false`); the CSP allows inline style attributes ' +
    'for exactly this (src/integration.ts). Only `overflow-x` is added; other inline styles still fail.',
  'prefer-native-element':
    'Wide tables scroll inside `<div class="table-scroll" role="region" tabindex="0" aria-label>` ' +
    '(the keyboard-scrollable region pattern axe asks for, src/styles/charts.css). Only the ' +
    '`region` role is excluded; every other role that has a native element still fails.',
  'long-title':
    'A case-study title may be 120 characters (README, frontmatter reference) and the page title ' +
    'appends " · " and the profile name (at most 80): 203, not the 70-character SEO heuristic. ' +
    'Summary length is the authoring lint for what a card shows.',
};

describe('html-validate', () => {
  const configFile = path.join(projectRoot, '.htmlvalidate.json');

  it('has a documented reason for every rule the config changes', () => {
    const config = JSON.parse(readFileSync(configFile, 'utf8')) as {
      extends: string[];
      rules?: Record<string, unknown>;
    };
    expect(config.extends).toEqual(['html-validate:recommended']);
    expect(Object.keys(config.rules ?? {}).sort()).toEqual(Object.keys(ruleReasons).sort());
  });

  for (const [name, site] of [
    ['the sample site', () => sample],
    ['the sample site under /portfolio/', () => underBase],
    ['the sample site with a site URL', () => withSite],
  ] as const) {
    it(`finds no errors in any page of ${name}`, async () => {
      const { outDir } = site();
      // Loads .htmlvalidate.json the way the CLI and editors do: found from each file's folder up.
      const validator = new HtmlValidate(new FileSystemConfigLoader());
      const files = htmlFiles(site());
      expect(files.length).toBeGreaterThan(20);
      const errors: string[] = [];
      for (const file of files) {
        const report = await validator.validateFile(path.join(outDir, file));
        for (const result of report.results) {
          for (const message of result.messages) {
            if (message.severity !== 2) continue;
            errors.push(`${file}:${message.line}:${message.ruleId}: ${message.message}`);
          }
        }
      }
      expect(errors, errors.join('\n')).toEqual([]);
    });
  }
});

// ---------------------------------------------------------------------------
// 2. Links

/** URLs listed in an XML file's <loc>, <link> and <guid> elements and atom:link hrefs. */
function xmlUrls(xml: string, xmlUrl: string): string[] {
  const urls = [
    ...[...xml.matchAll(/<(loc|link|guid)(?:\s[^>]*)?>([^<]+)<\/\1>/g)].map((m) => m[2] ?? ''),
    ...[...xml.matchAll(/<atom:link\s[^>]*href="([^"]+)"/g)].map((m) => m[1] ?? ''),
  ];
  return urls.map((url) => new URL(url.trim(), xmlUrl).href);
}

interface Crawl {
  broken: string[];
  ok: string[];
}

/**
 * Crawls the served site with linkinator from `root`, plus extra start URLs.
 * Every link off the loopback origin is skipped before any request is made.
 */
async function crawl(site: Site, extra: string[] = [], sitemap?: string): Promise<Crawl> {
  const origin = `${site.server.origin}/`;
  const checker = new LinkChecker();
  const result = await checker.check({
    path: [site.root, ...extra],
    recurse: true,
    checkCss: true,
    checkFragments: true,
    concurrency: 10,
    timeout: 15_000,
    retry: false,
    linksToSkip: (link: string) => Promise.resolve(!link.startsWith(origin)),
    ...(sitemap ? { sitemap: [sitemap] } : {}),
  });
  const describeLink = (link: LinkResult) =>
    `${link.url} (${link.status ?? 'no status'}) on ${link.parent ?? 'start'}${
      link.failureDetails?.length ? `: ${JSON.stringify(link.failureDetails).slice(0, 200)}` : ''
    }`;
  return {
    broken: result.links.filter((link) => link.state === LinkState.BROKEN).map(describeLink),
    ok: result.links.filter((link) => link.state === LinkState.OK).map((link) => link.url),
  };
}

/** Files Pagefind loads at run time, which no HTML links to: checked from its entry file. */
async function pagefindFiles(site: Site): Promise<string[]> {
  const bundle = `${site.root}pagefind/`;
  const entry = (await (await fetch(`${bundle}pagefind-entry.json`)).json()) as {
    languages: Record<string, { hash: string; wasm: string | null }>;
  };
  const urls = ['pagefind.js', 'pagefind-ui.js', 'pagefind-ui.css', 'pagefind-worker.js'];
  for (const language of Object.values(entry.languages)) {
    urls.push(`pagefind.${language.hash}.pf_meta`);
    if (language.wasm) urls.push(`wasm.${language.wasm}.pagefind`);
  }
  for (const file of listFiles(path.join(site.outDir, 'pagefind'))) {
    if (/^(index|fragment|filter)\//.test(file)) urls.push(file);
  }
  return urls.map((file) => `${bundle}${file}`);
}

async function expectNoBrokenLinks(site: Site): Promise<Crawl> {
  const extra: string[] = [];
  for (const xml of ['rss.xml', 'sitemap-index.xml']) {
    if (!existsSync(path.join(site.outDir, xml))) continue;
    const response = await fetch(`${site.root}${xml}`);
    expect(response.status, xml).toBe(200);
    extra.push(...xmlUrls(await response.text(), `${site.root}${xml}`));
  }
  if (existsSync(path.join(site.outDir, 'robots.txt'))) {
    const robots = await (await fetch(`${site.root}robots.txt`)).text();
    for (const match of robots.matchAll(/^Sitemap:\s*(\S+)/gim)) extra.push(match[1] ?? '');
  }
  if (existsSync(path.join(site.outDir, 'pagefind'))) extra.push(...(await pagefindFiles(site)));
  const origin = `${site.server.origin}/`;
  // Feeds and sitemaps must only point into the site (an absolute URL elsewhere is a bug too).
  expect(extra.filter((url) => !url.startsWith(site.root))).toEqual([]);
  const sitemap = existsSync(path.join(site.outDir, 'sitemap-index.xml'))
    ? `${site.root}sitemap-index.xml`
    : undefined;
  const result = await crawl(
    site,
    [...new Set(extra)].filter((url) => url.startsWith(origin)),
    sitemap,
  );
  expect(result.broken, result.broken.join('\n')).toEqual([]);
  // The crawl reached every page, the bundled assets and the search index.
  const pages = htmlFiles(site).filter((file) => file !== '404.html');
  const reached = new Set(result.ok.map((url) => url.split('#')[0]));
  const missed = pages.filter((file) => !reached.has(`${site.root}${urlPathOf(file).slice(1)}`));
  expect(missed, 'pages no link reaches').toEqual([]);
  expect(result.ok.some((url) => url.startsWith(`${site.root}_astro/`))).toBe(true);
  if (existsSync(path.join(site.outDir, 'pagefind'))) {
    expect(result.ok.some((url) => url.startsWith(`${site.root}pagefind/`))).toBe(true);
  }
  return result;
}

describe('links (linkinator over the served site, loopback only)', () => {
  it('finds no broken link or asset from /', async () => {
    const { ok } = await expectNoBrokenLinks(sample);
    expect(ok.length).toBeGreaterThan(100);
    if (existsSync(path.join(sample.outDir, 'rss.xml'))) {
      expect(ok).toContain(`${sample.root}rss.xml`);
    }
  });

  it('finds no broken link or asset from /portfolio/ in a build with --base /portfolio/', async () => {
    const { ok } = await expectNoBrokenLinks(underBase);
    // Nothing reached escaped the base path (the server answers 404 outside it anyway).
    expect(ok.filter((url) => !url.startsWith(underBase.root))).toEqual([]);
  });

  it('finds no broken link from the sitemap, feed and robots.txt of a build with a site URL', async () => {
    expect(existsSync(path.join(withSite.outDir, 'sitemap-index.xml'))).toBe(true);
    const { ok } = await expectNoBrokenLinks(withSite);
    expect(ok).toContain(`${withSite.root}sitemap-0.xml`);
  });

  it('loads search under /portfolio/ with no failed request', async () => {
    if (!existsSync(path.join(underBase.outDir, 'search', 'index.html'))) return;
    const browser = await launchChromium();
    try {
      const { page, context, errors } = await openPage(
        browser,
        `${underBase.root}search/?q=forecast`,
      );
      const failed: string[] = [];
      page.on('response', (response) => {
        if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`);
      });
      page.on('requestfailed', (request) => failed.push(`failed ${request.url()}`));
      await page.waitForSelector('.pagefind-ui__result', { timeout: 15_000 });
      expect(failed).toEqual([]);
      expect(errors).toEqual([]);
      await context.close();
    } finally {
      await browser.close();
    }
  });
});

// ---------------------------------------------------------------------------
// 3. axe-core

/** Scrolls every chart into view so the lazy initialiser draws it, then waits for paint. */
async function drawAllCharts(page: Page): Promise<void> {
  for (const figure of await page.locator('figure.chart').all()) {
    await figure.scrollIntoViewIfNeeded();
  }
  await page.waitForFunction(() =>
    [...document.querySelectorAll('figure.chart [data-chart-frame]')].every(
      (frame) => !(frame as HTMLElement).hidden,
    ),
  );
  await page.waitForTimeout(200);
  await page.evaluate(() => window.scrollTo(0, 0));
}

describe('axe-core in Chromium on every page type (WCAG 2.1 A/AA)', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  /** [name, url path, what to wait for]; /resume/ and /search/ only when the build has them. */
  function pageTypes(): [string, string, (page: Page) => Promise<void>][] {
    const none = () => Promise.resolve();
    const types: [string, string, (page: Page) => Promise<void>][] = [
      ['home', '/', none],
      ['case study with charts', caseStudyWithCharts(sample), drawAllCharts],
      ['tag page', firstPageUnder(sample, 'tags'), none],
      ['skill page', firstPageUnder(sample, 'skills'), none],
      ['404 page', '/404.html', none],
    ];
    if (existsSync(path.join(sample.outDir, 'resume', 'index.html'))) {
      types.push(['resume', '/resume/', none]);
    }
    if (existsSync(path.join(sample.outDir, 'search', 'index.html'))) {
      types.push([
        'search with results',
        '/search/?q=forecast',
        async (page) => {
          await page.waitForSelector('.pagefind-ui__result', { timeout: 15_000 });
        },
      ]);
    }
    return types;
  }

  for (const dark of [false, true]) {
    const scheme = dark ? 'dark' : 'light';
    it(`finds no violations on any page type (${scheme})`, async () => {
      const found: string[] = [];
      const checked: string[] = [];
      for (const [name, urlPath, ready] of pageTypes()) {
        const { page, context, errors } = await openPage(
          browser,
          `${sample.server.origin}${urlPath}`,
          {
            dark,
          },
        );
        await ready(page);
        for (const violation of await axeViolations(page))
          found.push(`${name} ${urlPath}: ${violation}`);
        for (const error of errors) found.push(`${name} ${urlPath}: console: ${error}`);
        checked.push(name);
        await context.close();
      }
      console.info(`axe (${scheme}) checked: ${checked.join(', ')}`);
      expect(found, found.join('\n')).toEqual([]);
    });
  }
});

// ---------------------------------------------------------------------------
// 4. Lighthouse

describe('Lighthouse (desktop preset)', () => {
  let chrome: LaunchedChrome;
  beforeAll(async () => {
    chrome = await launch({
      chromePath: CHROMIUM,
      logLevel: 'silent',
      chromeFlags: [
        '--headless=new',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
        '--disable-sync',
        '--disable-quic',
        // Nothing but the loopback server resolves: the audit cannot reach the network.
        '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
      ],
    });
  });
  afterAll(() => {
    chrome?.kill();
  });

  const categories = ['performance', 'accessibility', 'best-practices', 'seo'] as const;

  interface Scores {
    scores: Record<(typeof categories)[number], number | null>;
    /** Audits that cost points, per category: `id: title (score) details` */
    failing: Record<string, string[]>;
  }

  const runs = new Map<string, Promise<Scores>>();

  /** Runs Lighthouse once per page and caches the result for the assertions below. */
  function audit(urlPath: string): Promise<Scores> {
    const cached = runs.get(urlPath);
    if (cached) return cached;
    const run = (async (): Promise<Scores> => {
      const result = await lighthouse(
        `${withSite.server.origin}${urlPath}`,
        { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: [...categories] },
        desktopConfig,
      );
      if (!result) throw new Error(`Lighthouse returned nothing for ${urlPath}`);
      const { lhr } = result;
      if (lhr.runtimeError) throw new Error(`${urlPath}: ${lhr.runtimeError.message}`);
      const scores = Object.fromEntries(
        categories.map((id) => [id, lhr.categories[id]?.score ?? null]),
      ) as Scores['scores'];
      const failing: Record<string, string[]> = {};
      for (const id of categories) {
        failing[id] = (lhr.categories[id]?.auditRefs ?? [])
          .filter((ref) => ref.weight > 0)
          .map((ref) => lhr.audits[ref.id])
          .filter((a) => a !== undefined && a.score !== null && a.score < 1)
          .map((a) => {
            const items =
              a?.details && 'items' in a.details
                ? JSON.stringify(a.details.items).slice(0, 400)
                : '';
            return `${a?.id}: ${a?.title} (${a?.score}) ${a?.displayValue ?? ''} ${items}`;
          });
      }
      console.info(
        `Lighthouse ${urlPath}: ${categories
          .map((id) => `${id} ${Math.round((scores[id] ?? 0) * 100)}`)
          .join(
            ', ',
          )}${failing['performance']?.length ? `\n  performance: ${failing['performance'].join('\n  ')}` : ''}`,
      );
      return { scores, failing };
    })();
    runs.set(urlPath, run);
    return run;
  }

  const pagesToAudit = (): [string, string][] => [
    ['home', '/'],
    ['case study', caseStudyWithCharts(withSite)],
  ];

  for (const index of [0, 1]) {
    for (const category of ['accessibility', 'best-practices', 'seo'] as const) {
      it(`scores 100 for ${category} on the ${index === 0 ? 'home page' : 'case study with the most charts'}`, async () => {
        const [, urlPath] = pagesToAudit()[index] ?? ['', '/'];
        const { scores, failing } = await audit(urlPath);
        expect(scores[category], (failing[category] ?? []).join('\n')).toBe(1);
      });
    }
    it(`reports performance on the ${index === 0 ? 'home page' : 'case study with the most charts'} (>= 95 expected, not a gate)`, async () => {
      const [, urlPath] = pagesToAudit()[index] ?? ['', '/'];
      const { scores } = await audit(urlPath);
      expect(scores.performance).not.toBeNull();
    });
  }
});
