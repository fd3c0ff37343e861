import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, listFiles, loadPage, type BuildResult } from '../helpers/build.ts';

describe('drafts in a production build', () => {
  let result: BuildResult;
  beforeAll(async () => {
    result = await buildSite({ fixture: 'drafts' });
  });

  it('builds the published case study', () => {
    expect(result.code).toBe(0);
    const $ = loadPage(result.outDir, 'case-studies/published-study/');
    expect($('h1').text()).toBe('A published study');
  });

  it('leaves no trace of a draft in any output file', () => {
    const files = listFiles(result.outDir);
    expect(files.length).toBeGreaterThan(3);
    const leaks = files.filter((file) => {
      const bytes = readFileSync(path.join(result.outDir, file));
      return bytes.includes('7781') || /canary|secret-draft|single-draft/i.test(file);
    });
    expect(leaks).toEqual([]);
  });

  it('builds no page, card, tag or skill page for a draft', () => {
    const files = listFiles(result.outDir);
    expect(files).not.toContain('case-studies/secret-draft/index.html');
    expect(files).not.toContain('case-studies/single-draft/index.html');
    expect(files.some((file) => file.startsWith('tags/canary'))).toBe(false);
    expect(files.some((file) => file.startsWith('skills/canary'))).toBe(false);
    const home = loadPage(result.outDir, '');
    expect(home('.case-study-list > li')).toHaveLength(1);
    const shared = loadPage(result.outDir, 'tags/shared-tag/');
    expect(shared('.case-study-list > li')).toHaveLength(1);
    // The draft's image is never emitted either.
    expect(files.filter((file) => /\.(png|jpe?g|webp|avif|gif|svg)$/.test(file))).toEqual([
      'favicon.svg',
      'og/case-studies/published-study.png',
      'og/home.png',
    ]);
  });
});
