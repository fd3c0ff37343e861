import Color from 'color';
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
 * Notebooks on a built page (tests/fixtures/notebook): axe clean in light,
 * dark and on a phone; every output colour readable on its panel in both
 * themes; nothing cut off on paper; the page never wider than a 375 px
 * phone, wide outputs scrolling in their own keyboard-focusable boxes; and
 * no script a page without a notebook does not load. (The Nu HTML Checker
 * validates the pages with every fixture: tests/build/html-validity.test.ts.)
 */

let site: BrowsedSite | undefined;
let browser: Browser;
let server: StaticServer;

beforeAll(async () => {
  site = await browseSite({ fixture: 'notebook' });
  ({ browser, server } = site);
});

afterAll(() => site?.close());

const PAGES = ['/case-studies/breast-cancer/', '/case-studies/feature-engineering/'];

async function open(url: string, options: OpenOptions = {}): Promise<Page> {
  const opened = await openPage(browser, `${server.origin}${url}`, options);
  expect(opened.errors).toEqual([]);
  return opened.page;
}

/** Loads every lazy image, so what is measured is the page as read. */
async function loadImages(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const images = [...document.querySelectorAll<HTMLImageElement>('.notebook img')];
    for (const image of images) image.loading = 'eager';
    await Promise.all(images.map((image) => image.decode().catch(() => undefined)));
  });
}

/** Each coloured piece of output text: its colour and the background it sits on. */
async function outputColours(page: Page): Promise<{ what: string; fg: string; bg: string }[]> {
  return page
    .locator('.notebook__stream, .notebook__stream span, .notebook__text')
    .evaluateAll((elements) =>
      elements.map((element) => {
        let bg = 'rgba(0, 0, 0, 0)';
        for (let at: Element | null = element; at; at = at.parentElement) {
          const colour = getComputedStyle(at).backgroundColor;
          if (colour !== 'rgba(0, 0, 0, 0)' && colour !== 'transparent') {
            bg = colour;
            break;
          }
        }
        return {
          what: `${element.tagName.toLowerCase()}.${element.className}`,
          fg: getComputedStyle(element).color,
          bg,
        };
      }),
    );
}

describeWithBrowser('notebooks on a built page', () => {
  for (const url of PAGES) {
    for (const [label, options] of [
      ['light', {}],
      ['dark', { dark: true }],
      ['375 px', { width: 375 }],
    ] as const) {
      it(`leave axe nothing to report on ${url} (${label})`, async () => {
        const page = await open(url, options);
        await loadImages(page);
        expect(await axeViolations(page)).toEqual([]);
        await page.context().close();
      });
    }
  }

  for (const dark of [false, true]) {
    it(`show every output colour at 4.5:1 on its panel (${dark ? 'dark' : 'light'} system theme)`, async () => {
      const page = await open(PAGES[0] ?? '', { dark });
      const colours = await outputColours(page);
      expect(colours.filter(({ what }) => what.includes('ansi-')).length).toBeGreaterThan(5);
      for (const { what, fg, bg } of colours) {
        expect(Color(fg).contrast(Color(bg)), `${what}: ${fg} on ${bg}`).toBeGreaterThanOrEqual(
          4.5,
        );
      }
      await page.context().close();
    });
  }

  it('switch output colours with the theme toggle, as the rest of the page', async () => {
    const page = await open(PAGES[0] ?? '');
    const before = await outputColours(page);
    await page.locator('[data-theme-toggle]').click();
    const after = await outputColours(page);
    expect(after.map(({ bg }) => bg)).not.toEqual(before.map(({ bg }) => bg));
    for (const { what, fg, bg } of after) {
      expect(Color(fg).contrast(Color(bg)), `${what}: ${fg} on ${bg}`).toBeGreaterThanOrEqual(4.5);
    }
    await page.context().close();
  });

  it('keep the page within a 375 px phone: wide code, streams and tables scroll in their own focusable boxes', async () => {
    for (const url of PAGES) {
      const page = await open(url, { width: 375 });
      await loadImages(page);
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow, url).toBe(0);
      const scrolling = await page.locator('.notebook pre, .notebook__html').evaluateAll((boxes) =>
        boxes
          .filter((box) => box.scrollWidth > box.clientWidth + 1)
          .map((box) => ({
            focusable: box.getAttribute('tabindex') === '0',
            scrolls: ['auto', 'scroll'].includes(getComputedStyle(box).overflowX),
          })),
      );
      expect(scrolling.length, url).toBeGreaterThan(0);
      expect(
        scrolling.every((box) => box.focusable && box.scrolls),
        url,
      ).toBe(true);
      await page.context().close();
    }
  });

  it('print every output whole: no box that would cut text off at its edge', async () => {
    for (const url of PAGES) {
      const page = await open(url);
      await loadImages(page);
      await page.emulateMedia({ media: 'print' });
      await page.setViewportSize({ width: 700, height: 900 });
      const cut = await page
        .locator('.notebook pre, .notebook__html, .notebook img, .notebook table')
        .evaluateAll((boxes) => {
          const width = document.documentElement.clientWidth;
          return boxes
            .filter(
              (box) =>
                box.scrollWidth > box.clientWidth + 1 ||
                box.getBoundingClientRect().right > width + 1,
            )
            .map((box) => `${box.tagName.toLowerCase()}.${box.className}`);
        });
      expect(cut, url).toEqual([]);
      await page.context().close();
    }
  });

  it('load no script a page without a notebook does not', async () => {
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
    expect(await loaded(PAGES[0] ?? '')).toEqual(await loaded('/404.html'));
  });
});
