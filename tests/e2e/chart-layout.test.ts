// Charts hold their place: on the sample's card-fraud case study (an 808-row
// training curve, a 14-row recall curve and four one-row metric charts), a
// long data table starts closed and a short one open, each chart's frame
// holds its height before the chart draws, so nothing below it moves as the
// reader scrolls, and printing keeps the chart or its table.
import type { LaunchedChrome } from 'chrome-launcher';
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { OPEN_TABLE_MAX_ROWS } from '../../src/charts/data.ts';
import { axeViolations, describeWithBrowser } from '../helpers/browser.ts';
import { chartPage, drawAllCharts } from '../helpers/chart-pages.ts';
import { launchChromeForLighthouse } from '../helpers/lighthouse.ts';

const charts = chartPage('sample', '/case-studies/card-fraud-detection/');
const open = charts.open;

interface FigureState {
  title: string;
  rows: number;
  open: boolean;
  summary: string;
  drawn: boolean;
  /** Heights of the frame the chart draws in, its plot box and the canvas. */
  frame: number;
  plot: number;
  canvas: number;
  /** Top of the first element after the figure, in page coordinates. */
  nextTop: number;
}

function figures(page: Page): Promise<FigureState[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('figure.chart')].map((figure) => {
      let next = figure.nextElementSibling;
      // The chart module's <script> follows the first figure; it has no box.
      while (next?.tagName === 'SCRIPT') next = next.nextElementSibling;
      const details = figure.querySelector('details');
      const height = (selector: string) =>
        figure.querySelector(selector)?.getBoundingClientRect().height ?? 0;
      return {
        title: figure.querySelector('.chart__title')?.textContent ?? '',
        rows: figure.querySelectorAll('tbody tr').length,
        open: details?.open ?? false,
        summary: details?.querySelector('summary')?.textContent ?? '',
        drawn: figure.dataset['chartState'] === 'ready',
        frame: height('[data-chart-frame]'),
        plot: height('.chart__plot'),
        canvas: height('canvas'),
        nextTop: (next?.getBoundingClientRect().top ?? Number.NaN) + scrollY,
      };
    }),
  );
}

/** Whether an element is rendered (false inside a closed <details> or display: none). */
function shown(page: Page, selector: string): Promise<boolean[]> {
  return page.evaluate(
    (query) => [...document.querySelectorAll(query)].map((element) => element.checkVisibility()),
    selector,
  );
}

