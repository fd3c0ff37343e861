import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import * as cheerio from 'cheerio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { childEnv, projectRoot, testConfigArgs } from '../helpers/build.ts';

const PORT = 4391;
let server: ChildProcess;

/** Polls the dev server until it answers, or fails after `timeout` ms. */
async function waitForServer(url: string, timeout = 60_000): Promise<void> {
  const start = Date.now();
  let lastStatus = 0;
  while (Date.now() - start < timeout) {
    try {
      const response = await fetch(url);
      if (response.ok) return;
      lastStatus = response.status;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`dev server did not start at ${url} (last status ${lastStatus})`);
}

async function page(pathname: string): Promise<cheerio.CheerioAPI> {
  const response = await fetch(`http://127.0.0.1:${PORT}${pathname}`);
  expect(response.status, pathname).toBe(200);
  return cheerio.load(await response.text());
}

beforeAll(async () => {
  server = spawn(
    process.execPath,
    [
      path.join(projectRoot, 'node_modules/astro/bin/astro.mjs'),
      'dev',
      ...testConfigArgs,
      '--port',
      String(PORT),
      '--host',
      '127.0.0.1',
      // Astro allows one dev server per project; replace any left by another run.
      '--force',
    ],
    {
      cwd: projectRoot,
      env: childEnv({ CASEFOLIO_CONTENT_DIR: 'tests/fixtures/drafts/content' }),
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  server.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  server.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  await waitForServer(`http://127.0.0.1:${PORT}/`).catch((error: Error) => {
    throw new Error(`${error.message}\n${output}`);
  });
});

afterAll(() => {
  server?.kill();
});

describe('npm run dev', () => {
  it('lists drafts on the home page, marked as drafts', async () => {
    const $ = await page('/');
    const cards = $('.card')
      .map((_, card) => ({
        title: $(card).find('.card__title').text().trim(),
        draft: $(card).find('.badge--draft').text().trim(),
      }))
      .get();
    expect(cards).toEqual([
      { title: 'CANARY-DRAFT-TITLE-7781', draft: 'Draft' },
      { title: 'CANARY-SINGLE-7781', draft: 'Draft' },
      { title: 'A published study', draft: '' },
    ]);
  });

  it('serves a draft page with a draft banner, kept out of search engines', async () => {
    const $ = await page('/case-studies/secret-draft/');
    expect($('h1').text()).toBe('CANARY-DRAFT-TITLE-7781');
    expect($('.badge--draft').text()).toBe('Draft: not published');
    expect($('meta[name="robots"]').attr('content')).toBe('noindex');
  });
});
