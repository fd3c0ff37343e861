/**
 * `npm run build`: `astro build`, then the search index once Astro has
 * exited. Arguments are passed to `astro build` unchanged (`npm run build --
 * --base /portfolio/`). The exit code is Astro's, or 1 when indexing fails.
 *
 * Why two steps: at the end of a large build Astro still holds about 2 GB
 * (mostly the bundler's native memory), and Pagefind's indexer needs another
 * 0.6 GB at 1,000 case studies. Indexing after Astro exits keeps the peak at
 * the larger of the two instead of their sum. `astro build` on its own still
 * produces a complete site: without this script the integration indexes in
 * its last hook.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { SEARCH_HANDOFF_ENV, buildSearchIndex } from '../lib/search-index-fs.ts';

const require = createRequire(import.meta.url);
const astro = path.join(path.dirname(require.resolve('astro/package.json')), 'bin', 'astro.mjs');
const scratch = mkdtempSync(path.join(os.tmpdir(), 'casefolio-build-'));
const handoff = path.join(scratch, 'output-dir');

/** Runs the build and the index; returns the exit code. */
async function main(): Promise<number> {
  const built = spawnSync(process.execPath, [astro, 'build', ...process.argv.slice(2)], {
    stdio: 'inherit',
    env: { ...process.env, [SEARCH_HANDOFF_ENV]: handoff },
  });
  if (built.status !== 0) return built.status ?? 1;
  let dir: string | undefined;
  try {
    dir = readFileSync(handoff, 'utf8');
  } catch {
    // Astro ran without the Casefolio integration (or only printed --help): nothing to index.
    return 0;
  }
  try {
    const started = performance.now();
    const pages = await buildSearchIndex(dir);
    const seconds = ((performance.now() - started) / 1000).toFixed(2);
    console.log(`[casefolio] search index: ${pages} pages in ${seconds}s`);
    return 0;
  } catch (error) {
    console.error(`[casefolio] search index failed: ${(error as Error).message}`);
    return 1;
  }
}

const code = await main();
rmSync(scratch, { recursive: true, force: true });
process.exit(code);
