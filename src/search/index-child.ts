import { readFileSync, rmSync } from 'node:fs';
import { serveChildJob } from '../processes/child-process.ts';
import { writeSearchIndex } from './index-writer.ts';
import type { SearchRecord } from './records.ts';

/** The process a production build starts to write the search index while Astro bundles. */
serveChildJob(async (job: { recordsFile: string; outputPath: string }) => {
  const records = JSON.parse(readFileSync(job.recordsFile, 'utf8')) as SearchRecord[];
  rmSync(job.recordsFile, { force: true });
  return writeSearchIndex(records, job.outputPath);
});
