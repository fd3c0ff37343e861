/**
 * Browser tests: Chromium through playwright-core, a static server, axe-core.
 *
 * Which Chromium: CHROMIUM_PATH, then a system Chromium or Chrome
 * (/usr/bin/chromium, chromium, chromium-browser, google-chrome,
 * google-chrome-stable on PATH), then the one inside the @sparticuz/chromium
 * package. The run looks once (tests/helpers/browser-setup.ts, a Vitest global
 * setup) and prints one line saying which it uses, or why browser tests are skipped.
 *
 * Writing a browser test: put every test that needs the browser under
 * `describeWithBrowser` (like `describe`, skipped when no Chromium can start), and
 * do the expensive set-up (builds, servers, `launchChromium()`) in a `beforeAll`
 * inside it or at the top of a file whose tests all sit under it: Vitest runs no
 * hook of a suite whose tests are all skipped.
 *
 *     describeWithBrowser('the chart tooltip', () => {
 *       let browser: Browser;
 *       beforeAll(async () => (browser = await launchChromium()));
 *       afterAll(() => browser?.close());
 *       it('...', async () => { ... });
 *     });
 *
 * `browseSite` (tests/helpers/served-site.ts) is that usual set-up in one call:
 * a shared build of a fixture, served, and Chromium.
 *
 * `chromeLauncherOptions()` gives chrome-launcher (Lighthouse) the same browser.
 * CI sets CASEFOLIO_REQUIRE_BROWSER=1, so there a missing browser fails the run.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { describe, inject } from 'vitest';
import { CHROMIUM_ARGS, HOW_TO_ENABLE, type FoundChromium } from './find-chromium.ts';

const found: FoundChromium | null = inject('chromium') ?? null;

/** Whether this run has a Chromium that starts. */
const browserAvailable = found !== null;

/** `describe` for tests that need the browser: skipped, with everything in it, without one. */
export const describeWithBrowser = describe.skipIf(!browserAvailable);

function foundOrThrow(): FoundChromium {
  if (found === null) {
    throw new Error(`no Chromium could start: ${HOW_TO_ENABLE} (use describeWithBrowser)`);
  }
  return found;
}

export function launchChromium(): Promise<Browser> {
  const { executablePath, env } = foundOrThrow();
  return chromium.launch({ executablePath, args: CHROMIUM_ARGS, env: { ...process.env, ...env } });
}

/** The same browser for chrome-launcher: its path and the environment it needs. */
export function chromeLauncherOptions(): { chromePath: string; envVars: Record<string, string> } {
  const { executablePath, env } = foundOrThrow();
  const envVars: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value !== undefined) envVars[key] = value;
  }
  return { chromePath: executablePath, envVars: { ...envVars, ...env } };
}

const axeSource = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** Runs axe-core's WCAG 2.1 A and AA rules on the page and returns the violations. */
export async function axeViolations(page: Page): Promise<string[]> {
  // Evaluated through the DevTools protocol: an injected <script> would be
  // (rightly) blocked by the site's Content-Security-Policy.
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run: (options: object) => Promise<{ violations: AxeViolation[] }> };
      }
    ).axe;
    const result = await axe.run({
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    return result.violations;
  });
  return violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
}

export interface OpenedPage {
  page: Page;
  context: BrowserContext;
  /** Uncaught exceptions and console errors, collected as the page runs. */
  errors: string[];
}

export interface OpenOptions {
  dark?: boolean;
  width?: number;
  javaScript?: boolean;
}

/** Opens a URL in a fresh context (own storage, colour scheme and viewport), collecting errors. */
export async function openPage(
  browser: Browser,
  url: string,
  options: OpenOptions = {},
): Promise<OpenedPage> {
  const context = await browser.newContext({
    colorScheme: options.dark ? 'dark' : 'light',
    viewport: { width: options.width ?? 1280, height: 900 },
    javaScriptEnabled: options.javaScript ?? true,
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  await page.goto(url);
  return { page, context, errors };
}
