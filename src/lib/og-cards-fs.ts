import { createHash } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { setImmediate } from 'node:timers/promises';
import { Worker } from 'node:worker_threads';
import type { ContentReport } from './content-fs.ts';
import { resolveMetric } from './metric-sources-fs.ts';
import { ogCardText, portfolioOgCards, type OgCardFile } from './og-card.ts';
import { loadOgFonts, missingGlyphs, renderOgImage } from './og-image-fs.ts';

/**
 * The build's Open Graph cards, rendered in the background while Astro
 * builds the pages, and kept between builds.
 *
 * A production build starts `renderOgCards` as soon as the content has been
 * checked and collects the result when the pages are written. The cards are
 * painted and encoded on a worker thread at the lowest CPU priority, so they
 * use the cores Astro leaves idle (its page rendering is single-threaded)
 * instead of adding a route per card at the end: about 6 ms of CPU per card.
 *
 * Cards are cached under Astro's cache folder by a hash of what they say and
 * of the renderer and font versions, so a rebuild only paints the cards
 * whose words changed.
 */

/** Bump when the layout or painting changes, so cached cards are painted again. */
const RENDERER_VERSION = 1;

export interface RenderedOgCard {
  /** Where the card is published, relative to the output folder. */
  path: string;
  /** The PNG in the cache. */
  cached: string;
  /** Characters no bundled font has (they show as boxes). */
  missing: string[];
}

/** What the cached picture depends on besides the card's words. */
function rendererKey(root: string): string {
  const require = createRequire(path.join(root, 'package.json'));
  // Some packages do not export their package.json, so it is found beside their entry point.
  const version = (name: string): string => {
    for (
      let dir = path.dirname(require.resolve(name));
      dir !== path.dirname(dir);
      dir = path.dirname(dir)
    ) {
      const manifest = path.join(dir, 'package.json');
      if (!existsSync(manifest)) continue;
      const json = JSON.parse(readFileSync(manifest, 'utf8')) as {
        name?: string;
        version?: string;
      };
      if (json.name === name) return json.version ?? '';
    }
    return '';
  };
  return JSON.stringify([
    RENDERER_VERSION,
    version('@napi-rs/canvas'),
    version('@fontsource/noto-sans'),
    version('@embedpdf/fonts-sc'),
  ]);
}

/**
 * The cards of a production build, from the content check's report: the
 * published case studies (metrics read from their files, as the pages show
 * them) and the profile. Only called once the report has no problems.
 */
export function cardsFromReport(report: ContentReport, contentDir: string): OgCardFile[] {
  if (!report.profile) return [];
  const studies = report.caseStudies.flatMap((file) => {
    const valid = file.parsed?.valid;
    if (file.draft || !valid) return [];
    const metrics = valid.metrics.flatMap((metric) => {
      const resolved = resolveMetric(metric, file.absolutePath, contentDir);
      return resolved.ok ? [resolved.metric] : [];
    });
    return [{ slug: file.slug, title: valid.title, organization: valid.organization, metrics }];
  });
  return portfolioOgCards(studies, report.profile);
}

/**
 * Renders every card into `cacheDir` (or finds it there) and removes cached
 * cards this build no longer has, on a worker thread, so the main thread
 * stays free for Astro. Resolves once all are on disk.
 */
export function renderOgCards(
  cards: readonly OgCardFile[],
  options: OgCardsOptions,
): Promise<RenderedOgCard[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./og-cards-worker.ts', import.meta.url), {
      workerData: { cards, options },
    });
    worker.once('message', (rendered: RenderedOgCard[]) => resolve(rendered));
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`the Open Graph card worker stopped with code ${code}`));
    });
  });
}

export interface OgCardsOptions {
  /** The project root, where the fonts are resolved from. */
  root: string;
  /** Where painted cards are kept between builds. */
  cacheDir: string;
}

/** What renderOgCards does, on the calling thread. */
export async function paintOgCards(
  cards: readonly OgCardFile[],
  options: OgCardsOptions,
): Promise<RenderedOgCard[]> {
  const { root, cacheDir } = options;
  mkdirSync(cacheDir, { recursive: true });
  const fonts = loadOgFonts(root);
  const renderer = rendererKey(root);
  const jobs = cards.map((file) => {
    const hash = createHash('sha256').update(renderer).update(JSON.stringify(file.card));
    return { file, cached: path.join(cacheDir, `${hash.digest('hex').slice(0, 32)}.png`) };
  });
  for (const job of jobs) {
    if (existsSync(job.cached)) continue;
    writeFileSync(job.cached, renderOgImage(job.file.card, root).png);
    // Skia's pixel copies are freed by finalizers that only run when the event
    // loop turns; without this pause, 1,000 cards held 3 GB until the end.
    await setImmediate();
  }

  const keep = new Set(jobs.map((job) => path.basename(job.cached)));
  for (const name of readdirSync(cacheDir)) {
    if (name.endsWith('.png') && !keep.has(name)) rmSync(path.join(cacheDir, name));
  }
  return jobs.map(({ file, cached }) => ({
    path: file.path,
    cached,
    missing: missingGlyphs(ogCardText(file.card), fonts),
  }));
}

/** Copies rendered cards into the build output. */
export function publishOgCards(cards: readonly RenderedOgCard[], outDir: string): void {
  for (const card of cards) {
    const target = path.join(outDir, card.path);
    mkdirSync(path.dirname(target), { recursive: true });
    copyFileSync(card.cached, target);
  }
}