describeWithBrowser('chart figures on a long case study', () => {
  it('opens short data tables and closes long ones, with JavaScript or without', async () => {
    for (const javaScript of [false, true]) {
      const { page, context } = await open({ javaScript });
      const states = await figures(page);
      const long = states.filter((figure) => figure.rows > OPEN_TABLE_MAX_ROWS);
      const short = states.filter((figure) => figure.rows <= OPEN_TABLE_MAX_ROWS);
      expect(long.map((figure) => figure.rows)).toEqual([808, 14]);
      expect(short.length).toBeGreaterThan(0);
      for (const figure of long) expect(figure.open, figure.title).toBe(false);
      for (const figure of short) expect(figure.open, figure.title).toBe(true);
      expect(states.map((figure) => figure.summary)).toEqual(
        states.map((figure) => `Data table (${figure.rows} ${figure.rows === 1 ? 'row' : 'rows'})`),
      );
      await context.close();
    }
  });

  it('keeps a closed table one click away, and shows no chart frame or theme toggle without JavaScript', async () => {
    const { page, context } = await open({ javaScript: false });
    expect(await shown(page, '[data-chart-frame]')).not.toContain(true);
    // A theme toggle that could do nothing is not shown either.
    expect(await shown(page, '[data-theme-toggle]')).toEqual([false]);
    const long = page.locator('figure.chart').first();
    expect(await long.locator('tbody tr').first().isVisible()).toBe(false);
    await long.locator('summary').click();
    expect(await long.locator('tbody tr').first().isVisible()).toBe(true);
    expect(await long.locator('tbody tr').count()).toBe(808);
    await context.close();
  });

  it('holds each chart’s height before it draws, so nothing below a chart moves', async () => {
    const context = await charts.browser().newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    // Scripts arrive well after the first paint, as on a slow connection: whatever
    // waits for them to take its place (a chart, a legend, the theme toggle) would shift.
    await page.route('**/_astro/*.js', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 500));
      await route.continue();
    });
    await page.goto(charts.url());
    const before = await figures(page);
    const heightBefore = await page.evaluate(() => document.documentElement.scrollHeight);
    // Every chart on this page is far below the first screen: none has drawn yet.
    expect(before.filter((figure) => figure.drawn)).toEqual([]);
    // The frame holds a chart's full height (charts.css: at least 220px) before it draws.
    for (const figure of before) expect(figure.frame, figure.title).toBeGreaterThanOrEqual(220);
    await drawAllCharts(page);
    const after = await figures(page);
    expect(after.every((figure) => figure.drawn)).toBe(true);
    for (const [index, figure] of after.entries()) {
      // Chart.js drew into exactly the box held for it.
      expect(figure.frame, figure.title).toBe(before[index]?.frame);
      expect(Math.abs(figure.canvas - figure.plot), figure.title).toBeLessThan(1);
      expect(figure.plot, figure.title).toBeGreaterThan(150);
    }
    for (const [index, figure] of after.entries()) {
      expect(Math.abs(figure.nextTop - (before[index]?.nextTop ?? 0)), figure.title).toBeLessThan(
        1,
      );
    }
    expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBe(heightBefore);
    // The browser's own record: no layout shift at all while loading and scrolling.
    const shifts = await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          new PerformanceObserver((list) => {
            const entries = list.getEntries() as unknown as { value: number }[];
            resolve(entries.reduce((sum, entry) => sum + entry.value, 0));
          }).observe({ type: 'layout-shift', buffered: true });
          setTimeout(() => resolve(0), 500);
        }),
    );
    expect(shifts).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('has no accessibility violations with the charts drawn, in both themes', async () => {
    for (const dark of [false, true]) {
      const { page, context } = await open({ dark });
      await drawAllCharts(page);
      expect(await axeViolations(page), dark ? 'dark' : 'light').toEqual([]);
      await context.close();
    }
  });

  it('prints every chart, and every table when there is no JavaScript to draw charts', async () => {
    const drawnPage = await open();
    await drawnPage.page.emulateMedia({ media: 'print' });
    // Printing draws the charts the reader never scrolled to.
    await drawnPage.page.waitForFunction(
      () =>
        [...document.querySelectorAll<HTMLElement>('figure.chart')].every(
          (figure) => figure.dataset['chartState'] === 'ready',
        ),
      undefined,
      { timeout: 10_000 },
    );
    const painted = await drawnPage.page.evaluate(() =>
      [...document.querySelectorAll<HTMLCanvasElement>('figure.chart canvas')].map((canvas) => {
        const pixels = canvas.getContext('2d')?.getImageData(0, 0, canvas.width, canvas.height);
        let count = 0;
        for (let i = 3; i < (pixels?.data.length ?? 0); i += 4) if (pixels?.data[i]) count++;
        return { height: canvas.getBoundingClientRect().height, count };
      }),
    );
    expect(painted).toHaveLength(6);
    for (const canvas of painted) {
      expect(canvas.height).toBeGreaterThan(100);
      expect(canvas.count).toBeGreaterThan(1000);
    }
    await drawnPage.context.close();

    const plain = await open({ javaScript: false });
    await plain.page.emulateMedia({ media: 'print' });
    expect(await shown(plain.page, 'figure.chart table')).toEqual(Array(6).fill(true));
    expect(await shown(plain.page, 'figure.chart summary')).not.toContain(true);
    await plain.context.close();
  });
});

describeWithBrowser('Lighthouse', () => {
  let chrome: LaunchedChrome;
  beforeAll(async () => {
    chrome = await launchChromeForLighthouse();
  });
  afterAll(() => {
    chrome?.kill();
  });

  it('measures a cumulative layout shift of 0 on a case study with charts', async () => {
    // Lighthouse never scrolls: a window taller than the page makes every
    // chart draw during the audit, so each one's shift (if any) is counted.
    const result = await lighthouse(
      charts.url(),
      {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
        onlyAudits: ['cumulative-layout-shift'],
      },
      {
        ...desktopConfig,
        settings: {
          ...desktopConfig.settings,
          screenEmulation: { mobile: false, width: 1350, height: 12_000, deviceScaleFactor: 1 },
          disableFullPageScreenshot: true,
        },
      },
    );
    const audit = result?.lhr.audits['cumulative-layout-shift'];
    expect(result?.lhr.runtimeError).toBeUndefined();
    expect(audit?.numericValue, JSON.stringify(audit?.details ?? {})).toBe(0);
  });
});
