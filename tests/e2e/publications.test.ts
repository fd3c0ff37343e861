// Publications in Chromium (tests/fixtures/publications): axe finds nothing in
// either theme on the home page, the résumé and the citing case study; the
// BibTeX opens from the keyboard and without JavaScript; on a phone nothing
// overflows the page; print leaves the BibTeX out.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { axeViolations, describeWithBrowser, openPage } from '../helpers/browser.ts';
import { readPdf } from '../helpers/pdf-text.ts';
import { browseSite, type BrowsedSite } from '../helpers/served-site.ts';

let site: BrowsedSite | undefined;

beforeAll(async () => {
  site = await browseSite({ fixture: 'publications' });
}, 600_000);

afterAll(() => site?.close());

function open(urlPath: string, options: Parameters<typeof openPage>[2] = {}) {
  if (!site) throw new Error('the site was not built');
  return openPage(site.browser, `${site.server.origin}${urlPath}`, options);
}

describeWithBrowser('publications in the browser', () => {
  for (const dark of [false, true]) {
    it(`has no axe violations on the pages that show them (${dark ? 'dark' : 'light'})`, async () => {
      const found: string[] = [];
      for (const urlPath of ['/', '/resume/', '/case-studies/churn/']) {
        const { page, context, errors } = await open(urlPath, { dark });
        // The open <details> is checked too: its code block must scroll by keyboard and keep contrast.
        await page.locator('.publication__bibtex').evaluateAll((all) => {
          for (const details of all) (details as HTMLDetailsElement).open = true;
        });
        found.push(...(await axeViolations(page)).map((violation) => `${urlPath}: ${violation}`));
        found.push(...errors.map((error) => `${urlPath}: console: ${error}`));
        await context.close();
      }
      expect(found, found.join('\n')).toEqual([]);
    });
  }

  /** Tabs until the focused element is the BibTeX summary of `title`; fails after 80 stops. */
  async function tabTo(page: Page, name: string): Promise<void> {
    for (let step = 0; step < 80; step += 1) {
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => document.activeElement?.textContent ?? '');
      if (focused === name) return;
    }
    throw new Error(`never reached "${name}" with Tab`);
  }

  for (const javaScript of [true, false]) {
    it(`opens an entry's BibTeX from the keyboard (${javaScript ? 'with' : 'without'} JavaScript)`, async () => {
      const { page, context } = await open('/', { javaScript });
      const name = 'BibTeX of Predicting Churn with Calibrated Gradient Boosting';
      const code = page
        .locator('.publication__bibtex', { hasText: 'lovelace2025churn' })
        .locator('code');
      await expect(code.isVisible()).resolves.toBe(false);
      await tabTo(page, name);
      await page.keyboard.press('Enter');
      await expect(code.isVisible()).resolves.toBe(true);
      expect(await code.textContent()).toMatch(/^@inproceedings\{lovelace2025churn,/);
      await context.close();
    });
  }

  it('fits a phone: a long entry scrolls inside its box, not the page', async () => {
    const { page, context } = await open('/', { width: 360 });
    await page.locator('.publication__bibtex').evaluateAll((all) => {
      for (const details of all) (details as HTMLDetailsElement).open = true;
    });
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBe(0);
    await context.close();
  });

  it('prints the résumé with its publications as text an applicant-tracking system reads', async () => {
    const { page, context } = await open('/resume/');
    const pdf = await page.pdf({ format: 'A4', printBackground: false });
    await context.close();
    const read = await readPdf(pdf);
    const lines = read.lines.map((line) => line.text);
    const heading = lines.findIndex((line) => /^publications$/i.test(line));
    expect(heading).toBeGreaterThan(0);
    // Each publication's title, then its authors, in the page's order, after the heading.
    const title = lines.indexOf('Predicting Churn with Calibrated Gradient Boosting');
    expect(title).toBeGreaterThan(heading);
    expect(lines[title + 1]).toBe('Ada Lovelace, Jan van der Berg, Hans Müller');
    expect(read.links).toContain('https://doi.org/10.1145/3711896.3736001');
    expect(lines.join('\n')).not.toContain('@inproceedings');
  });

  it('prints the list without the BibTeX', async () => {
    const { page, context } = await open('/');
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('.publication__title').first().isVisible()).resolves.toBe(true);
    await expect(page.locator('.publication__bibtex').first().isVisible()).resolves.toBe(false);
    await context.close();
  });
});
