// Outside checkers against the built sample site (tests/fixtures/sample): html-validate,
// a link checker (linkinator, kept on loopback), axe-core in Chromium on every page
// type, and Lighthouse with the desktop preset. The browser parts are skipped, with
// the rest, when no Chromium can start (see tests/helpers/browser.ts).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { LaunchedChrome } from 'chrome-launcher';
import { FileSystemConfigLoader, HtmlValidate } from 'html-validate';
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import { LinkChecker, LinkState, type LinkResult } from 'linkinator';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, listFiles, projectRoot } from '../helpers/build.ts';
import {
  axeViolations,
  describeWithBrowser,
  launchChromium,
  openPage,
  chromeLauncherOptions,
} from '../helpers/browser.ts';
import { serveDist, type StaticServer } from '../helpers/static-server.ts';
import { drawAllCharts as drawEveryChart } from '../helpers/chart-pages.ts';
import { launchChromeForLighthouse } from '../helpers/lighthouse.ts';

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
/** The test fixture that uses every component (tests/fixtures/valid), for the static checkers. */
let fixture: Site;
/** A case study with every part of `responsible:`, a fairness table and chart (tests/fixtures/responsible-page). */
let responsible: Site;
/** The sample cohort (tests/fixtures/cohort), under a base path: members' pages and cross-links. */
let cohort: Site;

async function build(
  label: string,
  base: string,
  args: string[],
  { serveFirst = false, fixture }: { serveFirst?: boolean; fixture?: string } = {},
): Promise<Site> {
  // The site-URL variant needs its origin before it is built: the server reads
  // the folder per request, so it can start on the not-yet-built folder (its
  // own, as no other build has that origin in SITE_URL).
  const server = serveFirst
    ? await serveDist(path.join(projectRoot, '.tmp', 'builds', label), base)
    : undefined;
  // buildSite's childEnv drops what Vitest sets (DEV, PROD, MODE...), which the
  // prerendered pages would read: /search/ would render its dev-server branch.
  const config = { args, ...(fixture ? { fixture } : {}) };
  const result = server
    ? await buildSite({ ...config, fresh: true, label, env: { SITE_URL: server.origin } })
    : await buildSite(config);
  if (result.code !== 0) await server?.close();
  expect(result.code, `${label}: ${result.stdout}\n${result.stderr}`).toBe(0);
  const outDir = result.outDir;
  const served = server ?? (await serveDist(outDir, base));
  const site = { outDir, base, server: served, root: `${served.origin}${base}` };
  sites.push(site);
  return site;
}

