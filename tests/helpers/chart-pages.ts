import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { buildSite } from './build.ts';
import {
  launchChromium,
  openPage,
  serveDist,
  type OpenOptions,
  type OpenedPage,
  type StaticServer,
} from './browser.ts';

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
export function chartPage(
  fixture: string,
  label: string,
  urlPath: string,
  defaults: OpenOptions = {},
): ChartPage {
  let browser: Browser | undefined;
  let server: StaticServer | undefined;
  beforeAll(async () => {
    const result = await buildSite({ fixture, label });
    expect(result.code, result.stderr).toBe(0);
    server = await serveDist(result.outDir);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  const started = () => {
    if (!browser || !server) throw new Error('chartPage: used before its beforeAll ran');
    return { browser, server };
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
