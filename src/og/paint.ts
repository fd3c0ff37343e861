import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { setImmediate } from 'node:timers/promises';
import { linkOrCopy } from '../output/move.ts';
import { collectGarbage } from '../processes/child-process.ts';
import { ogCardText, type OgCardFile } from './card.ts';
import type { OgCardsOptions, PaintedOgCard } from './cards.ts';
import { loadOgFonts, missingGlyphs, ogCardPng } from './image.ts';

/**
 * Paints a build's Open Graph cards into the cache, skipping cards already
 * there, and stages each under its published path (a hard link to the
 * cached file where it can be one). Runs in the child process og/cards.ts
 * starts.
 */

/** Bump when the layout or painting changes, so cached cards are painted again. */
const RENDERER_VERSION = 2;

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

/** Each card with its file in the cache: the hash of what it says and of the renderer. */
function cacheJobs(cards: readonly OgCardFile[], options: OgCardsOptions) {
  const renderer = rendererKey(options.root);
  return cards.map((file) => {
    const hash = createHash('sha256').update(renderer).update(JSON.stringify(file.card));
    return {
      file,
      cached: path.join(options.cacheDir, `${hash.digest('hex').slice(0, 32)}.png`),
    };
  });
}

/**
 * Paints, in the order given, each card whose file is not in the cache yet.
 * Another painter of the same build may be painting the same cache from
 * the other end (`helpPaintOgCards`): a card is written to a file of this
 * process's own and then renamed, so a card in the cache is always whole,
 * and each painter skips what the other has done.
 */
async function paintMissing(
  jobs: readonly { file: OgCardFile; cached: string }[],
  root: string,
): Promise<void> {
  let painted = 0;
  for (const job of jobs) {
    if (existsSync(job.cached)) continue;
    const partial = `${job.cached}.${process.pid}.tmp`;
    writeFileSync(partial, ogCardPng(job.file.card, root));
    renameSync(partial, job.cached);
    // Skia's pixel copies are freed by finalizers that only run when the event
    // loop turns; without this pause, 1,000 cards held 3 GB until the end.
    await setImmediate();
    // Each card leaves megabytes of native buffers (the deflated rows, the
    // pixels' views) that V8 frees only when it collects, which its heap of
    // 15 MB rarely asks for: the painter grew to 300-370 MB beside the
    // build's peak. A young-generation collection every 20 cards frees them
    // at no measurable cost, and the painter stays at 240-290 MB. Without
    // --expose-gc (painting outside a build) V8 decides alone.
    if (++painted % 20 === 0) collectGarbage({ type: 'minor' });
  }
}

/** A card a painter that is no longer running had begun to write (a build stopped while it painted). */
function isAbandoned(name: string): boolean {
  const pid = /\.png\.(\d+)\.tmp$/.exec(name)?.[1];
  if (pid === undefined) return false;
  try {
    process.kill(Number(pid), 0);
    return false;
  } catch (error) {
    // EPERM: the process runs, as another user.
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

/** What paintOgCardsInChild does, on the calling thread. */
export async function paintOgCards(
  cards: readonly OgCardFile[],
  options: OgCardsOptions,
): Promise<PaintedOgCard[]> {
  const { root, cacheDir } = options;
  mkdirSync(cacheDir, { recursive: true });
  const fonts = loadOgFonts(root);
  const jobs = cacheJobs(cards, options);
  await paintMissing(jobs, root);

  for (const { file, cached } of jobs) {
    const staged = path.join(options.stagingDir, file.path);
    mkdirSync(path.dirname(staged), { recursive: true });
    linkOrCopy(cached, staged);
  }

  const keep = new Set(jobs.map((job) => path.basename(job.cached)));
  for (const name of readdirSync(cacheDir)) {
    const stale = name.endsWith('.png') ? !keep.has(name) : isAbandoned(name);
    if (stale) rmSync(path.join(cacheDir, name), { force: true });
  }
  return jobs.map(({ file, cached }) => ({
    path: file.path,
    cached,
    missing: missingGlyphs(ogCardText(file.card), fonts),
  }));
}

/**
 * What helpOgCardPainter does, on the calling thread: paints the cards
 * still missing from the cache, from the last one back, beside the painter
 * that started first (`paintOgCards`), which stages and publishes them all.
 */
export async function helpPaintOgCards(
  cards: readonly OgCardFile[],
  options: OgCardsOptions,
): Promise<void> {
  mkdirSync(options.cacheDir, { recursive: true });
  await paintMissing(cacheJobs(cards, options).reverse(), options.root);
}
