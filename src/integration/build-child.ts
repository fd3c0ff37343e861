/**
 * The child process a production build starts at config setup
 * (integration/content-check.ts): it checks the content, sends the files to
 * load as soon as it has read every frontmatter and the plan once the checks
 * are done, then, from what it checked and while Astro bundles, draws the
 * charts it built (sent in batches, for the chart figures to use), writes
 * every model card into the build's scratch folder (their keys and paths
 * sent next, for the build to publish) and the search index, and answers
 * with how many pages the index holds.
 *
 * One process for all of it because the drawings, the model cards and the
 * search records are made from values only the check holds: making them here
 * spares more Node processes, each loading its modules, and the megabytes of
 * charts, records and studies they would be passed (writing those to files
 * took 0.2 s at 1,000 case studies, before the plan could be sent). A build
 * whose content has problems stops at the plan.
 */

import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { setImmediate } from 'node:timers/promises';
import { Worker } from 'node:worker_threads';
import {
  planContent,
  type BuildContentPlan,
  type CollectionFiles,
  type PlanLocation,
  type PlanMode,
} from '../content/plan.ts';
import type { ChartConfig } from '../charts/config.ts';
import type { StaticChart } from '../charts/static/draw.ts';
import type { ModelCardJob } from '../model-card/write.ts';
import { collectGarbage, serveChildJob } from '../processes/child-process.ts';
import { writeSearchIndex } from '../search/index-writer.ts';

export type BuildChildJob = PlanMode & {
  location: PlanLocation;
  /** Where the pages are published, which the model cards link to. */
  pages: ModelCardJob;
  /** The folder the search index is written to, replacing what is there. */
  searchIndexDir: string;
  /** The folder each model card is written to, named by its path in the output (`stagedModelCardName`). */
  modelCardsDir: string;
};

/** What the child sends before it answers, in this order. */
export type BuildChildPart =
  | { files: CollectionFiles }
  | { plan: BuildContentPlan }
  /** A batch of chart drawings, each under its `drawingKey` (processes/chart-drawings.ts). */
  | { drawings: [string, StaticChart][] }
  /** Each card's key and path in the output (processes/model-cards.ts); undefined when they could not be written, and the route then writes its own. */
  | { modelCards: [string, string][] | undefined };

/** Model cards written between two turns of the event loop, which sends the chart drawings on: 1 to 2 ms each. */
const CARDS_BETWEEN_TURNS = 10;

/** How many pages the search index holds, or why it could not be written. */
export type BuildChildAnswer = { indexed: number } | { failed: string };

/**
 * Checks, sends the plan, and returns what the rest of the work needs:
 * nothing for content with problems. Kept apart so the plan, its charts
 * and views can be collected once they are sent.
 */
async function checkAndSend(job: BuildChildJob, send: (part: BuildChildPart) => Promise<void>) {
  const { searchRecords, publishedStudies, ...plan } = await planContent(
    job.location,
    job,
    (files) => void send({ files }),
  );
  // Astro's process waits for the plan: it is written out before the
  // collection and the model cards below keep this process's event loop busy.
  await send({ plan });
  if (plan.problems.length > 0) return undefined;
  const charts = plan.charts.map(([, chart]) => chart.config);
  return { searchRecords, publishedStudies, charts };
}

/**
 * Draws the charts the check built, in a worker thread (draw-worker.ts), and
 * sends the drawings on in the batches it posts. Resolves once it is done;
 * a worker that fails leaves the rest to the pages, which draw their own.
 */
function sendDrawings(
  charts: readonly ChartConfig[],
  send: (part: BuildChildPart) => Promise<void>,
): Promise<void> {
  if (charts.length === 0) return Promise.resolve();
  return new Promise((done) => {
    const worker = new Worker(new URL('./draw-worker.ts', import.meta.url), {
      workerData: charts,
    });
    worker.on('message', (drawings: [string, StaticChart][]) => {
      // Not awaited: a batch fills the pipe, and Astro's main thread reads it
      // only between its own long tasks, so waiting for each to be written
      // would hold the next one up while Astro bundles.
      void send({ drawings });
    });
    worker.once('error', () => done());
    worker.once('exit', () => done());
  });
}

serveChildJob<BuildChildJob, BuildChildAnswer, BuildChildPart>(async (job, send) => {
  const checked = await checkAndSend(job, send);
  if (!checked) return { indexed: 0 };
  // What the check read (every parsed file, the report) is garbage now, but
  // V8 keeps the heap it grew to until this process ends, beside Astro's
  // own peak and Pagefind's. A memory-reducing collection gives it back:
  // at 1,000 case studies the heap went from 262 MB to 100 MB and the
  // process from 334 MB to 198 MB. The process is started with --expose-gc
  // for this (integration/content-check.ts).
  collectGarbage({ type: 'major', flavor: 'last-resort' });
  // Pagefind indexes in a process of its own, sent one record per turn of
  // this event loop. The model cards wait until it has them all: written a
  // few at a time between its records, they made each turn longer, and
  // Pagefind, still being fed, wrote its index (0.45 GB) into Astro's own
  // memory peak at the end of the bundle with this process (0.45 GB) still
  // alive: 2.3 to 2.6 GB for the build at 1,000 case studies, against about
  // 1.9 GB with the cards written once Pagefind has every record.
  const added = Promise.withResolvers<void>();
  const indexing = writeSearchIndex(checked.searchRecords, job.searchIndexDir, () =>
    added.resolve(),
  ).then(
    (indexed): BuildChildAnswer => ({ indexed }),
    (error: unknown): BuildChildAnswer => ({
      failed: error instanceof Error ? error.message : String(error),
    }),
  );
  void indexing.then(() => added.resolve());
  // Drawn beside the model cards below: a page that finds no drawing draws its own.
  const drawing = sendDrawings(checked.charts, send);
  await added.promise;
  let modelCards: [string, string][] | undefined = [];
  try {
    // Loaded once the plan is sent, not before the check: Astro waits for that.
    const { modelCardWriters, stagedModelCardName } = await import('../model-card/write.ts');
    mkdirSync(job.modelCardsDir, { recursive: true });
    for (const [index, write] of modelCardWriters(checked.publishedStudies, job.pages).entries()) {
      const card = write();
      writeFileSync(path.join(job.modelCardsDir, stagedModelCardName(card.path)), card.markdown);
      modelCards.push([card.key, card.path]);
      if (index % CARDS_BETWEEN_TURNS === CARDS_BETWEEN_TURNS - 1) await setImmediate();
    }
  } catch {
    // Not the build's end: each route writes its own card, as in `astro dev`.
    modelCards = undefined;
  }
  await send({ modelCards });
  await drawing;
  return indexing;
});
