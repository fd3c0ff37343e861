import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  describeWithBrowser,
  axeViolations,
  openPage,
  type OpenOptions,
} from '../helpers/browser.ts';
import type { StaticServer } from '../helpers/static-server.ts';
import { browseSite, type BrowsedSite } from '../helpers/served-site.ts';

let site: BrowsedSite | undefined;
let browser: Browser;
let server: StaticServer;

beforeAll(async () => {
  site = await browseSite({ fixture: 'valid' });
  ({ browser, server } = site);
});

afterAll(() => site?.close());

async function open(path: string, options: OpenOptions = {}): Promise<Page> {
  const opened = await openPage(browser, `${server.origin}${path}`, options);
  pageErrors.set(opened.page, opened.errors);
  return opened.page;
}

/** Errors each opened page reported, for the tests that assert there are none. */
const pageErrors = new WeakMap<Page, string[]>();

const pages = [
  '/',
  '/case-studies/full-study/',
  '/tags/time-series/',
  '/skills/python/',
  '/404.html',
];

describeWithBrowser('accessibility', () => {
  for (const dark of [false, true]) {
    for (const path of pages) {
      it(`axe finds no WCAG 2.1 A/AA violations on ${path} (${dark ? 'dark' : 'light'})`, async () => {
        const page = await open(path, { dark });
        expect(await axeViolations(page)).toEqual([]);
        expect(pageErrors.get(page)).toEqual([]);
        await page.context().close();
      });
    }
  }

  it('offers a skip link as the first thing the keyboard reaches', async () => {
    const page = await open('/case-studies/full-study/');
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => document.activeElement?.textContent);
    expect(focused).toBe('Skip to content');
    await page.context().close();
  });
});

describeWithBrowser('the theme toggle', () => {
  it('follows the system preference until a choice is made', async () => {
    const page = await open('/', { dark: true });
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(background).toBe('rgb(17, 20, 24)');
    const label = await page.getAttribute('[data-theme-toggle]', 'aria-label');
    expect(label).toBe('Switch to light theme');
    await page.context().close();
  });

  it('switches theme, recolours code, and remembers the choice without a flash', async () => {
    const page = await open('/case-studies/full-study/');
    const toggle = page.locator('[data-theme-toggle]');
    await expect(toggle.isVisible()).resolves.toBe(true);
    expect(await toggle.getAttribute('aria-label')).toBe('Switch to dark theme');
    const codeColour = () =>
      page.evaluate(
        () => getComputedStyle(document.querySelector('pre.astro-code span span')!).color,
      );
    const lightCode = await codeColour();
    await toggle.click();
    expect(await page.evaluate(() => document.documentElement.dataset['theme'])).toBe('dark');
    expect(await toggle.getAttribute('aria-label')).toBe('Switch to light theme');
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(
      'rgb(17, 20, 24)',
    );
    expect(await codeColour()).not.toBe(lightCode);

    // A new page in the same session starts dark before any module script runs.
    await page.route('**/*.js', (route) => route.abort());
    await page.goto(`${server.origin}/tags/churn/`, { waitUntil: 'commit' });
    await page.waitForSelector('body');
    const firstPaintTheme = await page.evaluate(() => document.documentElement.dataset['theme']);
    expect(firstPaintTheme).toBe('dark');
    await page.context().close();
  });

  it('can be used with the keyboard', async () => {
    const page = await open('/');
    await page.focus('[data-theme-toggle]');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.documentElement.dataset['theme'])).toBe('dark');
    await page.context().close();
  });
});

describeWithBrowser('layout', () => {
  for (const path of pages) {
    it(`has no horizontal scrolling on a 320 px phone: ${path}`, async () => {
      const page = await open(path, { width: 320 });
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow).toBe(0);
      await page.context().close();
    });
  }

  for (const path of ['/case-studies/full-study/', '/case-studies/from-artifacts/']) {
    it(`shows the at-a-glance block within the first screen of a 390x844 phone: ${path}`, async () => {
      const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
      const page = await context.newPage();
      await page.goto(`${server.origin}${path}`);
      const glance = page.locator('section.glance');
      const box = await glance.boundingBox();
      expect(box).not.toBeNull();
      expect((box?.y ?? 0) + (box?.height ?? 0)).toBeLessThanOrEqual(844);
      const text = (await glance.innerText()).replace(/\s+/g, ' ');
      for (const label of ['Role', 'Period']) expect(text).toContain(label);
      expect(text).toMatch(/better|worse|no change/);
      await context.close();
    });
  }

  it('prints a case study without site chrome', async () => {
    const page = await open('/case-studies/full-study/', { dark: true });
    await page.emulateMedia({ media: 'print' });
    const visible = await page.evaluate(() =>
      ['.site-header nav', '.theme-toggle', '.pager', '.site-footer'].map(
        (selector) => getComputedStyle(document.querySelector(selector)!).display,
      ),
    );
    expect(visible).toEqual(['none', 'none', 'none', 'none']);
    // Paper is light even when the screen was dark.
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(
      'rgb(255, 255, 255)',
    );
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.byteLength).toBeGreaterThan(10_000);
    await page.context().close();
  });
});
