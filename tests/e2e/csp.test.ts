import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeWithBrowser, openPage } from '../helpers/browser.ts';
import type { StaticServer } from '../helpers/static-server.ts';
import { drawAllCharts } from '../helpers/chart-pages.ts';
import { browseSite, type BrowsedSite } from '../helpers/served-site.ts';

/**
 * The Content-Security-Policy of every page (`default-src 'self'`,
 * `base-uri 'none'`, `object-src 'none'`, `form-action 'self'`, scripts only
 * from the site or hashed) in Chromium: what the site itself does (charts,
 * search, the theme toggle, the résumé and its PDF) is never refused, and a
 * `<base>` slipped into a page cannot send its links elsewhere.
 */

let site: BrowsedSite | undefined;
let browser: Browser;
let server: StaticServer;

beforeAll(async () => {
  site = await browseSite({ fixture: 'valid' });
  ({ browser, server } = site);
});

afterAll(() => site?.close());

/** Opens a page, recording every policy violation it reports. */
async function open(path: string): Promise<{ page: Page; errors: string[] }> {
  const opened = await openPage(browser, `${server.origin}${path}`);
  return { page: opened.page, errors: opened.errors };
}

/** The console lines in which Chromium reports a refused load, script or base. */
const violations = (errors: string[]) =>
  errors.filter((line) => /Content Security Policy|Refused to/i.test(line));

describeWithBrowser('the Content-Security-Policy in Chromium', () => {
  it('is complete: nothing but the site, no base, no plugins, forms only to the site', async () => {
    const { page } = await open('/');
    const policy =
      (await page.locator('meta[http-equiv="content-security-policy"]').getAttribute('content')) ??
      '';
    for (const directive of [
      "default-src 'self'",
      "base-uri 'none'",
      "object-src 'none'",
      "form-action 'self'",
    ]) {
      expect(policy).toContain(directive);
    }
    expect(policy).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    await page.context().close();
  });

  it('lets every chart paint', async () => {
    const { page, errors } = await open('/case-studies/charts-demo/');
    await drawAllCharts(page);
    const states = await page
      .locator('figure.chart')
      .evaluateAll((all) => all.map((figure) => (figure as HTMLElement).dataset['chartState']));
    expect(states.length).toBeGreaterThan(0);
    expect(states.every((state) => state === 'ready')).toBe(true);
    expect(violations(errors)).toEqual([]);
    await page.context().close();
  });

  it('lets search load its index and WebAssembly and show results', async () => {
    const { page, errors } = await open('/search/?q=leakage');
    await page.locator('.pagefind-ui__result-link').first().waitFor();
    expect(await page.locator('.pagefind-ui__result-link').count()).toBe(1);
    expect(violations(errors)).toEqual([]);
    await page.context().close();
  });

  it('lets the theme toggle switch themes', async () => {
    const { page, errors } = await open('/case-studies/full-study/');
    await page.locator('[data-theme-toggle]').click();
    expect(await page.evaluate(() => document.documentElement.dataset['theme'])).toBe('dark');
    expect(violations(errors)).toEqual([]);
    await page.context().close();
  });

  it('shows the résumé with its photo, and serves its PDF', async () => {
    const { page, errors } = await open('/resume/');
    const pdfLink = page.locator('a[href$=".pdf"]');
    expect(await pdfLink.count()).toBe(1);
    const response = await page.request.get(
      new URL((await pdfLink.getAttribute('href')) ?? '', page.url()).href,
    );
    expect(response.status()).toBe(200);
    expect((await response.body()).subarray(0, 5).toString()).toBe('%PDF-');
    const home = await open('/');
    const avatar = home.page.locator('.profile__avatar');
    await avatar.evaluate((image) => (image as HTMLImageElement).decode());
    expect(
      await avatar.evaluate((image) => (image as HTMLImageElement).naturalWidth),
    ).toBeGreaterThan(0);
    expect(violations([...errors, ...home.errors])).toEqual([]);
    await page.context().close();
    await home.page.context().close();
  });

  it('ignores a <base> slipped into a page: relative links stay on the site', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('console', (message) => errors.push(message.text()));
    // The page as built, with a <base> added by hand where a body would put it.
    await page.route('**/case-studies/full-study/', async (route) => {
      const response = await route.fetch();
      const html = (await response.text()).replace(
        '<main',
        '<base href="https://elsewhere.example/"><main',
      );
      await route.fulfill({ response, body: html });
    });
    await page.goto(`${server.origin}/case-studies/full-study/`);
    expect(await page.locator('base').count()).toBe(1);
    expect(await page.evaluate(() => document.baseURI)).toBe(
      `${server.origin}/case-studies/full-study/`,
    );
    const resolved = await page.evaluate(() => {
      const link = document.createElement('a');
      link.setAttribute('href', '../pricing-dashboard/');
      return link.href;
    });
    expect(resolved).toBe(`${server.origin}/case-studies/pricing-dashboard/`);
    expect(errors.some((line) => /base-uri/.test(line))).toBe(true);
    await context.close();
  });
});
