import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  buildSite,
  listFiles,
  loadPage,
  readUnzipped,
  type BuildResult,
} from '../helpers/build.ts';

describe('drafts in a production build', () => {
  let result: BuildResult;
  beforeAll(async () => {
    result = await buildSite({ fixture: 'drafts' });
  });

  it('builds the published case study, and indexes only it', () => {
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/\[casefolio\] search index: 1 page\n/);
    const $ = loadPage(result.outDir, 'case-studies/published-study/');
    expect($('h1').text()).toBe('A published study');
  });

  it('leaves no trace of a draft in any output file, search index included', () => {
    const files = listFiles(result.outDir);
    expect(files.length).toBeGreaterThan(3);
    const texts = files.map((file) => ({
      file,
      text: readUnzipped(path.join(result.outDir, file)).toString('latin1'),
    }));
    // The scan reads inside the gzipped index: the published study's words are found there.
    expect(
      texts.filter(
        ({ file, text }) => file.startsWith('pagefind/') && text.includes('Public body'),
      ),
    ).not.toEqual([]);
    const leaks = texts.filter(
      ({ file, text }) =>
        /7781|canary/i.test(text) || /canary|secret-draft|single-draft/i.test(file),
    );
    expect(leaks.map(({ file }) => file)).toEqual([]);
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
