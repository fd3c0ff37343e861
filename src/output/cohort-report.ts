import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * A cohort build's report for its coordinator: which members were built and
 * which were left out (`onMemberError: skip`) with the problem lines that
 * left them out. Written into the output as `_casefolio/report.json`, linked
 * from no page, so a workflow can read it or publish it on purpose.
 */
export interface CohortReport {
  /** The cohort's name, from cohort.yaml. */
  cohort: string;
  /** The members whose pages were built, by slug. */
  built: string[];
  /** The members left out, each with its problems as `file:line: field: message` lines. */
  skipped: { member: string; problems: string[] }[];
}

/** Where the report goes, relative to the output folder. */
export const COHORT_REPORT_PATH = '_casefolio/report.json';

/** Writes `report` into the output folder `outDir`. */
export function writeCohortReport(outDir: string, report: CohortReport): void {
  const file = path.join(outDir, COHORT_REPORT_PATH);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
}
