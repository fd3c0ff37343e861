/**
 * The static drawing the build makes of a chart and the live Chart.js chart
 * that replaces it must look the same: a reader who moves the pointer over a
 * chart should see tooltips appear, not the chart redraw. Each chart kind of
 * the charts-demo fixture (two-series line, a 1,000-point line, bars with a
 * hostile label, horizontal bars, a scatter plot with its diagonal, and the
 * MetricsChart's bars with dashed baselines) is screenshotted both ways, in
 * both themes, and compared with pixelmatch.
 *
 * The page's font is the reader's system font, which the build cannot know,
 * so the build measures text in Noto Sans; here the page is given Noto Sans
 * too, so the comparison sees the drawing, not a font substitution.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import pixelmatch from 'pixelmatch';
import type { Locator, Page } from 'playwright-core';
import sharp from 'sharp';
import { expect, it } from 'vitest';
import { describeWithBrowser } from '../helpers/browser.ts';
import { chartPage } from '../helpers/chart-pages.ts';

const charts = chartPage('valid', '/case-studies/charts-demo/');

const require = createRequire(import.meta.url);
const font = (weight: number) =>
  readFileSync(
    require.resolve(`@fontsource/noto-sans/files/noto-sans-latin-${weight}-normal.woff2`),
  );

/**
 * The share of a plot's pixels that may differ. What differs is the edges of
 * text and of steep lines, by a fraction of a pixel (SVG and canvas place a
 * glyph's middle baseline from rounded and unrounded font metrics): 0.2 to
 * 1.1 % on these charts. Hiding one of two series differs in 5.8 %.
 */
const TOLERANCE = 0.02;

async function openWithNotoSans(dark: boolean): Promise<Page> {
  const context = await charts.browser().newContext({
    colorScheme: dark ? 'dark' : 'light',
    // The prose column then gives the plot exactly the wide drawing's 638 px.
    viewport: { width: 1280, height: 900 },
    // The added font face and style are the test's, not the site's.
    bypassCSP: true,
  });
  const page = await context.newPage();
  await page.route('https://fonts.test/**', (route) =>
    route.fulfill({
      contentType: 'font/woff2',
      body: font(route.request().url().endsWith('700.woff2') ? 700 : 400),
    }),
  );
  await page.goto(charts.url());
  await page.addStyleTag({
    content: `
      @font-face { font-family: 'Test Noto Sans'; font-weight: 400; src: url(https://fonts.test/400.woff2); }
      @font-face { font-family: 'Test Noto Sans'; font-weight: 700; src: url(https://fonts.test/700.woff2); }
      :root { --font-sans: 'Test Noto Sans', sans-serif; }
    `,
  });
  await page.evaluate(async () => {
    await document.fonts.load('12px "Test Noto Sans"');
    await document.fonts.load('bold 12px "Test Noto Sans"');
  });
  return page;
}

async function pixels(plot: Locator): Promise<{ data: Buffer; width: number; height: number }> {
  const png = await plot.screenshot({ animations: 'disabled' });
  const { data, info } = await sharp(png).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

/** Draws a figure live without a tooltip: the pointer crosses its title, not its plot. */
async function goLiveWithoutTooltip(page: Page, figure: Locator): Promise<void> {
  await figure.locator('.chart__title').hover();
  await page.waitForFunction(
    (element) => (element as HTMLElement).dataset['chartState'] === 'ready',
    await figure.elementHandle(),
  );
  await page.mouse.move(0, 0);
}

/** The share of pixels that differ between a figure's static drawing and its live chart. */
async function difference(page: Page, figure: Locator): Promise<number> {
  await figure.scrollIntoViewIfNeeded();
  const plot = figure.locator('.chart__plot');
  const drawn = await pixels(plot);
  await goLiveWithoutTooltip(page, figure);
  const live = await pixels(plot);
  expect(live.width).toBe(drawn.width);
  expect(live.height).toBe(drawn.height);
  const differing = pixelmatch(drawn.data, live.data, null, drawn.width, drawn.height, {
    threshold: 0.1,
  });
  return differing / (drawn.width * drawn.height);
}

describeWithBrowser('a chart drawn at build time looks like the live chart', () => {
  for (const dark of [false, true]) {
    it(`matches for every chart kind, ${dark ? 'dark' : 'light'} theme`, async () => {
      const page = await openWithNotoSans(dark);
      const figures = await page.locator('figure.chart').all();
      expect(figures).toHaveLength(8);
      const differences: Record<string, number> = {};
      for (const figure of figures) {
        const title = (await figure.locator('.chart__title').textContent()) ?? '';
        differences[title] = await difference(page, figure);
      }
      for (const [title, share] of Object.entries(differences)) {
        expect(share, `${title}: ${(share * 100).toFixed(2)}% of pixels differ`).toBeLessThan(
          TOLERANCE,
        );
      }
      await page.context().close();
    });
  }

  it('tells a different chart apart (the comparison is not blind)', async () => {
    const page = await openWithNotoSans(false);
    const [first, second] = await page.locator('figure.chart').all();
    if (!first || !second) throw new Error('the fixture has two charts');
    await first.scrollIntoViewIfNeeded();
    const a = await pixels(first.locator('.chart__plot'));
    // The same drawing with its second series hidden, as a reader's toggle leaves it.
    await goLiveWithoutTooltip(page, first);
    await first.locator('.chart__legend-item').nth(1).click();
    await page.mouse.move(0, 0);
    await page.waitForTimeout(600);
    const b = await pixels(first.locator('.chart__plot'));
    const share = pixelmatch(a.data, b.data, null, a.width, a.height, { threshold: 0.1 });
    expect(share / (a.width * a.height)).toBeGreaterThan(TOLERANCE);
    await page.context().close();
  });
});
