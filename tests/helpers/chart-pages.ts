import type { Browser, Page } from 'playwright-core';
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

/** Scrolls to every chart, top to bottom as a reader would, and waits until each has drawn. */
export async function drawAllCharts(page: Page): Promise<void> {
  for (const figure of await page.locator('figure.chart').all()) {
    await figure.scrollIntoViewIfNeeded();
    await page.waitForFunction(
      (element) => (element as HTMLElement).dataset['chartState'] === 'ready',
      await figure.elementHandle(),
    );
  }
  // Past the last frame of any animation.
  await page.waitForTimeout(600);
}
