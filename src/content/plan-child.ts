import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { serialize } from 'node:v8';
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
 * written to `searchRecordsFile` for the search indexer, and the published
 * studies to `studiesFile` for the model-card writer, rather than sent
 * through Astro's process, which only needs the rest of the plan.
 */
serveChildJob(
  async (
    job: PlanMode & { location: PlanLocation; searchRecordsFile: string; studiesFile: string },
    early: (files: CollectionFiles) => void,
  ): Promise<BuildContentPlan> => {
    const { searchRecords, publishedStudies, ...plan } = await planContent(
      job.location,
      job,
      early,
    );
    mkdirSync(path.dirname(job.searchRecordsFile), { recursive: true });
    writeFileSync(job.searchRecordsFile, JSON.stringify(searchRecords));
    // V8's format, not JSON: the values arrive exactly as read (a YAML
    // `.inf` stays Infinity), so each card is written from what the page shows.
    mkdirSync(path.dirname(job.studiesFile), { recursive: true });
    writeFileSync(job.studiesFile, serialize(publishedStudies));
    return plan;
  },
);
