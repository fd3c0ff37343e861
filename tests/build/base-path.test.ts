import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import * as cheerio from 'cheerio';
import { describe, expect, it } from 'vitest';
import { buildSite, listFiles } from '../helpers/build.ts';

/** Every internal URL a page references: links, images, srcsets, scripts, styles, icons. */
function internalUrls(html: string): string[] {
  const $ = cheerio.load(html);
  const urls: string[] = [];
  $('[href], [src], [srcset]').each((_, element) => {
    const node = $(element);
    for (const attribute of ['href', 'src']) {
      const value = node.attr(attribute);
      if (value) urls.push(value);
    }
    const srcset = node.attr('srcset');
    if (srcset) urls.push(...srcset.split(',').map((part) => part.trim().split(/\s+/)[0] ?? ''));
  });
  return urls.filter((url) => url !== '' && !/^(https?:|mailto:|#)/.test(url));
}

/** The file a URL under `base` is served from, or undefined when it points nowhere. */
function resolve(outDir: string, base: string, url: string): string | undefined {
  const pathname = decodeURIComponent(url.split(/[?#]/)[0] ?? '');
  if (!pathname.startsWith(base)) return undefined;
  const local = path.join(outDir, pathname.slice(base.length));
  if (existsSync(local) && statSync(local).isFile()) return local;
  const index = path.join(local, 'index.html');
  return existsSync(index) ? index : undefined;
}

async function expectAllLinksResolve(args: string[], env: Record<string, string>) {
  const result = await buildSite({ fixture: 'valid', args, env });
  expect(result.code, result.stderr).toBe(0);
  const pages = listFiles(result.outDir).filter((file) => file.endsWith('.html'));
  expect(pages.length).toBeGreaterThan(10);
  const broken: string[] = [];
  let checked = 0;
  for (const page of pages) {
    const html = readFileSync(path.join(result.outDir, page), 'utf8');
    for (const url of internalUrls(html)) {
      checked++;
      if (!resolve(result.outDir, '/portfolio/', url)) broken.push(`${page}: ${url}`);
    }
  }
  expect(broken).toEqual([]);
  // Links to pages, images, styles and the favicon were all checked.
  expect(checked).toBeGreaterThan(100);
}

describe('a site under a base path (GitHub Pages project site)', () => {
  it('resolves every internal href and src with astro build --base /portfolio/', async () => {
    await expectAllLinksResolve(['--base', '/portfolio/'], {});
  });

  it('resolves every internal href and src with base set in the Astro config (BASE_PATH)', async () => {
    await expectAllLinksResolve([], { BASE_PATH: '/portfolio/' });
  });
});
