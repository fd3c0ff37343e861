import type { Browser } from 'playwright-core';
import { expect } from 'vitest';
import { buildSite, type SharedBuildOptions } from './build.ts';
import { launchChromium } from './browser.ts';
import { serveDist, type StaticServer } from './static-server.ts';

export interface ServedBuild {
  outDir: string;
  server: StaticServer;
}

export interface BrowsedSite extends ServedBuild {
  browser: Browser;
  /** Closes Chromium, then the server. */
  close(): Promise<void>;
}

/** What to build (a shared build: see buildSite) and the base path to serve it under. */
export type ServeOptions = SharedBuildOptions & { base?: string };

/**
 * Builds a fixture (failing the calling hook, with astro's output, if the
 * build fails) and serves it on loopback under its base path.
 */
export async function serveBuild({
  base = '/',
  ...build
}: ServeOptions = {}): Promise<ServedBuild> {
  const result = await buildSite(build);
  expect(result.code, `${result.stdout}\n${result.stderr}`).toBe(0);
  return { outDir: result.outDir, server: await serveDist(result.outDir, base) };
}

/**
 * The set-up of a browser test file: a built fixture, served, and a Chromium
 * to open it in. Call it in a `beforeAll` and `close()` it in the `afterAll`.
 */
export async function browseSite(options: ServeOptions = {}): Promise<BrowsedSite> {
  const served = await serveBuild(options);
  let browser: Browser;
  try {
    browser = await launchChromium();
  } catch (error) {
    await served.server.close();
    throw error;
  }
  return {
    ...served,
    browser,
    close: async () => {
      await browser.close();
      await served.server.close();
    },
  };
}
