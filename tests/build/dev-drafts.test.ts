import * as cheerio from 'cheerio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDevServer, type DevServer } from '../helpers/dev-server.ts';

let server: DevServer;

async function page(pathname: string): Promise<cheerio.CheerioAPI> {
  const response = await fetch(`${server.origin}${pathname}`);
  expect(response.status, pathname).toBe(200);
  return cheerio.load(await response.text());
}

beforeAll(async () => {
  server = await startDevServer('tests/fixtures/drafts/content');
});

afterAll(() => {
  server?.stop();
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

  it('serves a case study’s model card, which no build has written: the route renders it', async () => {
    const response = await fetch(`${server.origin}/case-studies/published-study/model-card.md`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/markdown');
    const card = await response.text();
    expect(card).toMatch(/^---\n/);
    expect(card).toContain('model-index:');
    expect(card).toContain('A published study');
  });
});
