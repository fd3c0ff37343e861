/**
 * The worker thread the check's process draws a build's charts in
 * (integration/build-child.ts). Drawing is seconds of Chart.js at 1,000
 * charts: on the process's own thread it kept Pagefind waiting for its next
 * record the whole time (it is fed one record per turn of the event loop),
 * which pushed the index's own memory peak into Astro's. Here the process's
 * thread stays free to feed Pagefind and pass drawings on, and the thread's
 * heap, grown with Chart.js's garbage, goes when it ends.
 *
 * Draws every chart of `workerData` once and posts the drawings in batches
 * of `[drawingKey, StaticChart]`; a chart that cannot be drawn is left to its
 * page, which draws it (or says why not).
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { ChartConfig } from '../charts/config.ts';
import { drawable } from '../charts/drawable.ts';
import { drawStaticChart, drawingKey, type StaticChart } from '../charts/static/draw.ts';

/** Drawings posted at a time (about 4 ms of drawing each), so Astro's process gets them in steady batches. */
const DRAWINGS_PER_BATCH = 20;

const charts = workerData as ChartConfig[];
const drawn = new Set<string>();
let batch: [string, StaticChart][] = [];
for (const config of charts) {
  const key = drawingKey(config);
  if (drawn.has(key) || !drawable(config)) continue;
  drawn.add(key);
  try {
    batch.push([key, drawStaticChart(config)]);
  } catch {
    continue;
  }
  if (batch.length === DRAWINGS_PER_BATCH) {
    parentPort?.postMessage(batch);
    batch = [];
  }
}
if (batch.length > 0) parentPort?.postMessage(batch);
