import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { axeViolations, describeWithBrowser, openPage } from '../helpers/browser.ts';
import type { StaticServer } from '../helpers/static-server.ts';
import { browseSite, type BrowsedSite } from '../helpers/served-site.ts';

/**
 * The German portfolio of tests/fixtures/languages in Chromium: axe finds
 * nothing on its German pages nor on its Arabic case study, and the Arabic
 * page lays out right to left (the Nu HTML Checker validates every page of
 * the same build: tests/build/html-validity.test.ts).
 */

let site: BrowsedSite | undefined;
let browser: Browser;
let server: StaticServer;

beforeAll(async () => {
  site = await browseSite({
    fixture: 'languages',
    env: { CASEFOLIO_TEST_OPTIONS: JSON.stringify({ locale: 'de' }) },
  });
  ({ browser, server } = site);
}, 600_000);

afterAll(() => site?.close());

const GERMAN = '/case-studies/kundenabwanderung/';
const ARABIC = '/case-studies/tawaqqu-al-talab/';

async function open(path: string, width = 1280): Promise<{ page: Page; errors: string[] }> {
  const { page, errors } = await openPage(browser, `${server.origin}${path}`, { width });
  return { page, errors };
}

/** Where an element's box is: left and right edges, in CSS pixels. */
async function edges(page: Page, selector: string): Promise<{ left: number; right: number }> {
  const box = await page.locator(selector).first().boundingBox();
  if (!box) throw new Error(`${selector} has no box`);
  return { left: box.x, right: box.x + box.width };
}

describeWithBrowser('a portfolio in German, with a case study in Arabic', () => {
  it.each(['/', GERMAN, '/resume/', '/search/', '/404.html', ARABIC])(
    'has no axe violation on %s',
    async (path) => {
      const { page, errors } = await open(path);
      expect(await axeViolations(page)).toEqual([]);
      expect(errors).toEqual([]);
      await page.context().close();
    },
  );

  it('lays the Arabic case study out right to left, mirrored', async () => {
    const arabic = (await open(ARABIC)).page;
    const german = (await open(GERMAN)).page;
    const width = 1280;
    // The site's name leads the header: on the left in German, on the right in Arabic.
    const germanHome = await edges(german, '.site-header__home');
    const arabicHome = await edges(arabic, '.site-header__home');
    expect(germanHome.left).toBeLessThan(width / 2);
    expect(arabicHome.right).toBeGreaterThan(width / 2);
    expect((await edges(arabic, '.site-header nav')).right).toBeLessThan(arabicHome.left);
    // The headline result and the title start at the right edge of the column.
    const title = await edges(arabic, 'h1');
    const headline = await edges(arabic, '.glance__result .headline__name');
    const column = await edges(arabic, 'main');
    expect(column.right - title.right).toBeLessThan(40);
    expect(column.right - headline.right).toBeLessThan(80);
    // The summary's accent rule sits on its reading start: the right.
    const rule = await arabic.locator('.case-study__summary').evaluate((element) => ({
      right: getComputedStyle(element).borderRightWidth,
      left: getComputedStyle(element).borderLeftWidth,
    }));
    expect(rule).toEqual({ right: '4px', left: '0px' });
    await arabic.context().close();
    await german.context().close();
  });

  it('switches the theme toggle’s label in German, from the words rendered with the page', async () => {
    const { page } = await open('/');
    const toggle = page.locator('[data-theme-toggle]');
    const label = await toggle.getAttribute('aria-label');
    expect(['Zum hellen Farbschema wechseln', 'Zum dunklen Farbschema wechseln']).toContain(label);
    await toggle.click();
    expect(await toggle.getAttribute('aria-label')).not.toBe(label);
    expect(await toggle.getAttribute('aria-label')).toMatch(
      /^Zum (hellen|dunklen) Farbschema wechseln$/,
    );
    await page.context().close();
  });

  it('filters in German: the status line and the remove buttons', async () => {
    const { page } = await open('/');
    await page.locator('.filter__toggle').click();
    await page.locator('button[data-filter="skill"][value="python"]').click();
    await expect
      .poll(() => page.locator('[data-filter-status]').textContent())
      .toBe('2 von 2 Fallstudien');
    await page.locator('button[data-filter="skill"][value="xgboost"]').click();
    await expect
      .poll(() => page.locator('[data-filter-status]').textContent())
      .toBe('1 von 2 Fallstudien');
    expect(await page.locator('.filter__remove').first().getAttribute('aria-label')).toBe(
      'Python (Fähigkeiten) entfernen',
    );
    await page.context().close();
  });
});
