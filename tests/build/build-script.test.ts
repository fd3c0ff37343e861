import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSite } from '../helpers/build.ts';

/** Lines of output without Astro's timestamps. */
function lines(text: string): string[] {
  return text.split('\n').map((line) => line.replace(/^\d\d:\d\d:\d\d /, ''));
}

describe('npm run build (src/cli/build.ts)', () => {
  it('builds the site, then indexes it for search once Astro has exited', async () => {
    const result = await buildSite({
      fixture: 'drafts',
      label: 'build-script',
      viaBuildScript: true,
    });
    expect(result.code, result.stderr).toBe(0);
    const out = lines(result.stdout);
    const complete = out.findIndex((line) => line === '[build] Complete!');
    const indexed = out.findIndex((line) =>
      /^\[casefolio\] search index: 1 pages in \d+\.\d\ds$/.test(line),
    );
    expect(complete).toBeGreaterThanOrEqual(0);
    expect(indexed).toBeGreaterThan(complete);
    // The integration handed the index over instead of building it in Astro's process.
    expect(out.filter((line) => line.includes('search index'))).toHaveLength(1);
    expect(existsSync(path.join(result.outDir, 'pagefind', 'pagefind.js'))).toBe(true);
    expect(existsSync(path.join(result.outDir, 'og', 'case-studies', 'published-study.png'))).toBe(
      true,
    );
  });

  it('stops with Astro’s exit code and indexes nothing when the build fails', async () => {
    const result = await buildSite({
      fixture: 'invalid',
      label: 'build-script-invalid',
      viaBuildScript: true,
    });
    expect(result.code).toBe(1);
    expect(result.stdout + result.stderr).not.toContain('search index');
    expect(existsSync(path.join(result.outDir, 'pagefind'))).toBe(false);
  });
});
