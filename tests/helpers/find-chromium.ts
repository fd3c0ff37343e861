/**
 * Finds a Chromium that really starts on this machine, for the browser tests
 * (Playwright) and Lighthouse (chrome-launcher) alike. Run once per test run by
 * tests/helpers/browser-setup.ts; tests read the answer through browser.ts.
 */
import { accessSync, constants, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { chromium } from 'playwright-core';

/** A Chromium that launched, and how to launch it again. */
export interface FoundChromium {
  executablePath: string;
  /** Environment the browser needs besides this process's (the packaged one's libraries). */
  env: Record<string, string>;
  /** Where it came from, for the run's one line. */
  source: string;
}

export interface Discovery {
  found?: FoundChromium;
  /** Every candidate tried before (and including) the one found, with why each failed. */
  tried: string[];
}

/** Flags for a headless browser in a container, with no network past loopback. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** System browsers looked up on PATH, after CHROMIUM_PATH and /usr/bin/chromium. */
const SYSTEM_NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];

export const HOW_TO_ENABLE =
  'set CHROMIUM_PATH to a Chromium or Chrome, or apt-get install chromium';

export interface Candidate {
  source: string;
  /** Resolves the executable (and its environment); throws with the reason it is unusable. */
  resolve: () => Promise<{ executablePath: string; env?: Record<string, string> }>;
  /** A second way to start the same binary when the first fails (the packaged libraries). */
  retry?: () => Promise<Record<string, string>>;
}

function executableOnPath(name: string, pathVariable: string): string | undefined {
  for (const dir of pathVariable.split(path.delimiter).filter(Boolean)) {
    const file = path.join(dir, name);
    try {
      accessSync(file, constants.X_OK);
      return file;
    } catch {
      // Not in this folder.
    }
  }
  return undefined;
}

function existing(file: string): Promise<{ executablePath: string }> {
  return existsSync(file)
    ? Promise.resolve({ executablePath: file })
    : Promise.reject(new Error('not found'));
}

/** The candidates, in the order the tests prefer them. */
export function candidates(env: NodeJS.ProcessEnv = process.env): Candidate[] {
  const list: Candidate[] = [];
  const fromEnv = env['CHROMIUM_PATH'];
  if (fromEnv) list.push({ source: `CHROMIUM_PATH=${fromEnv}`, resolve: () => existing(fromEnv) });
  if (!fromEnv || path.resolve(fromEnv) !== '/usr/bin/chromium') {
    list.push({ source: '/usr/bin/chromium', resolve: () => existing('/usr/bin/chromium') });
  }
  const onPath = [
    ...new Set(SYSTEM_NAMES.map((name) => executableOnPath(name, env['PATH'] ?? ''))),
  ].filter((file): file is string => file !== undefined && file !== '/usr/bin/chromium');
  for (const file of onPath) list.push({ source: file, resolve: () => existing(file) });
  if (onPath.length === 0) {
    list.push({
      source: `${SYSTEM_NAMES.join(', ')} on PATH`,
      resolve: () => Promise.reject(new Error('none found')),
    });
  }
  list.push({
    source: '@sparticuz/chromium',
    // Unpacks the binary to the temporary folder (once; later runs reuse it).
    resolve: async () => {
      const { default: packaged } = await import('@sparticuz/chromium');
      return { executablePath: await packaged.executablePath() };
    },
    // Built for Amazon Linux, it links NSS, NSPR and expat: a machine without
    // them (no Debian chromium, no Java) gets the copies the package ships.
    retry: async () => {
      const { inflate } = await import('@sparticuz/chromium');
      const entry = createRequire(import.meta.url).resolve('@sparticuz/chromium');
      const dir = await inflate(path.join(path.dirname(entry), '..', 'bin', 'al2023.tar.br'));
      const libraries = path.join(dir, 'lib');
      const current = env['LD_LIBRARY_PATH'];
      return { LD_LIBRARY_PATH: current ? `${libraries}${path.delimiter}${current}` : libraries };
    },
  });
  return list;
}

/** Starts the browser, opens a page and closes it: proof that it runs here. */
async function starts(executablePath: string, env: Record<string, string>): Promise<void> {
  const browser = await chromium.launch({
    executablePath,
    args: CHROMIUM_ARGS,
    env: { ...process.env, ...env },
    timeout: 60_000,
  });
  try {
    const page = await browser.newPage();
    await page.setContent('<p>ok</p>');
  } finally {
    await browser.close();
  }
}

function firstLine(error: unknown): string {
  return ((error as Error).message ?? String(error)).split('\n')[0]?.trim() ?? 'failed';
}

/** Tries each candidate in turn and returns the first that starts. */
export async function findChromium(list: Candidate[] = candidates()): Promise<Discovery> {
  const tried: string[] = [];
  for (const candidate of list) {
    let executablePath: string;
    let env: Record<string, string>;
    try {
      ({ executablePath, env = {} } = await candidate.resolve());
    } catch (error) {
      tried.push(`${candidate.source}: ${firstLine(error)}`);
      continue;
    }
    try {
      await starts(executablePath, env);
      return { found: { executablePath, env, source: candidate.source }, tried };
    } catch (error) {
      if (!candidate.retry) {
        tried.push(`${candidate.source}: does not start (${firstLine(error)})`);
        continue;
      }
      try {
        const retryEnv = await candidate.retry();
        await starts(executablePath, retryEnv);
        return {
          found: {
            executablePath,
            env: retryEnv,
            source: `${candidate.source} with its own libraries`,
          },
          tried,
        };
      } catch (retryError) {
        tried.push(`${candidate.source}: does not start (${firstLine(retryError)})`);
      }
    }
  }
  return { tried };
}

/** Why no browser test can run: every candidate and what went wrong with it. */
export function noneStarted(tried: readonly string[]): string {
  return `no Chromium could start (tried ${tried.join('; ')})`;
}

/** The one line a run prints about its browser. */
export function describeDiscovery({ found, tried }: Discovery): string {
  if (found) {
    const from = found.source === found.executablePath ? '' : ` (${found.source})`;
    return `Browser tests use ${found.executablePath}${from}.`;
  }
  return `Browser tests skipped: ${noneStarted(tried)}; to run them, ${HOW_TO_ENABLE}.`;
}
