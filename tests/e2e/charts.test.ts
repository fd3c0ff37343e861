import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { axeViolations, describeWithBrowser } from '../helpers/browser.ts';
import { chartPage, drawAllCharts as drawAll } from '../helpers/chart-pages.ts';

const charts = chartPage('valid', '/case-studies/charts-demo/', { width: 1000 });
const open = charts.open;

/** For each canvas: how many pixels are painted (not transparent), and a colour histogram key. */
function canvasPixels(page: Page): Promise<{ painted: number; colours: string; hash: number }[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLCanvasElement>('figure.chart canvas')].map((canvas) => {
      const context = canvas.getContext('2d');
      if (!context || canvas.width === 0) return { painted: 0, colours: '', hash: 0 };
      const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
      let painted = 0;
      // A cheap fingerprint of every pixel: two frames of an animation differ in it.
      let hash = 0;
      for (let i = 0; i < data.length; i++) hash = (hash * 31 + (data[i] ?? 0)) | 0;
      const seen = new Map<string, number>();
      for (let i = 0; i < data.length; i += 4) {
        if ((data[i + 3] ?? 0) === 0) continue;
        painted++;
        const key = `${data[i]},${data[i + 1]},${data[i + 2]}`;
        seen.set(key, (seen.get(key) ?? 0) + 1);
      }
      const top = [...seen.entries()]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 5)
        .map(([key]) => key)
        .join('|');
      return { painted, colours: top, hash };
    }),
  );
}

describeWithBrowser('charts in Chromium', () => {
  it('paints every chart on the page with no console errors', async () => {
    const { page, context, errors } = await open();
    const figures = await page.locator('figure.chart').count();
    // 5 <Chart>s and MetricsChart split into %, ms and unitless charts.
    expect(figures).toBe(8);
    const tablesOpen = () =>
      page
        .locator('details[data-chart-data]')
        .evaluateAll((all) => all.map((details) => (details as HTMLDetailsElement).open));
    const openBefore = await tablesOpen();
    await drawAll(page);
    const pixels = await canvasPixels(page);
    expect(pixels).toHaveLength(8);
    for (const [index, canvas] of pixels.entries()) {
      expect(canvas.painted, `chart ${index}`).toBeGreaterThan(2000);
    }
    // Drawing a chart leaves its table as it was: long ones closed, short ones open.
    expect(await tablesOpen()).toEqual(openBefore);
    expect(openBefore).toEqual([false, false, true, true, true, true, true, true]);
    expect(await page.locator('details[data-chart-data] summary').first().textContent()).toBe(
      'Data table (40 rows)',
    );
    // The legend the build rendered hides and shows its series once the chart is drawn.
    const multiSeries = page.locator('figure.chart:has(.chart__legend)').first();
    const index = await multiSeries.evaluate((figure) =>
      [...document.querySelectorAll('figure.chart')].indexOf(figure),
    );
    const toggle = multiSeries.locator('.chart__legend-item').first();
    await toggle.click();
    await page.waitForTimeout(600);
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
    expect((await canvasPixels(page))[index]?.painted).toBeLessThan(pixels[index]?.painted ?? 0);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('recolours charts when the theme toggles', async () => {
    const { page, context } = await open();
    await drawAll(page);
    const before = await canvasPixels(page);
    await page.locator('[data-theme-toggle]').click();
    await page.waitForTimeout(300);
    const after = await canvasPixels(page);
    for (const [index, canvas] of after.entries()) {
      expect(canvas.colours, `chart ${index}`).not.toBe(before[index]?.colours);
    }
    await context.close();
  });

  it('shows every number in tables with JavaScript disabled', async () => {
    const { page, context } = await open({ javaScript: false });
    expect(await page.locator('[data-chart-frame]:visible').count()).toBe(0);
    // Long tables are one click away.
    const firstTable = page.locator('figure.chart table').first();
    expect(await firstTable.isVisible()).toBe(false);
    await page.locator('figure.chart summary').first().click();
    expect(await firstTable.isVisible()).toBe(true);
    // 40 epochs of history.csv: every row is in the table.
    expect(await firstTable.locator('tbody tr').count()).toBe(40);
    expect(await firstTable.locator('tbody tr').first().textContent()).toBe('00.780.81');
    // The long run is downsampled to 1,000 rows, and says so.
    const long = page.locator('figure.chart').nth(1);
    expect(await long.locator('tbody tr').count()).toBe(1000);
    expect(await long.locator('figcaption').textContent()).toContain('1000 of 5000 rows shown');
    // Confusion matrices are plain tables.
    expect(await page.locator('.confusion__table').first().textContent()).toContain('89');
    await context.close();
  });

  it('shows a hostile CSV label as text and runs none of it', async () => {
    const { page, context } = await open();
    await drawAll(page);
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBe(
      undefined,
    );
    const cell = page.locator('figure.chart').nth(2).locator('tbody th').first();
    expect(await cell.textContent()).toBe('</script><script>window.__xss=1</script>');
    await context.close();
  });

  it('has no accessibility violations with charts drawn, in both themes', async () => {
    for (const dark of [false, true]) {
      const { page, context } = await open({ dark });
      await drawAll(page);
      expect(await axeViolations(page)).toEqual([]);
      await context.close();
    }
  });

  it('draws without animation when the visitor prefers reduced motion', async () => {
    /** Painted pixels of the first chart right when it is ready, and a second later. */
    const frames = async (reducedMotion: 'reduce' | 'no-preference') => {
      const context = await charts.browser().newContext({ reducedMotion });
      const page = await context.newPage();
      await page.goto(charts.url());
      await page.locator('figure.chart').first().scrollIntoViewIfNeeded();
      // Fingerprint the canvas in the very frame the chart reports ready.
      const atReady = await page.waitForFunction(
        () => {
          const figure = document.querySelector<HTMLElement>('figure.chart');
          const canvas = figure?.querySelector('canvas');
          if (figure?.dataset['chartState'] !== 'ready' || !canvas) return false;
          const data = canvas
            .getContext('2d')
            ?.getImageData(0, 0, canvas.width, canvas.height).data;
          let hash = 0;
          for (let i = 0; i < (data?.length ?? 0); i++) hash = (hash * 31 + (data?.[i] ?? 0)) | 0;
          return { hash };
        },
        undefined,
        { polling: 'raf' },
      );
      const first = { hash: ((await atReady.jsonValue()) as { hash: number }).hash };
      await page.waitForTimeout(1500);
      const last = (await canvasPixels(page))[0];
      await context.close();
      return { first: first.hash, last: last?.hash ?? 0, painted: last?.painted ?? 0 };
    };
    const reduced = await frames('reduce');
    expect(reduced.painted).toBeGreaterThan(2000);
    expect(reduced.first).toBe(reduced.last);
    // Control: with motion allowed the first frame is still mid-animation.
    const animated = await frames('no-preference');
    expect(animated.first).not.toBe(animated.last);
  });
});
