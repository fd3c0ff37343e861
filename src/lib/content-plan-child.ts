import { serveChildJob } from './child-process-fs.ts';
import { planContent, type PlanLocation } from './content-plan-fs.ts';

/** The process a production build starts to check the content while Astro sets itself up. */
serveChildJob((job: { location: PlanLocation; showDrafts: boolean; paintCards: boolean }) =>
  planContent(job.location, job),
);
