import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { serveChildJob } from '../processes/child-process.ts';
import {
  planContent,
  type BuildContentPlan,
  type CollectionFiles,
  type PlanLocation,
  type PlanMode,
} from './plan.ts';

/**
 * The process a production build starts to check the content while Astro
 * sets itself up. The files to load are sent early (see `planContent`), the
 * plan when the checks are done. The search records (megabytes of text) are
 * written to `searchRecordsFile` for the search indexer rather than sent
 * through Astro's process, which only needs the rest of the plan.
 */
serveChildJob(
  async (
    job: PlanMode & { location: PlanLocation; searchRecordsFile: string },
    early: (files: CollectionFiles) => void,
  ): Promise<BuildContentPlan> => {
    const { searchRecords, ...plan } = await planContent(job.location, job, early);
    mkdirSync(path.dirname(job.searchRecordsFile), { recursive: true });
    writeFileSync(job.searchRecordsFile, JSON.stringify(searchRecords));
    return plan;
  },
);
