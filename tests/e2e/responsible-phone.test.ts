import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeWithBrowser, openPage } from '../helpers/browser.ts';
import { browseSite, type BrowsedSite } from '../helpers/served-site.ts';

/**
 * The widest fairness breakdown a case study can hold, on a 320 px phone
 * (tests/fixtures/fairness-phone): an attribute and a metric label of 80
 * letters without a space, and a table of five metrics wider than the
 * screen. The page scrolls the table, never itself.
 */

describeWithBrowser('a wide fairness breakdown on a 320 px phone', () => {
  let site: BrowsedSite;
  beforeAll(async () => {
    site = await browseSite({ fixture: 'fairness-phone' });
  });
  afterAll(() => site?.close());

  for (const path of ['/', '/tags/insurance/', '/case-studies/claims-triage/']) {
    it(`has no horizontal scrolling: ${path}`, async () => {
      const { page, context } = await openPage(site.browser, `${site.server.origin}${path}`, {
        width: 320,
      });
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow).toBe(0);
      await context.close();
    });
  }

  it('scrolls the table within its frame, the visually hidden "no value" with it', async () => {
    const { page, context } = await openPage(
      site.browser,
      `${site.server.origin}/case-studies/claims-triage/`,
      { width: 320 },
    );
    const frame = page.locator('.fairness__scroll');
    const widths = await frame.evaluate((element) => [element.scrollWidth, element.clientWidth]);
    expect(widths[0]).toBeGreaterThan(widths[1] ?? 0);
    await expect
      .poll(() => page.locator('.fairness__scroll .visually-hidden').allTextContents())
      .toEqual(['no value']);
    await context.close();
  });

  it('shows the breakdown as its table and its chart, drawn at build time, with JavaScript or without', async () => {
    for (const javaScript of [false, true]) {
      const { page, context } = await openPage(
        site.browser,
        `${site.server.origin}/case-studies/claims-triage/`,
        { width: 320, javaScript },
      );
      expect(await page.locator('.fairness__table').isVisible()).toBe(true);
      const chart = page.locator('.responsible figure.chart');
      expect(await chart.isVisible(), String(javaScript)).toBe(true);
      // A phone's column: the narrow drawing, with a bar per group and measure.
      const drawing = chart.locator('.chart__static--narrow');
      expect(await drawing.isVisible(), String(javaScript)).toBe(true);
      expect(await drawing.locator('rect').count()).toBeGreaterThan(3);
      await context.close();
    }
  });
});
