/**
 * Vitest global setup: finds the browser once per run, prints one line about
 * it, and hands the answer to every test file (browser.ts reads it with
 * inject). With CASEFOLIO_REQUIRE_BROWSER=1 (CI) a missing browser fails the run.
 */
import type { TestProject } from 'vitest/node';
import {
  describeDiscovery,
  findChromium,
  HOW_TO_ENABLE,
  noneStarted,
  type FoundChromium,
} from './find-chromium.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The Chromium this run's browser tests use; null when none could start. */
    chromium: FoundChromium | null;
  }
}

export default async function setup(project: TestProject): Promise<void> {
  const discovery = await findChromium();
  if (!discovery.found && process.env['CASEFOLIO_REQUIRE_BROWSER'] === '1') {
    throw new Error(
      `CASEFOLIO_REQUIRE_BROWSER=1 but ${noneStarted(discovery.tried)}; ${HOW_TO_ENABLE}.`,
    );
  }
  console.info(describeDiscovery(discovery));
  project.provide('chromium', discovery.found ?? null);
}
