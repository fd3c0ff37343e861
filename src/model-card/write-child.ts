import { readFileSync, rmSync } from 'node:fs';
import { deserialize } from 'node:v8';
import { serveChildJob } from '../processes/child-process.ts';
import { writeModelCards, type ModelCardJob } from './write.ts';

/**
 * The process a production build starts, once the content has been checked,
 * to write every model card while Astro bundles (model-card/write.ts). The
 * check writes the published studies to `studiesFile`; the answer is each
 * card under its key (processes/model-cards.ts).
 */
serveChildJob((job: ModelCardJob & { studiesFile: string }) => {
  const input = deserialize(readFileSync(job.studiesFile)) as Parameters<typeof writeModelCards>[0];
  rmSync(job.studiesFile, { force: true });
  return writeModelCards(input, job);
});
