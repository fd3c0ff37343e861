import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { openPage, type OpenOptions, type OpenedPage } from './browser.ts';
import { browseSite, type BrowsedSite } from './served-site.ts';

/** A page with charts from a built fixture, served on loopback, and the Chromium to open it in. */
export interface ChartPage {
  browser(): Browser;
  /** The page's full URL. */
  url(): string;
  /** Opens the page in a fresh context; `defaults` first, then `options`. */
  open(options?: OpenOptions): Promise<OpenedPage>;
}

/**
 * For the test file that calls it (at its top level): builds `fixture` and
 * serves it, and starts Chromium, before its tests; closes both after them.
 */
export function chartPage(fixture: string, urlPath: string, defaults: OpenOptions = {}): ChartPage {
  let site: BrowsedSite | undefined;
  beforeAll(async () => {
    site = await browseSite({ fixture });
  });
  afterAll(() => site?.close());
  const started = () => {
    if (!site) throw new Error('chartPage: used before its beforeAll ran');
    return site;
  };
  const url = () => `${started().server.origin}${urlPath}`;
  return {
    browser: () => started().browser,
    url,
    open: (options = {}) => openPage(started().browser, url(), { ...defaults, ...options }),
  };
}

/**
 * Reaches for every chart, top to bottom as a reader would (the pointer over
 * its plot), and waits until each has drawn its live chart.
 */
export async function drawAllCharts(page: Page): Promise<void> {
  for (const figure of await page.locator('figure.chart').all()) {
    await goLive(page, figure);
  }
}

/** Moves the pointer over a chart's plot and waits for its live chart. */
export async function goLive(page: Page, figure: Locator): Promise<void> {
  await figure.scrollIntoViewIfNeeded();
  await figure.locator('.chart__plot').hover();
  await page.waitForFunction(
    (element) => (element as HTMLElement).dataset['chartState'] === 'ready',
    await figure.elementHandle(),
  );
}
