import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { axeViolations, describeWithBrowser } from '../helpers/browser.ts';
import { chartPage, drawAllCharts as drawAll, goLive } from '../helpers/chart-pages.ts';

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
  it('shows every chart drawn at build time and loads no chart code until a reader reaches for one', async () => {
    const context = await charts.browser().newContext({ viewport: { width: 1000, height: 900 } });
    const page = await context.newPage();
    const scripts: string[] = [];
    page.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
    });
    await page.goto(charts.url());
    const figures = page.locator('figure.chart');
    // 5 <Chart>s and MetricsChart split into %, ms and unitless charts.
    expect(await figures.count()).toBe(8);
    // A reader who scrolls through and only looks sees every chart, drawn.
    for (const figure of await figures.all()) {
      await figure.locator('.chart__title').scrollIntoViewIfNeeded();
      const drawing = figure.locator('.chart__static--wide');
      expect(await drawing.isVisible()).toBe(true);
      expect(await drawing.locator('path, rect, circle').count()).toBeGreaterThan(3);
    }
    await page.mouse.move(0, 0);
    await page.waitForTimeout(300);
    const chartCode = () => scripts.filter((script) => /\/charts\.[\w-]+\.js$/.test(script));
    expect(chartCode()).toEqual([]);
    expect(await page.locator('canvas').count()).toBe(0);
    // The pointer over one chart loads Chart.js, and only that chart goes live.
    await goLive(page, figures.nth(2));
    expect(chartCode()).toHaveLength(1);
    expect(
      await figures.evaluateAll((all) => all.map((figure) => figure.dataset['chartState'])),
    ).toEqual([
      undefined,
      undefined,
      'ready',
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
    await context.close();
  });

  it('draws the live chart in place of the drawing, tables as they were, legend toggles working', async () => {
    const { page, context, errors } = await open();
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
    // The drawing stays in the page for paper, hidden under the live chart.
    expect(await page.locator('.chart__static--wide:visible').count()).toBe(0);
    expect(await tablesOpen()).toEqual(openBefore);
    expect(openBefore).toEqual([false, false, true, true, true, true, true, true]);
    expect(await page.locator('details[data-chart-data] summary').first().textContent()).toBe(
      'Data table (40 rows)',
    );
    // The legend the build rendered hides and shows its series.
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

  it('keeps a legend toggle pressed from the keyboard while Chart.js is still loading', async () => {
    const context = await charts.browser().newContext({ viewport: { width: 1000, height: 900 } });
    const page = await context.newPage();
    // A slow connection: the chart module arrives well after the key press.
    await page.route(/\/charts\.[\w-]+\.js$/, async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 800));
      await route.continue();
    });
    await page.goto(charts.url());
    const figure = page.locator('figure.chart:has(.chart__legend)').first();
    const toggle = figure.locator('.chart__legend-item').first();
    await toggle.focus();
    await page.keyboard.press('Enter');
    expect(await figure.getAttribute('data-chart-state')).toBe(null);
    await page.waitForFunction(
      (element) => (element as HTMLElement).dataset['chartState'] === 'ready',
      await figure.elementHandle(),
    );
    await expect.poll(() => toggle.getAttribute('aria-pressed')).toBe('false');
    await context.close();
  });

  it('colours the drawings and recolours live charts when the theme toggles', async () => {
    const { page, context } = await open();
    const seriesFill = () =>
      page
        .locator('.chart__static--wide .f1')
        .first()
        .evaluate((shape) => getComputedStyle(shape).fill);
    const textFill = () =>
      page
        .locator('.chart__static--wide .fm')
        .first()
        .evaluate((shape) => getComputedStyle(shape).fill);
    const light = { series: await seriesFill(), text: await textFill() };
    await page.locator('[data-theme-toggle]').click();
    const dark = { series: await seriesFill(), text: await textFill() };
    // The drawing takes the palette of charts.css: the same blue, a lighter grey for text.
    expect(light.series).toBe('rgb(0, 114, 178)');
    expect(dark.series).toBe('rgb(0, 114, 178)');
    expect(dark.text).not.toBe(light.text);
    await page.locator('[data-theme-toggle]').click();
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

  it('shows every chart and every number with JavaScript disabled', async () => {
    const { page, context } = await open({ javaScript: false });
    expect(await page.locator('.chart__static--wide:visible').count()).toBe(8);
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
    expect(await long.locator('figcaption').textContent()).toContain('1,000 of 5,000 rows shown');
    // Confusion matrices are plain tables.
    expect(await page.locator('.confusion__table').first().textContent()).toContain('89');
    await context.close();
  });

  it('colours the drawings for a dark system theme with JavaScript disabled', async () => {
    const fills = async (dark: boolean) => {
      const { page, context } = await open({ javaScript: false, dark });
      const fill = await page
        .locator('.chart__static--wide text.fm')
        .first()
        .evaluate((text) => getComputedStyle(text).fill);
      await context.close();
      return fill;
    };
    const [light, dark] = [await fills(false), await fills(true)];
    expect(light).not.toBe(dark);
    // Light text on the dark background: each channel over half.
    expect(
      dark
        .match(/\d+/g)
        ?.slice(0, 3)
        .map(Number)
        .every((channel) => channel > 128),
    ).toBe(true);
  });

  it('shows the narrow drawing on a phone, and the wide one on a laptop', async () => {
    const { page, context } = await open({ width: 390 });
    expect(await page.locator('.chart__static--narrow:visible').count()).toBe(8);
    expect(await page.locator('.chart__static--wide:visible').count()).toBe(0);
    // The plot box has the narrow drawing's proportions, 324 by 240.
    const box = await page.locator('.chart__plot').first().boundingBox();
    expect((box?.width ?? 0) / (box?.height ?? 1)).toBeCloseTo(324 / 240, 1);
    await context.close();
  });

  it('shows a hostile CSV label as text and runs none of it', async () => {
    const { page, context } = await open();
    await drawAll(page);
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBe(
      undefined,
    );
    const figure = page.locator('figure.chart').nth(2);
    const label = '</script><script>window.__xss=1</script>';
    expect(await figure.locator('tbody th').first().textContent()).toBe(label);
    // The drawing writes it as a text node, not markup.
    expect(await figure.locator('.chart__static--wide text', { hasText: label }).count()).toBe(1);
    expect(await figure.locator('.chart__static script').count()).toBe(0);
    await context.close();
  });

  it('has no accessibility violations, drawn or live, in both themes', async () => {
    for (const dark of [false, true]) {
      const { page, context } = await open({ dark });
      expect(await axeViolations(page), 'drawn').toEqual([]);
      await drawAll(page);
      expect(await axeViolations(page), 'live').toEqual([]);
      await context.close();
    }
  });

  it('names and describes each chart the same way, drawn or live', async () => {
    const { page, context } = await open();
    const names = () =>
      page.locator('figure.chart .chart__plot').evaluateAll((plots) =>
        plots.map((plot) => ({
          role: plot.getAttribute('role'),
          name: plot.getAttribute('aria-label'),
          described: plot.getAttribute('aria-describedby'),
        })),
      );
    const drawn = await names();
    expect(drawn.every(({ role }) => role === 'img')).toBe(true);
    expect(drawn[0]?.name).toMatch(/^Line chart: /);
    const snapshot = await page.locator('figure.chart').first().ariaSnapshot();
    expect(snapshot).toContain(`img "${drawn[0]?.name ?? ''}"`);
    await drawAll(page);
    expect(await names()).toEqual(drawn);
    expect(await page.locator('figure.chart').first().ariaSnapshot()).toBe(snapshot);
    await context.close();
  });

  it('draws the live chart without animation: it is the chart the reader already sees', async () => {
    const { page, context } = await open();
    const figure = page.locator('figure.chart').first();
    await goLive(page, figure);
    await page.mouse.move(0, 0);
    const first = (await canvasPixels(page))[0]?.hash;
    await page.waitForTimeout(1000);
    expect((await canvasPixels(page))[0]?.hash).toBe(first);
    await context.close();
  });
});
