import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeWithBrowser, launchChromium } from '../helpers/browser.ts';
import { projectRoot } from '../helpers/build.ts';
import { editFile as edit, startDevServer, type DevServer } from '../helpers/dev-server.ts';

// Inside the project, so Vite serves and watches it like the real content/.
const content = path.join(projectRoot, '.tmp', 'live-preview', 'content');
const study = path.join(content, 'case-studies', 'published-study');
let server: DevServer;
let browser: Browser;
let page: Page;

/**
 * What a reader sees: the text of Astro's error overlay when it is showing
 * (without its stylesheet), otherwise the page's visible text plus its chart
 * data tables, which the chart script hides visually once it has drawn.
 */
/**
 * The page's text, or the overlay's. The dev server reloads the page after a
 * save, which can land while the text is read ("Execution context was
 * destroyed"): then read the reloaded page instead of failing.
 */
async function pageText(): Promise<string> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await readPageText();
    } catch (error) {
      const navigated = /Execution context was destroyed|navigation/i.test(
        (error as Error).message,
      );
      if (!navigated || attempt === 5) throw error;
      await page.waitForLoadState('load').catch(() => undefined);
    }
  }
}

function readPageText(): Promise<string> {
  return page.evaluate(() => {
    const overlay = document.querySelector('vite-error-overlay')?.shadowRoot;
    if (overlay) {
      const parts: string[] = [];
      const walker = document.createTreeWalker(overlay, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (node.parentElement?.closest('style')) continue;
        parts.push(node.textContent ?? '');
      }
      return parts.join(' ').replace(/\s+/g, ' ');
    }
    const tables = [...document.querySelectorAll('figure table')].map((t) => t.textContent);
    return [document.body.innerText, ...tables].join('\n');
  });
}

async function waitForText(expected: string, timeout = 20_000): Promise<void> {
  const start = Date.now();
  let last = '';
  while (Date.now() - start < timeout) {
    last = await pageText().catch(() => '');
    if (last.includes(expected)) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`"${expected}" did not appear; the page shows:\n${last.slice(0, 2000)}`);
}

beforeAll(async () => {
  rmSync(path.dirname(content), { recursive: true, force: true });
  cpSync(path.join(projectRoot, 'tests/fixtures/drafts/content'), content, { recursive: true });
  writeFileSync(path.join(study, 'history.csv'), 'epoch,loss\n1,0.9\n2,0.5\n');
  edit(
    path.join(study, 'index.mdx'),
    'Public body.',
    'Public body.\n\n<Chart src="./history.csv" x="epoch" y="loss" title="Loss by epoch" />',
  );
  server = await startDevServer(content);
  browser = await launchChromium();
  page = await browser.newPage();
  await page.goto(`${server.origin}/case-studies/published-study/`);
});

afterAll(async () => {
  await browser?.close();
  server?.stop();
  rmSync(path.dirname(content), { recursive: true, force: true });
});

describeWithBrowser('npm run dev, live preview', () => {
  it('updates the page when a data file beside the case study changes', async () => {
    await waitForText('Loss by epoch');
    expect(await pageText()).toContain('0.5');
    writeFileSync(path.join(study, 'history.csv'), 'epoch,loss\n1,0.9\n2,0.4242\n');
    await waitForText('0.4242');
  });

  it('updates the page when the MDX file changes', async () => {
    edit(path.join(study, 'index.mdx'), 'title: A published study', 'title: A retitled study');
    await waitForText('A retitled study');
  });

  it('updates the page when profile.yaml changes', async () => {
    edit(path.join(content, 'profile.yaml'), 'name: Draft Tester', 'name: Renamed Tester');
    await waitForText('Renamed Tester');
  });

  it('shows a file saved in two steps (truncate, then write) as saved, not as empty', async () => {
    const file = path.join(content, 'profile.yaml');
    const text = readFileSync(file, 'utf8').replace('name: Renamed Tester', 'name: Twice Saved');
    writeFileSync(file, '');
    await new Promise((resolve) => setTimeout(resolve, 20));
    writeFileSync(file, text);
    await waitForText('Twice Saved');
    // The empty moment left no error behind.
    expect(await page.evaluate(() => document.querySelector('vite-error-overlay'))).toBeNull();
  });

  it('shows an MDX file saved in two steps as saved, not as the empty file between them', async () => {
    const file = path.join(study, 'index.mdx');
    const text = readFileSync(file, 'utf8').replace(
      'title: A retitled study',
      'title: A twice-saved study',
    );
    writeFileSync(file, '');
    await new Promise((resolve) => setTimeout(resolve, 20));
    writeFileSync(file, text);
    await waitForText('A twice-saved study');
    edit(file, 'title: A twice-saved study', 'title: A retitled study');
    await waitForText('A retitled study');
  });

  it('serves each link-preview card as a PNG, painted on request', async () => {
    for (const card of ['og/case-studies/published-study.png', 'og/home.png']) {
      const response = await fetch(`${server.origin}/${card}`);
      expect(response.status, card).toBe(200);
      expect(response.headers.get('content-type'), card).toBe('image/png');
      const bytes = new Uint8Array(await response.arrayBuffer());
      expect([...bytes.subarray(0, 4)], card).toEqual([0x89, 0x50, 0x4e, 0x47]);
    }
    expect((await fetch(`${server.origin}/og/case-studies/no-such-study.png`)).status).toBe(404);
  });

  it('shows content errors in the error overlay with the one-line messages, and recovers', async () => {
    edit(path.join(study, 'index.mdx'), 'value: 1.2', 'value: "1.2 RMSE"');
    await waitForText(
      '.tmp/live-preview/content/case-studies/published-study/index.mdx:12: metrics[0].value: expected a number, got "1.2 RMSE" (metric "RMSE")',
    );
    // The lines, and no stack trace pointing into Casefolio's engine.
    expect(await pageText()).not.toMatch(/assertContentValid|src\/data\/portfolio\.ts/);
    edit(path.join(study, 'index.mdx'), 'value: "1.2 RMSE"', 'value: 1.2');
    await waitForText('A retitled study');
  });

  it('shows what the build would refuse, lint errors included, and recovers', async () => {
    edit(path.join(study, 'index.mdx'), '## Impact', '## Outcome');
    await waitForText(
      'published-study/index.mdx:16: missing section "## Impact" (every case study has Problem, Approach, Results, Impact)',
    );
    edit(path.join(study, 'index.mdx'), '## Outcome', '## Impact');
    await waitForText('A retitled study');
  });
});
