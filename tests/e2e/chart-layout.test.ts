// Charts hold their place: on the sample's card-fraud case study (an 808-row
// training curve, a 14-row recall curve and four one-row metric charts), a
// long data table starts closed and a short one open, each chart is its
// build-time drawing from the first paint, the live chart takes exactly its
// box, so nothing below it moves, and paper gets the drawing.
import type { LaunchedChrome } from 'chrome-launcher';
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { OPEN_TABLE_MAX_ROWS } from '../../src/charts/data.ts';
import { axeViolations, chromeLauncherOptions, describeWithBrowser } from '../helpers/browser.ts';
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
  /** Heights of the frame (legend and plot), the plot box, its shown drawing and the live canvas. */
  frame: number;
  plot: number;
  drawing: number;
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
        drawing: Math.max(
          ...[...figure.querySelectorAll('.chart__static')].map(
            (svg) => svg.getBoundingClientRect().height,
          ),
        ),
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

  it('shows every chart as its drawing, keeps a closed table one click away, and no theme toggle, without JavaScript', async () => {
    const { page, context } = await open({ javaScript: false });
    expect(await shown(page, '[data-chart-frame]')).toEqual(Array(6).fill(true));
    // One drawing per chart is shown (the wide one, on a laptop), with its lines and bars.
    expect(await shown(page, '.chart__static--wide')).toEqual(Array(6).fill(true));
    expect(await shown(page, '.chart__static--narrow')).toEqual(Array(6).fill(false));
    for (const svg of await page.locator('.chart__static--wide').all()) {
      expect(await svg.locator('path, rect').count()).toBeGreaterThan(3);
    }
    // A theme toggle that could do nothing is not shown either.
    expect(await shown(page, '[data-theme-toggle]')).toEqual([false]);
    const long = page.locator('figure.chart').first();
    expect(await long.locator('tbody tr').first().isVisible()).toBe(false);
    await long.locator('summary').click();
    expect(await long.locator('tbody tr').first().isVisible()).toBe(true);
    expect(await long.locator('tbody tr').count()).toBe(808);
    await context.close();
  });

  it('draws each live chart in its drawing’s box, so nothing below a chart moves', async () => {
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
    // No reader has reached for a chart yet: none is live.
    expect(before.filter((figure) => figure.drawn)).toEqual([]);
    // The plot box is the drawing's: the wide drawing, 638 by 320, in the 638 px column.
    for (const figure of before) {
      expect(figure.plot, figure.title).toBeCloseTo(320, 0);
      expect(figure.drawing, figure.title).toBeCloseTo(figure.plot, 0);
    }
    await drawAllCharts(page);
    const after = await figures(page);
    expect(after.every((figure) => figure.drawn)).toBe(true);
    for (const [index, figure] of after.entries()) {
      // Chart.js drew into exactly the drawing's box.
      expect(figure.frame, figure.title).toBe(before[index]?.frame);
      expect(figure.plot, figure.title).toBe(before[index]?.plot);
      expect(Math.abs(figure.canvas - figure.plot), figure.title).toBeLessThan(1);
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

  it('prints each chart as its drawing, coloured for paper, live or not, dark theme or not', async () => {
    for (const javaScript of [true, false]) {
      const { page, context } = await open({ javaScript, dark: true });
      if (javaScript) await drawAllCharts(page);
      await page.emulateMedia({ media: 'print' });
      expect(await shown(page, 'figure.chart canvas')).not.toContain(true);
      expect(await shown(page, '.chart__static--wide')).toEqual(Array(6).fill(true));
      // Paper is light: the drawing's text is the print palette's dark grey, not the dark theme's light one.
      const fills = await page
        .locator('.chart__static--wide text.fm')
        .evaluateAll((texts) => texts.map((text) => getComputedStyle(text).fill));
      expect(fills.length).toBeGreaterThan(6);
      expect(new Set(fills)).toEqual(new Set(['rgb(51, 51, 51)']));
      // Paper shows the tables that are open; a disclosure's button means nothing there.
      expect(await shown(page, 'figure.chart summary')).not.toContain(true);
      const openTables = await page
        .locator('figure.chart details')
        .evaluateAll((all) => all.map((details) => (details as HTMLDetailsElement).open));
      expect(openTables).toContain(false);
      expect(await shown(page, 'figure.chart table')).toEqual(openTables);
      await context.close();
    }
  });
});

describeWithBrowser('Lighthouse', () => {
  let chrome: LaunchedChrome;
  beforeAll(async () => {
    chrome = await launchChromeForLighthouse(chromeLauncherOptions());
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
