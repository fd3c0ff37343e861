import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { pruneUnreferencedImages } from '../../../src/output/prune-assets.ts';

function dist(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'prune-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

describe('pruning bundled images', () => {
  it('removes originals no page, style or script refers to, and keeps the rest', () => {
    const dir = dist({
      'index.html': '<img src="/_astro/cover.Ab12_Z1x.webp" alt="">',
      '_astro/site.css': '.hero{background:url(/_astro/hero.Cd34.png)}',
      '_astro/cover.Ab12_Z1x.webp': 'optimised',
      '_astro/cover.Ab12.jpg': 'original with EXIF',
      '_astro/hero.Cd34.png': 'used by a style',
    });
    expect(pruneUnreferencedImages(dir)).toEqual(['_astro/cover.Ab12.jpg']);
    expect(existsSync(path.join(dir, '_astro/cover.Ab12_Z1x.webp'))).toBe(true);
    expect(existsSync(path.join(dir, '_astro/hero.Cd34.png'))).toBe(true);
  });

  it('has nothing to do in a site without bundled images', () => {
    expect(
      pruneUnreferencedImages(dist({ 'index.html': '<p>text</p>', '_astro/a.js': '' })),
    ).toEqual([]);
    expect(pruneUnreferencedImages(dist({ 'index.html': '<p>text</p>' }))).toEqual([]);
  });
});
