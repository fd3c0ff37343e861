/**
 * Vitest global setup: empties the run's shared builds (see buildSite in
 * tests/helpers/build.ts) before the run and before each rerun in watch mode,
 * so a shared build is never older than the run that reuses it.
 */
import { rmSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { sharedBuildsDir } from './build.ts';

export default function setup(project: TestProject): void {
  const empty = () => rmSync(sharedBuildsDir, { recursive: true, force: true });
  empty();
  project.onTestsRerun(empty);
}
