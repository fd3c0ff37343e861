import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  axeViolations,
  describeWithBrowser,
  openPage,
  type OpenOptions,
} from '../helpers/browser.ts';
import type { StaticServer } from '../helpers/static-server.ts';
import { browseSite, type BrowsedSite } from '../helpers/served-site.ts';

/**
 * Math on a built page (tests/fixtures/math): MathML in the HTML, typeset by
 * the browser with no script; the colour of the text around it in light,
 * dark and print; display math that scrolls inside its box on a phone
 * instead of widening the page; axe clean; and the same scripts and
 * Content-Security-Policy as a page without math. (The Nu HTML Checker
 * validates the page with every fixture: tests/build/html-validity.test.ts.)
 */

let site: BrowsedSite | undefined;
let browser: Browser;
let server: StaticServer;
let outDir: string;

beforeAll(async () => {
  site = await browseSite({ fixture: 'math' });
  ({ browser, server, outDir } = site);
});

afterAll(() => site?.close());

const WITH_MATH = '/case-studies/with-math/';
const WITHOUT_MATH = '/case-studies/no-math/';

function html(page: string): string {
  return readFileSync(path.join(outDir, page, 'index.html'), 'utf8');
}

async function open(page: string, options: OpenOptions = {}): Promise<Page> {
  return (await openPage(browser, `${server.origin}${page}`, options)).page;
}

/** Every formula's colour, and its parts', against the colour of the text block it sits in. */
async function mathColours(page: Page): Promise<{ text: string; math: string[] }[]> {
  return page.locator('math').evaluateAll((all) =>
    all.map((math) => {
      const block = math.closest('p, li, .math-display')?.parentElement ?? document.body;
      return {
        text: getComputedStyle(block).color,
        math: [math, ...math.querySelectorAll('mi, mn, mo, mtext')].map(
          (part) => getComputedStyle(part).color,
        ),
      };
    }),
  );
}

function expectTextColour(colours: { text: string; math: string[] }[]): void {
  expect(colours.length).toBe(11);
  for (const { text, math } of colours) {
    expect(new Set(math)).toEqual(new Set([text]));
  }
}

describeWithBrowser('math on a built page', () => {
  it('is MathML in the HTML, each formula once, and dollar amounts stay text', () => {
    const page = html(WITH_MATH);
    expect(page.match(/<math>/g)).toHaveLength(6);
    expect(page.match(/<math display="block"/g)).toHaveLength(5);
    expect(
      page.match(/<(div|span) class="math-display" tabindex="0"><math display="block"/g),
    ).toHaveLength(5);
    expect(page).toContain(
      'The model saves about $94,000 a quarter; a review costs $5 and a missed fraud $180.',
    );
    expect(page).toContain('a fee of $5-$10 applies.');
    expect(page).not.toMatch(/math-unreadable|\\frac|\$\$/);
  });

  it('adds no script and leaves the Content-Security-Policy as on a page without math', () => {
    const scripts = (page: string) =>
      [...html(page).matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)]
        .filter(([, attributes]) => !attributes?.includes('application/ld+json'))
        .map(([, attributes, body]) => `${attributes} ${body}`);
    expect(scripts(WITH_MATH)).toEqual(scripts(WITHOUT_MATH));
    const policy = (page: string) =>
      /<meta http-equiv="content-security-policy" content="([^"]*)"/.exec(html(page))?.[1];
    expect(policy(WITH_MATH)).toBeDefined();
    expect(policy(WITH_MATH)).toBe(policy(WITHOUT_MATH));
  });

  it('loads no script in the browser that a page without math does not', async () => {
    const loaded = async (url: string) => {
      const context = await browser.newContext();
      const page = await context.newPage();
      const scripts: string[] = [];
      page.on('request', (request) => {
        if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
      });
      await page.goto(`${server.origin}${url}`, { waitUntil: 'networkidle' });
      await context.close();
      return scripts.sort();
    };
    expect(await loaded(WITH_MATH)).toEqual(await loaded(WITHOUT_MATH));
  });

  for (const dark of [false, true]) {
    it(`has the colour of the text around it (${dark ? 'dark' : 'light'} system theme)`, async () => {
      const page = await open(WITH_MATH, { dark });
      expectTextColour(await mathColours(page));
      await page.context().close();
    });
  }

  it('has the colour of the text around it after the theme toggle, and in print', async () => {
    const page = await open(WITH_MATH);
    const lightText = await page.evaluate(() => getComputedStyle(document.body).color);
    await page.locator('[data-theme-toggle]').click();
    const colours = await mathColours(page);
    expectTextColour(colours);
    expect(colours[0]?.text).not.toBe(lightText);
    await page.emulateMedia({ media: 'print' });
    expectTextColour(await mathColours(page));
    await page.context().close();
  });

  it('scrolls a wide formula inside its box on a 375 px phone, never the page', async () => {
    const page = await open(WITH_MATH, { width: 375 });
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBe(0);
    // The widest formula's box scrolls (a box that let it overflow would not),
    // so the end of the formula can be reached.
    const scrolled = await page.locator('.math-display').evaluateAll((boxes) => {
      const widest = boxes.reduce((a, b) =>
        b.scrollWidth - b.clientWidth > a.scrollWidth - a.clientWidth ? b : a,
      );
      widest.scrollLeft = widest.scrollWidth;
      return widest.scrollLeft;
    });
    expect(scrolled).toBeGreaterThan(50);
    await page.context().close();
  });

  for (const [label, options] of [
    ['light', {}],
    ['dark', { dark: true }],
    ['375 px', { width: 375 }],
  ] as const) {
    it(`leaves axe nothing to report (${label})`, async () => {
      const page = await open(WITH_MATH, options);
      expect(await axeViolations(page)).toEqual([]);
      await page.context().close();
    });
  }
});