beforeAll(async () => {
  // One at a time: the builds share the project's .astro cache.
  sample = await build('checkers', '/', []);
  underBase = await build('checkers-base', '/portfolio/', ['--base', '/portfolio/']);
  withSite = await build('checkers-lh', '/', [], { serveFirst: true });
  fixture = await build('checkers-fixture', '/', [], { fixture: 'valid' });
  responsible = await build('checkers-responsible', '/', [], { fixture: 'responsible-page' });
  cohort = await build('checkers-cohort', '/fellows/', ['--base', '/fellows/'], {
    fixture: 'cohort',
  });
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
    "Shiki's code blocks colour every token with inline CSS variables and scroll " +
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
  'no-raw-characters':
    'Relaxed to what the HTML standard allows: a bare `&` not followed by a character-reference-like ' +
    'name (`npm run build && npm run preview` in /search/) is valid HTML and the Nu checker accepts it; ' +
    'ambiguous ampersands such as `&copy` without `;` and raw `<`, `>` still fail.',
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
    ['the valid fixture (every component)', () => fixture],
    ['the responsible-page fixture (Responsible ML, fairness by group)', () => responsible],
  ] as const) {
    it(`finds no errors in any page of ${name}`, async () => {
      const { outDir } = site();
      // Loads .htmlvalidate.json the way the CLI and editors do: found from each file's folder up.
      const validator = new HtmlValidate(new FileSystemConfigLoader());
      const files = htmlFiles(site());
      expect(files.length).toBeGreaterThan(10);
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

/**
 * Start URLs no HTML page links to: the feed's items, every sitemap (indexes followed)
 * and its pages, robots.txt's Sitemap lines, and the files Pagefind loads at run time.
 */
async function unlinkedUrls(site: Site): Promise<string[]> {
  const urls: string[] = [];
  const xmlQueue: string[] = [];
  for (const file of ['rss.xml', 'sitemap-index.xml']) {
    if (existsSync(path.join(site.outDir, file))) xmlQueue.push(`${site.root}${file}`);
  }
  if (existsSync(path.join(site.outDir, 'robots.txt'))) {
    urls.push(`${site.root}robots.txt`);
    const robots = await (await fetch(`${site.root}robots.txt`)).text();
    for (const match of robots.matchAll(/^Sitemap:\s*(\S+)/gim)) xmlQueue.push(match[1] ?? '');
  }
  const seen = new Set<string>();
  for (let xmlUrl = xmlQueue.shift(); xmlUrl !== undefined; xmlUrl = xmlQueue.shift()) {
    if (seen.has(xmlUrl)) continue;
    seen.add(xmlUrl);
    urls.push(xmlUrl);
    const response = await fetch(xmlUrl);
    expect(response.status, xmlUrl).toBe(200);
    for (const url of xmlUrls(await response.text(), xmlUrl)) {
      // A sitemap index lists sitemaps: read those too.
      if (url.endsWith('.xml') && /sitemap/.test(url)) xmlQueue.push(url);
      else urls.push(url);
    }
  }
  if (existsSync(path.join(site.outDir, 'pagefind', 'pagefind-entry.json'))) {
    const bundle = `${site.root}pagefind/`;
    const entry = (await (await fetch(`${bundle}pagefind-entry.json`)).json()) as {
      languages: Record<string, { hash: string; wasm: string | null }>;
    };
    const files = ['pagefind-entry.json', 'pagefind.js', 'pagefind-ui.js', 'pagefind-ui.css'];
    for (const language of Object.values(entry.languages)) {
      files.push(`pagefind.${language.hash}.pf_meta`);
      if (language.wasm) files.push(`wasm.${language.wasm}.pagefind`);
    }
    // The index and fragment chunks are named inside the binary pf_meta: check they are served.
    for (const file of listFiles(path.join(site.outDir, 'pagefind'))) {
      if (/^(index|fragment|filter)\//.test(file)) files.push(file);
    }
    urls.push(...files.map((file) => `${bundle}${file}`));
  }
  return [...new Set(urls)];
}

/**
 * Crawls the served site with linkinator from its root and the unlinked URLs, checking
 * pages, assets, srcset candidates, CSS url()s and #fragments. Every link off the
 * loopback origin is skipped before any request is made.
 */
async function expectNoBrokenLinks(site: Site): Promise<string[]> {
  const origin = `${site.server.origin}/`;
  const extra = await unlinkedUrls(site);
  // Feeds and sitemaps point only into the site (an absolute URL elsewhere would be a bug).
  expect(extra.filter((url) => !url.startsWith(site.root))).toEqual([]);
  const result = await new LinkChecker().check({
    path: [site.root, ...extra],
    recurse: true,
    checkCss: true,
    checkFragments: true,
    concurrency: 10,
    timeout: 15_000,
    retry: false,
    linksToSkip: (link: string) => Promise.resolve(!link.startsWith(origin)),
  });
  const broken = result.links
    .filter((link) => link.state === LinkState.BROKEN)
    .map(
      (link: LinkResult) =>
        `${link.url} (${link.status ?? 'no response'}) linked from ${link.parent ?? 'a start URL'}`,
    );
  expect(broken, broken.join('\n')).toEqual([]);
  const ok = result.links.filter((link) => link.state === LinkState.OK).map((link) => link.url);
  // The crawl reached every page and the bundled assets (it stays on the origin).
  const reached = new Set(ok.map((url) => url.split('#')[0]));
  const missed = htmlFiles(site)
    .filter((file) => file !== '404.html')
    .filter((file) => !reached.has(new URL(urlPathOf(file).slice(1), site.root).href));
  expect(missed, 'pages no link reaches').toEqual([]);
  expect(ok.filter((url) => url.startsWith(`${site.root}_astro/`)).length).toBeGreaterThan(2);
  return ok;
}

describe('links (linkinator over the served site, loopback only)', () => {
  it('finds no broken link or asset from /', async () => {
    const ok = await expectNoBrokenLinks(sample);
    expect(ok).toContain(`${sample.root}favicon.svg`);
    expect(ok).toContain(`${sample.root}rss.xml`);
  });

  it('finds no broken link or asset from /portfolio/ in a build with --base /portfolio/', async () => {
    const ok = await expectNoBrokenLinks(underBase);
    expect(ok).toContain(`${underBase.root}favicon.svg`);
    // Nothing escaped the base path (the server answers 404 outside it anyway).
    expect(ok.filter((url) => !url.startsWith(underBase.root))).toEqual([]);
  });

  it('finds no broken link from the sitemap, feed and robots.txt of a build with a site URL', async () => {
    const ok = await expectNoBrokenLinks(withSite);
    expect(ok).toContain(`${withSite.root}sitemap-index.xml`);
    expect(ok).toContain(`${withSite.root}sitemap-0.xml`);
  });

  it('finds no broken link or asset in the valid fixture (every component)', async () => {
    await expectNoBrokenLinks(fixture);
  });

  it("finds no broken link in the sample cohort under a base path, members' pages and links between them included", async () => {
    const ok = await expectNoBrokenLinks(cohort);
    expect(ok.some((url) => url.startsWith(`${cohort.root}people/`))).toBe(true);
    expect(ok).toContain(`${cohort.root}case-studies/`);
  });

  it('finds no broken link in the responsible-page fixture, its model cards included', async () => {
    const ok = await expectNoBrokenLinks(responsible);
    expect(ok).toContain(`${responsible.root}case-studies/fraud-review/model-card.md`);
    expect(ok).toContain(`${responsible.root}case-studies/plain-forecast/model-card.md`);
  });
});

describeWithBrowser('search in Chromium (a build under /portfolio/)', () => {
  it('loads search under /portfolio/ with every request answered', async () => {
    const browser = await launchChromium();
    try {
      const context = await browser.newContext();
      const page = await context.newPage();
      // Pagefind's UI, index chunks, fragments and WebAssembly are fetched at run time.
      const failed: string[] = [];
      page.on('response', (response) => {
        if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`);
      });
      page.on('requestfailed', (request) => failed.push(`failed ${request.url()}`));
      page.on('pageerror', (error) => failed.push(`error ${error.message}`));
      await page.goto(`${underBase.root}search/?q=forecast`);
      await page.waitForSelector('.pagefind-ui__result', { timeout: 15_000 });
      await page.waitForLoadState('networkidle');
      expect(failed).toEqual([]);
      await context.close();
    } finally {
      await browser.close();
    }
  });
});

// ---------------------------------------------------------------------------
// 3. axe-core

/** Draws every chart (each reports data-chart-state="ready"), then returns to the top. */
async function drawAllCharts(page: Page): Promise<void> {
  await drawEveryChart(page);
  await page.evaluate(() => window.scrollTo(0, 0));
}

describeWithBrowser('axe-core in Chromium on every page type (WCAG 2.1 A/AA)', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  /**
   * [name, url path, what to wait for, site]: every kind of page the sample site
   * has, and the Responsible ML section and the marked card of the
   * responsible-page fixture.
   */
  function pageTypes(): [string, string, (page: Page) => Promise<void>, Site][] {
    const none = () => Promise.resolve();
    return [
      ['home', '/', none, sample],
      ['case study with charts', caseStudyWithCharts(sample), drawAllCharts, sample],
      ['tag page', firstPageUnder(sample, 'tags'), none, sample],
      ['skill page', firstPageUnder(sample, 'skills'), none, sample],
      ['404 page', '/404.html', none, sample],
      ['resume', '/resume/', none, sample],
      [
        'search with results',
        '/search/?q=forecast',
        async (page) => {
          await page.waitForSelector('.pagefind-ui__result', { timeout: 15_000 });
        },
        sample,
      ],
      ['home with a card evaluated across groups', '/', none, responsible],
      [
        'case study with Responsible ML and fairness by group',
        '/case-studies/fraud-review/',
        drawAllCharts,
        responsible,
      ],
    ];
  }

  for (const dark of [false, true]) {
    const scheme = dark ? 'dark' : 'light';
    it(`finds no violations on any page type (${scheme})`, async () => {
      const found: string[] = [];
      const checked: string[] = [];
      for (const [name, urlPath, ready, site] of pageTypes()) {
        const file = urlPath.endsWith('/') ? `${urlPath}index.html` : urlPath.split('?')[0];
        expect(existsSync(path.join(site.outDir, file ?? '')), `${name}: ${file}`).toBe(true);
        const { page, context, errors } = await openPage(
          browser,
          `${site.server.origin}${urlPath}`,
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

describeWithBrowser('Lighthouse (desktop preset)', () => {
  let chrome: LaunchedChrome;
  beforeAll(async () => {
    chrome = await launchChromeForLighthouse(chromeLauncherOptions());
  });
  afterAll(() => {
    chrome?.kill();
  });

  const categories = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
  /**
   * The desktop preset scores these pages 100 on an idle machine; the floor leaves room
   * for a test machine shared with other builds (Lighthouse times the page's own work).
   */
  const PERFORMANCE_FLOOR = 0.9;
  type Category = (typeof categories)[number];

  interface Audit {
    scores: Record<Category, number | null>;
    /** Weighted audits that cost points, per category: `id: title (score) value details`. */
    failing: Record<Category, string[]>;
    /** Every URL the page requested. */
    requests: string[];
  }

  const runs = new Map<string, Promise<Audit>>();

  /** Runs Lighthouse once per page (cached for the assertions below) and prints the scores. */
  function audit(urlPath: string): Promise<Audit> {
    const cached = runs.get(urlPath);
    if (cached) return cached;
    const run = (async (): Promise<Audit> => {
      const result = await lighthouse(
        `${withSite.server.origin}${urlPath}`,
        { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: [...categories] },
        desktopConfig,
      );
      if (!result) throw new Error(`Lighthouse returned nothing for ${urlPath}`);
      const { lhr } = result;
      if (lhr.runtimeError) throw new Error(`${urlPath}: ${lhr.runtimeError.message}`);
      const scores = {} as Audit['scores'];
      const failing = {} as Audit['failing'];
      for (const id of categories) {
        scores[id] = lhr.categories[id]?.score ?? null;
        failing[id] = [];
        for (const ref of lhr.categories[id]?.auditRefs ?? []) {
          const item = lhr.audits[ref.id];
          if (ref.weight === 0 || !item || item.score === null || item.score >= 1) continue;
          const details =
            item.details && 'items' in item.details
              ? JSON.stringify(item.details.items).slice(0, 400)
              : '';
          failing[id].push(
            `${item.id}: ${item.title} (${item.score}) ${item.displayValue ?? ''} ${details}`,
          );
        }
      }
      const network = lhr.audits['network-requests']?.details;
      const requests =
        network && 'items' in network
          ? network.items.map((row: Record<string, unknown>) => String(row['url']))
          : [];
      console.info(
        [
          `Lighthouse ${urlPath}: ${categories.map((id) => `${id} ${Math.round((scores[id] ?? 0) * 100)}`).join(', ')}`,
          ...failing.performance.map((line) => `  performance: ${line}`),
        ].join('\n'),
      );
      return { scores, failing, requests };
    })();
    runs.set(urlPath, run);
    return run;
  }

  const audited: [string, () => string][] = [
    ['the home page', () => '/'],
    ['the case study with the most charts', () => caseStudyWithCharts(withSite)],
  ];

  for (const [name, urlPath] of audited) {
    for (const category of ['accessibility', 'best-practices', 'seo'] as const) {
      it(`scores 100 for ${category} on ${name}`, async () => {
        const { scores, failing } = await audit(urlPath());
        expect(scores[category], failing[category].join('\n')).toBe(1);
      });
    }

    it(`scores at least ${PERFORMANCE_FLOOR * 100} for performance on ${name}`, async () => {
      const { scores, failing } = await audit(urlPath());
      expect(scores.performance, failing.performance.join('\n')).toBeGreaterThanOrEqual(
        PERFORMANCE_FLOOR,
      );
    });

    it(`audits only the local page on ${name}: no request leaves the loopback server`, async () => {
      const { requests } = await audit(urlPath());
      const local = `${withSite.server.origin}/`;
      // The audit saw the page and its stylesheet (a headless shell asks for no favicon).
      expect(requests).toContain(`${withSite.server.origin}${urlPath()}`);
      expect(requests.some((url) => url.startsWith(`${local}_astro/`))).toBe(true);
      expect(
        requests.filter((url) => !/^(data|blob):/.test(url) && !url.startsWith(local)),
      ).toEqual([]);
    });
  }
});
