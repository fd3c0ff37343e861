import { cpSync, rmSync } from 'node:fs';
import path from 'node:path';
import * as cheerio from 'cheerio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../helpers/build.ts';
import { editFile, startDevServer, type DevServer } from '../helpers/dev-server.ts';

/**
 * `<Notebook>` in `astro dev`: the page shows the check's view, its images
 * served through Astro's image endpoint; and a save that shows figures the
 * page did not show before brings them, decoded by the re-check, without a
 * restart.
 */

const content = path.join(projectRoot, '.tmp', 'notebook-dev', 'content');
const mdx = path.join(content, 'case-studies', 'breast-cancer', 'index.mdx');
const PAGE = '/case-studies/breast-cancer/';
const DEADLINE_MS = 30_000;

let server: DevServer;

/** The page's notebook images, once `done` holds for the page (or the deadline passes). */
async function imagesUntil(done: (sources: string[]) => boolean): Promise<string[]> {
  const deadline = Date.now() + DEADLINE_MS;
  let sources: string[] = [];
  while (Date.now() < deadline) {
    const response = await fetch(`${server.origin}${PAGE}`).catch(() => undefined);
    if (response?.ok) {
      const $ = cheerio.load(await response.text());
      sources = $('section.notebook img')
        .toArray()
        .map((image) => $(image).attr('src') ?? '');
      if (done(sources)) return sources;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`the page shows ${sources.length} images\n${server.output()}`);
}

async function expectServed(sources: string[]): Promise<void> {
  for (const source of sources) {
    const response = await fetch(new URL(source, server.origin));
    expect(response.status, source).toBe(200);
    expect(response.headers.get('content-type'), source).toMatch(/^image\//);
  }
}

describe('a notebook in astro dev', () => {
  beforeAll(async () => {
    rmSync(path.dirname(content), { recursive: true, force: true });
    cpSync(path.join(projectRoot, 'tests/fixtures/notebook/content'), content, {
      recursive: true,
    });
    // The page starts with the notebook's code only: none of its figures are shown.
    editFile(
      mdx,
      '<Notebook src="./analysis.ipynb" alt={{',
      '<Notebook src="./analysis.ipynb" outputs={false} cells={["fit"]} alt={{',
    );
    editFile(
      mdx,
      '<Notebook src="./analysis.ipynb" cells={["report", "table", 8]}',
      '<Notebook src="./analysis.ipynb" cells={["report", "table"]}',
    );
    server = await startDevServer(content);
  });

  afterAll(() => {
    server?.stop();
  });

  it("shows the figures a save adds, decoded by the re-check, through Astro's image endpoint", async () => {
    expect(await imagesUntil(() => true)).toEqual([]);
    editFile(
      mdx,
      '<Notebook src="./analysis.ipynb" outputs={false} cells={["fit"]} alt={{',
      '<Notebook src="./analysis.ipynb" alt={{',
    );
    const sources = await imagesUntil((found) => found.length >= 4);
    expect(sources.every((source) => source.startsWith('/_image?'))).toBe(true);
    await expectServed(sources);
  });
});
